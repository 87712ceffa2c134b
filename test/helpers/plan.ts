import { readFileSync } from 'node:fs';
import { parsePlan } from '../../src/plan/parse-plan.js';
import { parsePeriod } from '../../src/data/period.js';
import type { Observation } from '../../src/data/types.js';
import type { Measure, Plan } from '../../src/plan/types.js';

export const bundledPlan: Plan = parsePlan(readFileSync(new URL('../../data/plan.yaml', import.meta.url), 'utf8'), 'data/plan.yaml');

export function measure(id: string): Measure {
  const m = bundledPlan.measures.find((x) => x.id === id);
  if (!m) throw new Error(`no measure ${id}`);
  return m;
}

/** Observations of one series from [period label, value] pairs. */
export function series(measureId: string, area: string, rows: [string, number | null][]): Observation[] {
  const m = measure(measureId);
  return rows.map(([label, value], i) => {
    const parsed = parsePeriod(label, m.periodType);
    if (!parsed.ok) throw new Error(parsed.reason);
    return { measure: measureId, area, period: parsed.period, value, status: [], source: { file: 'test', line: i + 2 }, ...(value === null ? { missing: 'x' as const } : {}) };
  });
}
