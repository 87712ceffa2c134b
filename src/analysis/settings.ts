/**
 * The analysis settings for one measure: built-in defaults, then the plan's dates, then the
 * config's `analysis:` block, then its `measures.<id>:` block, then command-line options.
 */
import type { AnalysisOptions, Config, MeasureOptions } from '../config/config.js';
import type { Measure, Plan } from '../plan/types.js';
import type { BaselineSettings } from './baseline.js';

export const DEFAULT_ANALYSIS: Omit<AnalysisOptions, 'baselineAt' | 'horizon'> = {
  method: 'auto',
  minHistory: 5,
  level: 0.95,
  trajectory: 'linear',
  rag: { tolerance: { percent: 0 }, amberIfImproved: false },
};

export function settingsFor(measure: Measure, plan: Plan, config: Pick<Config, 'analysis' | 'measures'>, overrides: MeasureOptions = {}): BaselineSettings {
  const own = config.measures[measure.id] ?? {};
  const merged: BaselineSettings = {
    ...DEFAULT_ANALYSIS,
    baselineAt: plan.start,
    horizon: plan.end,
    ...config.analysis,
    ...own,
    ...overrides,
  };
  // A window is a count of periods at the measure's own frequency; a global window is for annual measures.
  if (own.window === undefined && overrides.window === undefined && measure.frequency !== 'annual') delete merged.window;
  return merged;
}
