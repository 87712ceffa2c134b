import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/stats/wilson.js';
import { expectClose, expectStatsError } from './helpers.js';

describe('wilsonInterval', () => {
  // Newcombe RG (1998) Statistics in Medicine 17:857–872, Table I, method 3
  // (score interval without continuity correction), printed to 4 decimals.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i matches Newcombe (1998) Table I: %f to %f', (x, n, lower, upper) => {
    const ci = wilsonInterval(x, n);
    expectClose(ci.lower, lower, 5e-5);
    expectClose(ci.upper, upper, 5e-5);
  });

  // The PHEindicatormethods test cases (tests/testthat/testWilson.R: 65/100,
  // 1045/5000, 0.445/1 at 95% and 99.8%). Their expected values live in an
  // Excel file we could not read, so the values here were computed
  // independently with mpmath at 30 significant digits from
  // (2x + z² ∓ z√(z² + 4x(1 − x/n))) / (2(n + z²)), z = √2·erfinv(level).
  it.each([
    [65, 100, 0.95, 0.55254443296887962, 0.73635751756902468],
    [1045, 5000, 0.95, 0.19795549880013297, 0.22049130373189028],
    [0.445, 1, 0.95, 0.043817447720588201, 0.93346212769791568],
    [65, 100, 0.998, 0.49549465740704475, 0.77835406140896857],
    [81, 263, 0.95, 0.25528851987827424, 0.36620957698280006],
    [1, 29, 0.95, 0.0061132142927626622, 0.17175521879320284],
  ])('%f/%f at %f matches a 30-digit calculation', (x, n, level, lower, upper) => {
    const ci = wilsonInterval(x, n, level);
    expectClose(ci.lower, lower, 1e-12);
    expectClose(ci.upper, upper, 1e-12);
  });

  it('gives lower = 0 exactly for a zero numerator', () => {
    // mpmath: 0/100 → upper 0.036993498206985671; 0/20 → 0.16112515805281933
    const ci = wilsonInterval(0, 100);
    expect(ci.lower).toBe(0);
    expectClose(ci.upper, 0.036993498206985671, 1e-12);
  });

  it('gives upper = 1 exactly when numerator = denominator', () => {
    // mpmath: 100/100 → lower 0.96300650179301433
    const ci = wilsonInterval(100, 100);
    expect(ci.upper).toBe(1);
    expectClose(ci.lower, 0.96300650179301433, 1e-12);
  });

  it('is symmetric: the interval for x/n mirrors the one for (n − x)/n', () => {
    const a = wilsonInterval(30, 70);
    const b = wilsonInterval(40, 70);
    expectClose(a.lower, 1 - b.upper, 1e-14);
    expectClose(a.upper, 1 - b.lower, 1e-14);
  });

  it('refuses impossible input with one wording', () => {
    expectStatsError(() => wilsonInterval(3, 0), 'OUT_OF_RANGE', 'wilsonInterval requires denominator > 0, got 0');
    expectStatsError(() => wilsonInterval(-1, 10), 'OUT_OF_RANGE', 'wilsonInterval requires numerator ≥ 0, got -1');
    expectStatsError(() => wilsonInterval(11, 10), 'OUT_OF_RANGE', 'wilsonInterval requires numerator ≤ denominator, got 11 > 10');
    expectStatsError(() => wilsonInterval(5, 10, 95), 'OUT_OF_RANGE', 'wilsonInterval requires level in (0, 1), e.g. 0.95, got 95');
    expectStatsError(() => wilsonInterval(Number.NaN, 10), 'NOT_FINITE');
    expectStatsError(() => wilsonInterval(5, Infinity), 'NOT_FINITE');
  });
});
