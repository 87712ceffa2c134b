/**
 * The YAML memo: a rerun reads the plan and configuration it parsed before from `.oba-cache/yaml/`
 * instead of parsing them again, with the same result, problems and their places included.
 */
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isJsonValue, parseYaml, type YamlMemo } from '../../src/config/yaml.js';
import { openYamlMemo } from '../../src/io/yaml-memo.js';
import { oba, tempFolder } from '../helpers/cli.js';

/** A memo in memory that records what it was asked. */
function memoInMemory(): YamlMemo & { sets: unknown[] } {
  const kept = new Map<string, unknown>();
  const sets: unknown[] = [];
  return {
    sets,
    get: (text) => kept.get(text),
    set: (text, value) => {
      sets.push(value);
      kept.set(text, value);
    },
  };
}

function entriesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.includes('/'));
}

describe('the YAML memo', () => {
  it('gives what the parse gave, without parsing again', () => {
    const memo = memoInMemory();
    const first = parseYaml('plan: plan.yaml\nareas: [{ name: A, type: cluster }]\n', 'x.yaml', { memo });
    expect(first.ok && first.value).toEqual({ plan: 'plan.yaml', areas: [{ name: 'A', type: 'cluster' }] });
    expect(memo.sets).toHaveLength(1);
    // A text the memo holds is not parsed: here the memo's value stands in for a text that would not parse.
    memo.set('[unclosed', { from: 'memo' });
    const again = parseYaml('[unclosed', 'x.yaml', { memo });
    expect(again.ok && again.value).toEqual({ from: 'memo' });
  });

  it('keeps only values JSON holds exactly, and nothing that did not parse', () => {
    const memo = memoInMemory();
    parseYaml('a: .inf\n', 'x.yaml', { memo });
    parseYaml('a: -0.0\n', 'x.yaml', { memo });
    parseYaml('a: [1, 2\n', 'x.yaml', { memo });
    expect(memo.sets).toEqual([]);
    expect(isJsonValue({ a: [1, 'b', null, true, { c: 2.5 }] })).toBe(true);
    expect(isJsonValue({ a: new Date(0) })).toBe(false);
    expect(isJsonValue({ a: Number.NaN })).toBe(false);
  });

  it('places a problem found in a remembered file where the parse would', () => {
    const memo = memoInMemory();
    const text = 'plan: plan.yaml\nmeasures:\n  looked-after:\n    target: { valu: 3 }\n';
    const parsed = parseYaml(text, 'x.yaml', { memo });
    const remembered = parseYaml(text, 'x.yaml', { memo });
    expect(memo.sets).toHaveLength(1);
    const at = (r: typeof parsed) => (r.ok ? [r.locate('measures.looked-after.target.valu', 'key'), r.locate('measures.looked-after')] : undefined);
    expect(at(remembered)).toEqual(at(parsed));
    expect(at(parsed)![0]).toEqual({ line: 4, column: 15 });
  });

  it('on disk: an entry is found by its text alone, and a tampered one is dropped', () => {
    const dir = tempFolder();
    const memo = openYamlMemo(dir);
    memo.set('a: 1\n', { a: 1 });
    expect(openYamlMemo(dir).get('a: 1\n')).toEqual({ a: 1 });
    expect(openYamlMemo(dir).get('a: 2\n')).toBeUndefined();
    const [entry] = entriesUnder(join(dir, 'yaml'));
    const file = join(dir, 'yaml', entry!);
    writeFileSync(file, readFileSync(file, 'utf8').replace('{"a":1}', '{"a":2}'));
    expect(openYamlMemo(dir).get('a: 1\n')).toBeUndefined();
  });

  it('is bounded: past its size, the entries used longest ago go, and one just used stays', () => {
    const dir = tempFolder();
    const maxBytes = 4096;
    const memo = openYamlMemo(dir, { maxBytes });
    const text = (i: number) => `value: ${i}\n`;
    const value = (i: number) => ({ value: i, padding: 'x'.repeat(200) });
    // Twelve entries of about 310 bytes: under the bound, so none goes.
    for (let i = 0; i < 12; i++) memo.set(text(i), value(i));
    const files = () => entriesUnder(join(dir, 'yaml')).map((f) => join(dir, 'yaml', f));
    expect(files()).toHaveLength(12);
    // Entry i last used at second 1000 + i, set by hand: the file system's clock is too coarse to
    // order writes a fraction of a millisecond apart.
    for (const file of files()) {
      const i = (JSON.parse(readFileSync(file, 'utf8').split('\n')[1]!) as { value: number }).value;
      utimesSync(file, 1000 + i, 1000 + i);
    }
    expect(memo.get(text(0))).toEqual(value(0)); // used now: no longer the oldest
    for (let i = 12; i < 18; i++) memo.set(text(i), value(i));
    const bytes = files().reduce((sum, f) => sum + statSync(f).size, 0);
    expect(bytes).toBeLessThanOrEqual(maxBytes);
    expect(files().length).toBeLessThan(18);
    expect(memo.get(text(1))).toBeUndefined();
    expect(memo.get(text(0))).toEqual(value(0));
    expect(memo.get(text(17))).toEqual(value(17));
  });

  it('a command run twice reports the same problems at the same places, the second time from the memo', async () => {
    const plan = readFileSync(join(process.cwd(), 'data', 'plan.yaml'), 'utf8');
    const config = ['plan: plan.yaml', 'plna: x', 'measures:', '  looked-after:', '    target: { valu: 3 }', ''].join('\n');
    const dir = tempFolder({ 'oba.config.yaml': config, 'plan.yaml': plan });
    const first = await oba(['report', '--out', 'pack'], dir);
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/oba\.config\.yaml:2:1: plna: unknown setting/);
    expect(first.stderr).toMatch(/oba\.config\.yaml:5:15: measures\.looked-after\.target: unknown setting "valu"/);
    expect(entriesUnder(join(dir, '.oba-cache', 'yaml'))).toHaveLength(2); // the configuration and the plan
    const second = await oba(['report', '--out', 'pack'], dir);
    expect(second).toEqual(first);
  });
});
