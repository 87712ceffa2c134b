/**
 * Trajectories from a baseline value B (step 0) to a target T (step k):
 * linear (equal absolute steps) and constant rate (equal percentage steps).
 *
 * Reference: Friedman M (2005) Trying Hard Is Not Good Enough (Outcomes Based
 * Accountability: baselines, targets and "turning the curve"); the constant-rate
 * path is compound growth, r = (T/B)^(1/k) − 1, as in any compound-interest table.
 *
 * Conventions:
 * - linear: value(i) = B + i·(T − B)/k;
 * - constant rate: value(i) = B·(1 + r)^i with r = (T/B)^(1/k) − 1; B and T
 *   must both be > 0.
 * The result has k + 1 values (steps 0…k); the first is exactly B and the last
 * exactly T.
 *
 * @example
 * linearTrajectory(100, 80, 4);        // [100, 95, 90, 85, 80]
 * constantRateTrajectory(100, 81, 2);  // [100, 90, 81]  (r = −10% per step)
 */
import { fail, requireFinite, requireInteger, requirePositive } from './validate.js';

export function linearTrajectory(baseline: number, target: number, steps: number): number[] {
  const method = 'linearTrajectory';
  const b = requireFinite(method, 'baseline', baseline);
  const t = requireFinite(method, 'target', target);
  const k = requireInteger(method, 'steps', steps, 1);
  const perStep = (t - b) / k;
  return Array.from({ length: k + 1 }, (_, i) => (i === k ? t : b + i * perStep));
}

/** The constant rate r per step: (T/B)^(1/k) − 1 (e.g. −0.1 for a 10% fall each step). */
export function constantRate(baseline: number, target: number, steps: number): number {
  const method = 'constantRate';
  const b = requirePositive(method, 'baseline', baseline);
  const t = requirePositive(method, 'target', target);
  const k = requireInteger(method, 'steps', steps, 1);
  return (t / b) ** (1 / k) - 1;
}

export function constantRateTrajectory(baseline: number, target: number, steps: number): number[] {
  const method = 'constantRateTrajectory';
  const b = requireFinite(method, 'baseline', baseline);
  const t = requireFinite(method, 'target', target);
  if (!(b > 0)) fail('OUT_OF_RANGE', method, 'baseline > 0 for a constant-rate trajectory', b);
  if (!(t > 0)) fail('OUT_OF_RANGE', method, 'target > 0 for a constant-rate trajectory', t);
  const k = requireInteger(method, 'steps', steps, 1);
  const growth = (t / b) ** (1 / k);
  return Array.from({ length: k + 1 }, (_, i) => (i === k ? t : b * growth ** i));
}
