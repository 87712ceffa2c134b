/**
 * The `oba` library: the statistics, the plan and data model, and the analysis behind the CLI.
 */
export * from './stats/index.js';
export { parsePlan, PlanError } from './plan/parse-plan.js';
export type { Area, AreaType, Frequency, Indicator, Measure, MeasureRole, Outcome, PeriodType, Plan, Priority, Quadrant, Unit } from './plan/types.js';
export type * from './data/types.js';
export { parsePeriod, formatPeriod, addPeriods, periodTime } from './data/period.js';
export { parseValue } from './data/value.js';
export { ingestCsv, ingestCsvStream } from './data/ingest.js';
export { ingestSource, ingestSourceStream, parseSourceSpecs } from './data/sources.js';
export { parseConfig, ConfigError } from './config/config.js';
export { buildDataset, type Dataset, type Series } from './model/dataset.js';
export { analyseBaseline, type BaselineAnalysis, type BaselineSettings, type Verdict } from './analysis/baseline.js';
export { scorecard, analyseMeasure, type ScorecardRow } from './analysis/scorecard.js';
export { decideVerdict, type VerdictStatus, type VerdictTests } from './analysis/judgement/verdict.js';
