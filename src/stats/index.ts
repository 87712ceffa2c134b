/**
 * The statistics core of `oba`: pure functions (no I/O, no clock, no
 * randomness), one method per module. Each module names its method and its public
 * reference.
 */
export { StatsInputError, type StatsErrorCode } from './errors.js';
export type { Interval, TimePoint, ForecastPoint, Polarity } from './types.js';
export { normalQuantile, tQuantile, chiSquareQuantile, twoSidedZ } from './quantiles.js';
export { wilsonInterval } from './wilson.js';
export {
  rateInterval,
  poissonCountInterval,
  EXACT_POISSON_BELOW,
  type RateInterval,
  type RateIntervalOptions,
  type CountInterval,
  type CountIntervalMethod,
} from './rate-interval.js';
export { meanInterval, type MeanInterval } from './mean-interval.js';
export { fitLinear, predictLinear, linearForecast, type LinearFit, type LinearPrediction } from './ols.js';
export { logLinearForecast } from './log-linear.js';
export { logitLinearForecast, type LogitLinearOptions } from './logit-linear.js';
export {
  holtForecast,
  holtVariance,
  HOLT_MIN_POINTS,
  type HoltOptions,
  type HoltResult,
  type HoltForecastPoint,
} from './holt.js';
export { linearTrajectory, constantRateTrajectory, constantRate } from './trajectory.js';
export {
  xmr,
  XMR_LIMIT,
  XMR_NEAR_LIMIT,
  XMR_SCREEN,
  XMR_TRIAL_BELOW,
  type Improvement,
  type XmrOptions,
  type XmrResult,
  type XmrPoint,
  type XmrGroup,
  type XmrLimits,
  type XmrRule,
  type XmrSpecial,
  type XmrVariation,
  type XmrAssurance,
} from './xmr.js';
export {
  recentTrend,
  chiSquareForTrend,
  RECENT_TREND_POINTS,
  RECENT_TREND_THRESHOLD,
  type TrendPoint,
  type ProportionPoint,
  type ValuePoint,
  type TrendMethod,
  type TrendDirection,
  type RecentTrend,
  type ChiSquareForTrend,
} from './trend-test.js';
export {
  compareWithBenchmark,
  compareWithBenchmarkTwoLevel,
  type BenchmarkPosition,
  type BenchmarkComparison,
  type BenchmarkResult,
  type TwoLevelComparison,
  type TwoLevelInterval,
  type TwoLevelBenchmarkResult,
} from './benchmark.js';
export {
  quartiles,
  quartileBand,
  quartileBands,
  rankWithTies,
  type QuartileBand,
  type QuartileCuts,
  type QuartileBanding,
  type RankPolarity,
} from './quartiles.js';
export { ragRating, type Rag, type RagInput, type RagResult, type RagRule, type RagTolerance } from './rag.js';
export {
  directionOfTravel,
  type DirectionOfTravel,
  type DirectionOptions,
  type Movement,
  type Travel,
  type TravelComparison,
  type TravelRun,
} from './direction.js';
