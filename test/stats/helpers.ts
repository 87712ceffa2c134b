import { expect } from 'vitest';
import { StatsInputError, type StatsErrorCode } from '../../src/stats/errors.js';

/** |actual − expected| ≤ tolerance, and actual is a finite number. */
export function expectClose(actual: number, expected: number, tolerance: number): void {
  expect(Number.isFinite(actual), `expected a finite number, got ${actual}`).toBe(true);
  expect(Math.abs(actual - expected), `|${actual} − ${expected}| should be ≤ ${tolerance}`).toBeLessThanOrEqual(tolerance);
}

/** The call throws a StatsInputError with this code (and message, when given). */
export function expectStatsError(call: () => unknown, code: StatsErrorCode, message?: string | RegExp): StatsInputError {
  let caught: unknown;
  try {
    call();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected a StatsInputError to be thrown').toBeInstanceOf(StatsInputError);
  const error = caught as StatsInputError;
  expect(error.code).toBe(code);
  if (typeof message === 'string') expect(error.message).toBe(message);
  else if (message) expect(error.message).toMatch(message);
  return error;
}

/** Deep-freeze an array of values or plain objects so a mutation throws. */
export function frozen<T>(values: T[]): readonly T[] {
  for (const v of values) if (v !== null && typeof v === 'object') Object.freeze(v);
  return Object.freeze(values);
}
