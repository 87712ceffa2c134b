/**
 * Wilson score interval for a proportion.
 *
 * Reference: Wilson EB (1927) "Probable inference, the law of succession, and
 * statistical inference", JASA 22:209–212; Newcombe RG (1998) Statistics in
 * Medicine 17:857–872 (method 3); as implemented in the R package
 * PHEindicatormethods (`phe_proportion`, `wilson_lower`, `wilson_upper`).
 *
 * Convention: returned on the proportion scale 0–1 (multiply by 100 for a
 * percentage). With z = Φ⁻¹((1 + level)/2), x = numerator, n = denominator:
 *
 *   lower, upper = (2x + z² ∓ z·√(z² + 4x(1 − x/n))) / (2(n + z²))
 *
 * The lower limit is exactly 0 when x = 0 and the upper exactly 1 when x = n.
 *
 * @example
 * wilsonInterval(65, 100);  // { lower: 0.5525444329688797, upper: 0.7363575175690247 }
 * wilsonInterval(0, 20);    // { lower: 0, upper: 0.16112515805281932 }
 */
import type { Interval } from './types.js';
import { twoSidedZ } from './quantiles.js';
import { fail, requireLevel, requireNonNegative, requirePositive } from './validate.js';

export function wilsonInterval(numerator: number, denominator: number, level = 0.95): Interval {
  const method = 'wilsonInterval';
  const n = requirePositive(method, 'denominator', denominator);
  const x = requireNonNegative(method, 'numerator', numerator);
  if (x > n) fail('OUT_OF_RANGE', method, `numerator ≤ denominator`, x, `${x} > ${n}`);
  requireLevel(method, level);

  const z = twoSidedZ(level);
  const z2 = z * z;
  const centre = 2 * x + z2;
  const spread = z * Math.sqrt(z2 + 4 * x * (1 - x / n));
  const denom = 2 * (n + z2);
  const lower = x === 0 ? 0 : Math.max(0, (centre - spread) / denom);
  const upper = x === n ? 1 : Math.min(1, (centre + spread) / denom);
  return { lower, upper };
}
