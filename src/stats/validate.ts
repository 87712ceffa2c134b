/**
 * Input checks shared by the statistics modules (internal).
 *
 * Each check throws a {@link StatsInputError} whose message reads
 * "<method> requires <requirement>, got <value>", so every module words its
 * refusals the same way.
 */
import { StatsInputError, type StatsErrorCode } from './errors.js';

/** Render a value for an error message. */
export function show(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return typeof value;
}

export function fail(
  code: StatsErrorCode,
  method: string,
  requirement: string,
  value: unknown,
  got: string = show(value),
): never {
  throw new StatsInputError(code, method, `${method} requires ${requirement}, got ${got}`, value);
}

/** `name` must be a finite number. */
export function requireFinite(method: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail('NOT_FINITE', method, `${name} to be a finite number`, value);
  }
  return value;
}

/** `name` must be a finite number > 0. */
export function requirePositive(method: string, name: string, value: unknown): number {
  const x = requireFinite(method, name, value);
  if (!(x > 0)) fail('OUT_OF_RANGE', method, `${name} > 0`, x);
  return x;
}

/** `name` must be a finite number ≥ 0. */
export function requireNonNegative(method: string, name: string, value: unknown): number {
  const x = requireFinite(method, name, value);
  if (!(x >= 0)) fail('OUT_OF_RANGE', method, `${name} ≥ 0`, x);
  return x;
}

/** `name` must be an integer ≥ `min`. */
export function requireInteger(method: string, name: string, value: unknown, min: number): number {
  const x = requireFinite(method, name, value);
  if (!Number.isInteger(x) || x < min) fail('OUT_OF_RANGE', method, `${name} to be an integer ≥ ${min}`, x);
  return x;
}

/** A confidence level must lie strictly between 0 and 1 (0.95, not 95). */
export function requireLevel(method: string, value: unknown, name = 'level'): number {
  const x = requireFinite(method, name, value);
  if (!(x > 0 && x < 1)) fail('OUT_OF_RANGE', method, `${name} in (0, 1), e.g. 0.95`, x);
  return x;
}

/** A probability for a quantile function must lie strictly between 0 and 1. */
export function requireProbability(method: string, value: unknown, name = 'p'): number {
  const x = requireFinite(method, name, value);
  if (!(x > 0 && x < 1)) fail('OUT_OF_RANGE', method, `${name} in (0, 1)`, x);
  return x;
}

/** An array of finite numbers with at least `min` entries. */
export function requireNumbers(method: string, name: string, values: unknown, min: number): readonly number[] {
  if (!Array.isArray(values)) fail('NOT_FINITE', method, `${name} to be an array of numbers`, values);
  if (values.length < min) {
    fail('INSUFFICIENT_DATA', method, `at least ${min} ${name}`, values, String(values.length));
  }
  values.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      fail('NOT_FINITE', method, `every value in ${name} to be a finite number`, v, `${show(v)} at index ${i}`);
    }
  });
  return values as readonly number[];
}

/** One of a closed set of option values. */
export function requireOneOf<T extends string>(method: string, name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail('INVALID_OPTION', method, `${name} to be one of ${allowed.map((a) => `'${a}'`).join(', ')}`, value);
  }
  return value as T;
}
