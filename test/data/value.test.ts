import { describe, expect, test } from 'vitest';
import { parseStatus, parseValue } from '../../src/data/value.js';

describe('numbers', () => {
  test.each([
    ['1437', 1437],
    ['1,437', 1437],
    ['"1,437"'.slice(1, -1), 1437],
    ['1,234,567.5', 1234567.5],
    [' 12.5 ', 12.5],
    ['\u00a012.5\u00a0', 12.5],
    ['0', 0],
    ['-0', 0],
    ['-3.25', -3.25],
    ['.5', 0.5],
    ['5.', 5],
    ['007', 7],
    ['124.150582642172', 124.150582642172],
  ])('%j → %d', (text, value) => {
    const r = parseValue(text);
    expect(r).toMatchObject({ ok: true, value, status: [], percentSign: false });
    if (r.ok) expect(Object.is(r.value, -0)).toBe(false);
  });

  test('a bare figure a source mapping names as a marker is that marker; a figure too long is refused', () => {
    expect(parseValue('9999', { markers: { '9999': 'x' } })).toEqual({ ok: true, value: null, missing: 'x', status: [], percentSign: false });
    expect(parseValue('9999')).toEqual({ ok: true, value: 9999, status: [], percentSign: false });
    expect(parseValue('1'.repeat(65))).toMatchObject({ ok: false });
  });

  test('a percent sign is read and reported', () => {
    expect(parseValue('6.3%')).toEqual({ ok: true, value: 6.3, status: [], percentSign: true });
    expect(parseValue('6.3 %')).toMatchObject({ ok: true, value: 6.3, percentSign: true });
  });
});

describe('markers are typed missing values, never zero', () => {
  test.each([
    ['c', 'c'],
    ['C', 'c'],
    ['x', 'x'],
    ['z', 'z'],
    ['low', 'low'],
    ['u', 'u'],
    ['..', '..'],
    [':', 'x'],
    ['~', 'low'],
    ['[c]', 'c'],
    ['[x]', 'x'],
    ['[z]', 'z'],
    ['[low]', 'low'],
    ['[u]', 'u'],
    [' x ', 'x'],
  ])('%j → missing %s', (text, marker) => {
    expect(parseValue(text)).toEqual({ ok: true, value: null, missing: marker, status: [], percentSign: false });
  });

  test.each(['#VALUE!', '#DIV/0!', '#N/A', '#REF!', '#NAME?', '#NUM!', '#value!'])('the spreadsheet error %s → missing "error", with a warning', (text) => {
    const r = parseValue(text);
    expect(r).toMatchObject({ ok: true, value: null, missing: 'error' });
    if (r.ok) expect(r.warning).toMatch(/spreadsheet error .* not zero/);
  });

  test('file-specific markers', () => {
    expect(parseValue('NA', { markers: { NA: 'x' } })).toMatchObject({ ok: true, value: null, missing: 'x' });
    expect(parseValue('na', { markers: { NA: 'x' } })).toMatchObject({ ok: true, missing: 'x' });
    expect(parseValue('.', { markers: { '.': 'z' } })).toMatchObject({ ok: true, missing: 'z' });
    expect(parseValue('NA')).toMatchObject({ ok: false });
  });

  test('an empty cell: an error in the native format, a marker (with a warning) where a mapping says so', () => {
    expect(parseValue('')).toMatchObject({ ok: false, reason: 'expected a value, got an empty cell', fix: expect.stringMatching(/marker such as x/) });
    expect(parseValue('  ')).toMatchObject({ ok: false });
    const r = parseValue('', { empty: 'x' });
    expect(r).toMatchObject({ ok: true, value: null, missing: 'x' });
    if (r.ok) expect(r.warning).toMatch(/empty cell read as x/);
  });
});

describe('status flags', () => {
  test.each([
    ['12.3 [p]', 12.3, ['p']],
    ['12.3[p]', 12.3, ['p']],
    ['12.3 [p] [r]', 12.3, ['p', 'r']],
    ['12.3 [P][R]', 12.3, ['p', 'r']],
    ['1,437 [e]', 1437, ['e']],
    ['6.3% [b]', 6.3, ['b']],
    ['12.3 [f]', 12.3, ['f']],
    ['12.3 [u]', 12.3, ['u']],
    ['12.3 p', 12.3, ['p']],
    ['12.3p', 12.3, ['p']],
    ['12.3 r', 12.3, ['r']],
    ['12.3 r [p]', 12.3, ['r', 'p']],
  ])('%j → %d with %j', (text, value, status) => {
    expect(parseValue(text)).toMatchObject({ ok: true, value, status });
  });
  test('a marker can carry a flag', () => {
    expect(parseValue('x [r]')).toEqual({ ok: true, value: null, missing: 'x', status: ['r'], percentSign: false });
  });
  test('an unknown flag is rejected', () => {
    expect(parseValue('12.3 [q]')).toMatchObject({ ok: false, reason: 'expected a status flag such as [p], got [q]' });
  });
  test('status cells', () => {
    expect(parseStatus('p')).toEqual({ ok: true, status: ['p'] });
    expect(parseStatus('p, r')).toEqual({ ok: true, status: ['p', 'r'] });
    expect(parseStatus('p r e')).toEqual({ ok: true, status: ['p', 'r', 'e'] });
    expect(parseStatus('[p][r]')).toEqual({ ok: true, status: ['p', 'r'] });
    expect(parseStatus('[p], [b]')).toEqual({ ok: true, status: ['p', 'b'] });
    expect(parseStatus('')).toEqual({ ok: true, status: [] });
    expect(parseStatus('P;F')).toEqual({ ok: true, status: ['p', 'f'] });
    expect(parseStatus('provisional')).toMatchObject({ ok: false, reason: 'expected status flags such as p or [p], got "provisional"' });
  });
});

describe('rejected, with a reason', () => {
  test.each([
    ['1e400', /exponent/],
    ['1E5', /exponent/],
    ['NaN', /expected a number, got "NaN"/],
    ['Infinity', /expected a number, got "Infinity"/],
    ['-Infinity', /expected a number/],
    ['0x1F', /hexadecimal/],
    ['6,3', /decimal comma/],
    ['1.437,5', /decimal comma/],
    ['1,43', /decimal comma/],
    ['12,34,567', /groups of three/],
    ['14,37', /decimal comma/],
    ['90-99', /band/],
    ['31/03/2013', /looks like a date/],
    ['Mar-13', /looks like a date/],
    ['+3', /plus sign/],
    ['abc', /expected a number such as 1437/],
    ['12 34', /expected a number/],
    ['1'.repeat(400), /too large/],
  ])('%j', (text, reason) => {
    const r = parseValue(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toMatch(reason);
      expect(r.fix.length).toBeGreaterThan(0);
    }
  });
});
