/**
 * Linear regression whose errors are a first-order autoregression plus independent noise,
 * fitted by generalised least squares with the error parameters chosen by restricted maximum
 * likelihood (REML), and the best linear unbiased prediction of later values with the joint
 * covariance of their prediction errors.
 *
 * References: Harvey AC (1989) Forecasting, Structural Time Series Models and the Kalman Filter,
 * §3.4 and §7.2 (regression with ARMA errors by the Kalman filter); Durbin J, Koopman SJ (2012)
 * Time Series Analysis by State Space Methods, 2nd edn, §4.3 (filter) and §7.2 (REML, "diffuse"
 * regression coefficients); Goldberger AS (1962) JASA 57:369–375 (prediction with correlated
 * errors). With independent errors this is weighted least squares, and with unit weights
 * ordinary least squares, as R's `lm` and `predict.lm(..., interval = "prediction")`.
 *
 * Model: y_i = x_iβ + a_i + e_i, where a is a stationary AR(1) in continuous time
 * (Corr(a_i, a_j) = ρ^|t_i − t_j|, so a missing period is a longer step, never filled in) with
 * variance s·σ², and e_i independent noise with variance (1 − s)·σ²/w_i (w the weights, default 1).
 * s = 1 is a pure AR(1) (the Prais–Winsten model); s = 0 independent errors. The
 * noise share matters for survey and sample-based series: their period-to-period correlation
 * looks weaker than the underlying process's, and a pure AR(1) would underestimate how far the
 * series can drift.
 *
 * The Kalman filter for a turns each column of X and y into its standardised innovations, which
 * is the Cholesky whitening of the error covariance; least squares on them is the GLS estimate,
 * with Cov(β̂) = σ²(XᵀΩ⁻¹X)⁻¹ and s² = SSE/(n − p − k), k the number of error parameters
 * estimated (0 or 2). REML chooses (ρ, s) by a grid then coordinate-wise golden-section search
 * (ρ in [0, 0.995]); the objective is (n − p)·ln SSE + Σ ln F_i + ln det(XᵀΩ⁻¹X), with F_i the
 * innovation variances.
 *
 * Prediction at later times s_j, h_j = s_j − t_n, φ_j = ρ^h_j, from the filtered state at t_n:
 *   ŷ_j = x_jβ̂ + φ_j·(ā_n(y) − ā_n(X)β̂)
 *   Cov(errors)_jk / σ² = φ_jφ_k·P_n + s(ρ^|s_j − s_k| − φ_jφ_k) + [j = k](1 − s)/w_j + x̃_j(XᵀΩ⁻¹X)⁻¹x̃_kᵀ,
 * with x̃_j = x_j − φ_j·ā_n(X), ā_n the filtered state of each column and P_n its variance (÷ σ²).
 * With ρ = 0 the diagonal is the familiar σ²(1/w + x (XᵀWX)⁻¹ xᵀ).
 *
 * @example
 * // R's cars data with independent errors: lm(dist ~ speed) gives β = (−17.579095, 3.932409),
 * // residual standard error 15.38 on 48 df.
 * const fit = fitCorrelatedRegression(speed.map((s) => [1, s]), dist, speed.map((_, i) => i));
 * fit.coefficients; // [−17.5790948905, 3.9324087591]
 */
import { cholesky, choleskyInverse, choleskySolve, crossProduct, crossVector, dot, type Matrix } from './matrix.js';
import { fail, requireFinite } from './validate.js';

/** The error structure: ρ the autocorrelation of the AR part per unit of time, s its share of the variance. */
export interface ErrorStructure {
  rho: number;
  share: number;
}

export interface CorrelatedRegressionOptions {
  /** `independent` (default), `estimated` by REML, or a given structure. */
  errors?: 'independent' | 'estimated' | ErrorStructure;
  /** Inverse-variance weights of the noise part (w_i > 0); default all 1. */
  weights?: readonly number[];
  /** A given structure that was estimated from these same values (it still costs two degrees of freedom). */
  errorsFromData?: boolean;
}

export interface CorrelatedRegressionFit {
  coefficients: number[];
  /** (XᵀΩ⁻¹X)⁻¹: times `sigma2` it is the covariance of the coefficients. */
  unscaledCovariance: Matrix;
  /** σ², estimated on `df` degrees of freedom. */
  sigma2: number;
  df: number;
  errors: ErrorStructure;
  /** Whether the error structure was estimated (it then costs two degrees of freedom). */
  errorsEstimated: boolean;
  n: number;
  rows: number[][];
  y: number[];
  times: number[];
  weights: number[];
  /** y − Xβ̂. */
  residuals: number[];
  /** Filtered AR state at the last time: its mean for y − Xβ̂, its dependence on β (ā(X)), its variance ÷ σ². */
  filtered: { state: number; stateOfRows: number[]; variance: number };
}

export const RHO_MAX = 0.995;
/** Independent errors: no AR part, all noise (whose variance the weights scale). */
const INDEPENDENT: ErrorStructure = { rho: 0, share: 0 };

interface Whitened {
  rows: number[][];
  y: number[];
  logDetF: number;
  /** Filtered state of y and of each column at the last time, and its variance. */
  lastY: number;
  lastRows: number[];
  lastVariance: number;
}

/** Kalman filter of the AR(1)-plus-noise errors, applied to y and to every column of X at once. */
function whiten(rows: readonly (readonly number[])[], y: readonly number[], times: readonly number[], weights: readonly number[], errors: ErrorStructure): Whitened {
  const { rho, share } = errors;
  const n = y.length;
  const p = rows[0]!.length;
  const outRows: number[][] = [];
  const outY: number[] = [];
  let logDetF = 0;
  let P = share;
  let aY = 0;
  const aX = new Array<number>(p).fill(0);
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      const phi = rho === 0 ? 0 : rho ** (times[i]! - times[i - 1]!);
      P = phi * phi * P + share * (1 - phi * phi);
      aY *= phi;
      for (let j = 0; j < p; j++) aX[j]! *= phi;
    }
    const F = P + (1 - share) / weights[i]!;
    const root = Math.sqrt(F);
    const K = P / F;
    logDetF += Math.log(F);
    const vY = y[i]! - aY;
    outY.push(vY / root);
    aY += K * vY;
    const row = rows[i]!;
    const out = new Array<number>(p);
    for (let j = 0; j < p; j++) {
      const v = row[j]! - aX[j]!;
      out[j] = v / root;
      aX[j]! += K * v;
    }
    outRows.push(out);
    P = P * (1 - K);
  }
  return { rows: outRows, y: outY, logDetF, lastY: aY, lastRows: aX, lastVariance: P };
}

interface GlsResult {
  beta: number[];
  /** The Cholesky factor of XᵀΩ⁻¹X. */
  factor: Matrix;
  sse: number;
  logDetInformation: number;
  whitened: Whitened;
}

function gls(rows: readonly (readonly number[])[], y: readonly number[], times: readonly number[], weights: readonly number[], errors: ErrorStructure): GlsResult {
  const whitened = whiten(rows, y, times, weights, errors);
  const factor = cholesky(crossProduct(whitened.rows));
  const beta = choleskySolve(factor, crossVector(whitened.rows, whitened.y));
  let sse = 0;
  whitened.rows.forEach((row, i) => (sse += (whitened.y[i]! - dot(row, beta)) ** 2));
  let logDetInformation = 0;
  for (let i = 0; i < factor.length; i++) logDetInformation += 2 * Math.log(factor[i]![i]!);
  return { beta, factor, sse, logDetInformation, whitened };
}

function remlObjective(result: GlsResult, n: number, p: number): number {
  return (n - p) * Math.log(Math.max(result.sse, 1e-300)) + result.whitened.logDetF + result.logDetInformation;
}

const RHO_GRID = [0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99, RHO_MAX];
const SHARE_GRID = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1];

/** Golden-section search for the minimum of f on [a, b] (f unimodal there), to a tolerance. */
function goldenMinimum(f: (x: number) => number, a: number, b: number, tolerance = 1e-4): number {
  const g = (Math.sqrt(5) - 1) / 2;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (b - a > tolerance) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}

function estimateErrors(rows: readonly (readonly number[])[], y: readonly number[], times: readonly number[], weights: readonly number[]): ErrorStructure {
  const n = y.length;
  const p = rows[0]!.length;
  const objective = (errors: ErrorStructure) => remlObjective(gls(rows, y, times, weights, errors), n, p);
  let best: ErrorStructure = INDEPENDENT;
  let bestValue = objective(best);
  for (const rho of RHO_GRID) {
    if (rho === 0) continue; // independent errors: the starting point
    for (const share of SHARE_GRID) {
      const value = objective({ rho, share });
      if (value < bestValue - 1e-12) {
        best = { rho, share };
        bestValue = value;
      }
    }
  }
  if (best.rho === 0) return best;
  // Refine each parameter in turn within its grid neighbours.
  for (let pass = 0; pass < 2; pass++) {
    const r = RHO_GRID.indexOf(best.rho);
    const rhoLow = RHO_GRID[Math.max(0, (r < 0 ? nearestIndex(RHO_GRID, best.rho) : r) - 1)]!;
    const rhoHigh = RHO_GRID[Math.min(RHO_GRID.length - 1, (r < 0 ? nearestIndex(RHO_GRID, best.rho) : r) + 1)]!;
    const share = best.share;
    const rho = goldenMinimum((x) => objective({ rho: x, share }), rhoLow, rhoHigh);
    const s = SHARE_GRID.indexOf(share);
    const si = s < 0 ? nearestIndex(SHARE_GRID, share) : s;
    const shareValue = goldenMinimum((x) => objective({ rho, share: x }), SHARE_GRID[Math.max(0, si - 1)]!, SHARE_GRID[Math.min(SHARE_GRID.length - 1, si + 1)]!);
    const candidate = { rho, share: shareValue };
    const value = objective(candidate);
    if (value < bestValue) {
      best = candidate;
      bestValue = value;
    }
  }
  return best;
}

function nearestIndex(grid: readonly number[], x: number): number {
  let best = 0;
  grid.forEach((g, i) => {
    if (Math.abs(g - x) < Math.abs(grid[best]! - x)) best = i;
  });
  return best;
}

function checkInput(method: string, rows: readonly (readonly number[])[], y: readonly number[], times: readonly number[]): number {
  if (!Array.isArray(rows) || !Array.isArray(y) || !Array.isArray(times) || rows.length !== y.length || y.length !== times.length) {
    fail('NOT_FINITE', method, 'rows, y and times of the same length', rows);
  }
  const p = rows[0]?.length ?? 0;
  rows.forEach((row, i) => {
    if (row.length !== p) fail('NOT_FINITE', method, `every row with ${p} terms`, row.length, `${row.length} at row ${i}`);
    row.forEach((v: number, j: number) => requireFinite(method, `x[${i}][${j}]`, v));
    requireFinite(method, `y[${i}]`, y[i]);
    requireFinite(method, `t[${i}]`, times[i]);
    if (i > 0 && !(times[i]! > times[i - 1]!)) fail('OUT_OF_RANGE', method, 'times in increasing order', times[i], `t[${i}] = ${times[i]} after ${times[i - 1]}`);
  });
  return p;
}

export function fitCorrelatedRegression(
  rows: readonly (readonly number[])[],
  y: readonly number[],
  times: readonly number[],
  options: CorrelatedRegressionOptions = {},
): CorrelatedRegressionFit {
  const method = 'fitCorrelatedRegression';
  const p = checkInput(method, rows, y, times);
  const estimate = options.errors === 'estimated';
  const extra = estimate || options.errorsFromData ? 2 : 0;
  if (rows.length < p + 1 + extra) fail('INSUFFICIENT_DATA', method, `more values than terms (${p} terms${estimate ? ' and two error parameters' : ''})`, rows.length);
  const weights = options.weights ? [...options.weights] : rows.map(() => 1);
  if (weights.length !== rows.length) fail('NOT_FINITE', method, 'one weight per row', weights.length);
  weights.forEach((w, i) => {
    if (!(w > 0 && Number.isFinite(w))) fail('OUT_OF_RANGE', method, 'weights > 0', w, `w[${i}] = ${w}`);
  });
  let errors: ErrorStructure;
  if (options.errors === undefined || options.errors === 'independent') errors = INDEPENDENT;
  else if (options.errors === 'estimated') errors = estimateErrors(rows, y, times, weights);
  else {
    errors = options.errors;
    if (!(errors.rho >= 0 && errors.rho <= RHO_MAX) || !(errors.share >= 0 && errors.share <= 1)) {
      fail('OUT_OF_RANGE', method, `rho in [0, ${RHO_MAX}] and share in [0, 1]`, errors.rho, `rho = ${errors.rho}, share = ${errors.share}`);
    }
  }
  const result = gls(rows, y, times, weights, errors);
  const df = rows.length - p - extra;
  const w = result.whitened;
  return {
    coefficients: result.beta,
    unscaledCovariance: choleskyInverse(result.factor),
    sigma2: result.sse / df,
    df,
    errors,
    errorsEstimated: extra > 0,
    n: rows.length,
    rows: rows.map((r) => [...r]),
    y: [...y],
    times: [...times],
    weights,
    residuals: rows.map((row, i) => y[i]! - dot(row, result.beta)),
    filtered: { state: w.lastY - dot(w.lastRows, result.beta), stateOfRows: w.lastRows, variance: w.lastVariance },
  };
}

export interface CorrelatedPrediction {
  values: number[];
  /** Covariance of the prediction errors ÷ σ² (multiply by `fit.sigma2`). */
  unscaledCovariance: Matrix;
  /** x̃: how each prediction depends on the coefficients. */
  effectiveRows: number[][];
}

/** Predictions at later `times` with design `rows` (and the noise weights of those values, default 1). */
export function predictCorrelatedRegression(
  fit: CorrelatedRegressionFit,
  rows: readonly (readonly number[])[],
  times: readonly number[],
  weights?: readonly number[],
): CorrelatedPrediction {
  const method = 'predictCorrelatedRegression';
  const tLast = fit.times[fit.n - 1]!;
  const p = fit.coefficients.length;
  rows.forEach((row, i) => {
    if (row.length !== p) fail('NOT_FINITE', method, `rows with ${p} terms`, row.length);
    requireFinite(method, `t[${i}]`, times[i]);
    if (!(times[i]! > tLast)) fail('OUT_OF_RANGE', method, 'prediction times after the last fitted time', times[i]);
    if (weights && !(weights[i]! > 0)) fail('OUT_OF_RANGE', method, 'weights > 0', weights[i]);
  });
  const { rho, share } = fit.errors;
  const phi = times.map((t) => (rho === 0 ? 0 : rho ** (t - tLast)));
  const effectiveRows = rows.map((row, i) => row.map((v, j) => v - phi[i]! * fit.filtered.stateOfRows[j]!));
  const values = rows.map((row, i) => dot(row, fit.coefficients) + phi[i]! * fit.filtered.state);
  const noise = times.map((_, i) => (1 - share) / (weights?.[i] ?? 1));
  const leverage = effectiveRows.map((row) => fit.unscaledCovariance.map((column) => dot(row, column)));
  const unscaledCovariance: Matrix = times.map((ti, i) =>
    times.map((tj, j) => {
      const carried = phi[i]! * phi[j]!;
      const ar = rho === 0 ? (i === j ? share : 0) : carried * fit.filtered.variance + share * (rho ** Math.abs(ti - tj) - carried);
      return ar + (i === j ? noise[i]! : 0) + dot(leverage[i]!, effectiveRows[j]!);
    }),
  );
  return { values, unscaledCovariance, effectiveRows };
}

export interface OneStepPrediction {
  /** The prediction of each value from everything before it (the coefficients kept as fitted). */
  value: number;
  /** Its prediction error's standard deviation (σ·√F; the coefficients' own uncertainty left out). */
  sd: number;
}

/**
 * One-step-ahead predictions of later values, each from the fit and every value before it: the
 * Kalman filter carried on past the fit with the coefficients held. Their errors (innovations)
 * are independent when the model holds, which makes them the stable series a control chart
 * needs (Alwan LC, Roberts HV (1988) "Time-series modeling for statistical process control",
 * J Bus Econ Stat 6:87–95).
 */
export function oneStepPredictions(fit: CorrelatedRegressionFit, rows: readonly (readonly number[])[], y: readonly number[], times: readonly number[], weights?: readonly number[]): OneStepPrediction[] {
  const method = 'oneStepPredictions';
  const { rho, share } = fit.errors;
  let a = fit.filtered.state;
  let P = fit.filtered.variance;
  let last = fit.times[fit.n - 1]!;
  return rows.map((row, i) => {
    const t = requireFinite(method, `t[${i}]`, times[i]);
    if (!(t > last)) fail('OUT_OF_RANGE', method, 'times after the last fitted time, in order', t);
    const phi = rho === 0 ? 0 : rho ** (t - last);
    last = t;
    a *= phi;
    P = phi * phi * P + share * (1 - phi * phi);
    const F = P + (1 - share) / (weights?.[i] ?? 1);
    const mean = dot(row, fit.coefficients);
    const prediction = { value: mean + a, sd: Math.sqrt(fit.sigma2 * F) };
    const v = y[i]! - mean - a;
    const K = P / F;
    a += K * v;
    P *= 1 - K;
    return prediction;
  });
}
