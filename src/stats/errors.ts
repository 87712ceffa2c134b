/**
 * The one error type the statistics core throws for bad input.
 *
 * Every check in `src/stats` runs before any arithmetic and throws a
 * `StatsInputError` with a stable `code` from a closed set, the name of the
 * function that refused the input, and a message of one shape:
 * "<function> requires <what was expected>, got <what was found>".
 *
 * @example
 * try {
 *   wilsonInterval(3, 0);
 * } catch (error) {
 *   if (error instanceof StatsInputError) {
 *     error.code;    // 'OUT_OF_RANGE'
 *     error.message; // 'wilsonInterval requires denominator > 0, got 0'
 *   }
 * }
 */

/**
 * The closed set of error codes.
 * - `NOT_FINITE`: a number is NaN or ±Infinity (or not a number at all).
 * - `OUT_OF_RANGE`: a number is finite but outside the method's domain
 *   (a negative count, a level outside (0, 1), y ≤ 0 for a log fit, ...).
 * - `INSUFFICIENT_DATA`: too few points, or not enough distinct points, for the method.
 * - `INVALID_OPTION`: an option has a value the method does not know.
 */
export type StatsErrorCode = 'NOT_FINITE' | 'OUT_OF_RANGE' | 'INSUFFICIENT_DATA' | 'INVALID_OPTION';

export class StatsInputError extends Error {
  override readonly name = 'StatsInputError';
  /** Stable machine-readable code from a closed set. */
  readonly code: StatsErrorCode;
  /** The public function that refused the input, e.g. `'wilsonInterval'`. */
  readonly method: string;
  /** The offending value, when there is one. */
  readonly value: unknown;

  constructor(code: StatsErrorCode, method: string, message: string, value?: unknown) {
    super(message);
    this.code = code;
    this.method = method;
    this.value = value;
  }
}
