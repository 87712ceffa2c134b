/**
 * The one error type the chart builders and the renderer throw for bad input.
 *
 * Checks run before any spec is built. Messages have one shape, as in `src/stats`:
 * "<function> requires <what was expected>, got <what was found>".
 *
 * @example
 * try {
 *   baselineChartSpec({ ...input, interval: 95 });
 * } catch (error) {
 *   if (error instanceof ChartInputError) {
 *     error.code;    // 'OUT_OF_RANGE'
 *     error.message; // 'baselineChartSpec requires interval between 0 and 1 (0.95, not 95), got 95'
 *   }
 * }
 */

/**
 * The closed set of error codes.
 * - `NOT_FINITE`: a number is NaN or ±Infinity (or not a number at all).
 * - `OUT_OF_RANGE`: a number is finite but not allowed (a fractional `t`, lower > upper, ...).
 * - `NOT_SORTED`: a series' `t` does not strictly increase.
 * - `LABEL_CONFLICT`: one `t` carries two different labels.
 * - `MISSING_TEXT`: a title, description or label is empty.
 * - `INVALID_OPTION`: anything else malformed (too many comparators, a spec with no title, ...).
 */
export type ChartErrorCode =
  | 'NOT_FINITE'
  | 'OUT_OF_RANGE'
  | 'NOT_SORTED'
  | 'LABEL_CONFLICT'
  | 'MISSING_TEXT'
  | 'INVALID_OPTION';

export class ChartInputError extends Error {
  override readonly name = 'ChartInputError';
  readonly code: ChartErrorCode;
  /** The public function that refused the input, e.g. `'baselineChartSpec'`. */
  readonly method: string;
  /** Where in the input, e.g. `'history[3].value'`. */
  readonly path: string;
  readonly value: unknown;

  constructor(code: ChartErrorCode, method: string, path: string, message: string, value?: unknown) {
    super(message);
    this.code = code;
    this.method = method;
    this.path = path;
    this.value = value;
  }
}

/** Render a value for an error message. */
function show(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return typeof value;
}

export function fail(code: ChartErrorCode, method: string, path: string, requirement: string, value: unknown, got = show(value)): never {
  throw new ChartInputError(code, method, path, `${method} requires ${requirement}, got ${got}`, value);
}

/** A finite number at `path`. */
export function requireFinite(method: string, path: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail('NOT_FINITE', method, path, `${path} to be a finite number`, value);
  return value;
}

/** A finite number or null at `path`. */
export function requireValueOrNull(method: string, path: string, value: unknown): number | null {
  if (value === null) return null;
  return requireFinite(method, path, value);
}

/** A whole-number period position at `path`. */
export function requirePeriod(method: string, path: string, value: unknown): number {
  const t = requireFinite(method, path, value);
  if (!Number.isInteger(t)) fail('OUT_OF_RANGE', method, path, `${path} to be a whole number (the period's ordinal position)`, t);
  return t;
}

/** A non-empty string at `path`. */
export function requireText(method: string, path: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') fail('MISSING_TEXT', method, path, `${path} to be non-empty text`, value);
  return value;
}
