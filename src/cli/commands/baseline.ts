/** `oba baseline <measure>`: one measure's baseline, trajectory, actuals since and verdict. */
import type { Terminal } from '../terminal.js';
import { formatIssue, loadWorkspace, requireCleanData } from '../workspace.js';
import { keptInputs } from '../output-run.js';
import { resolveArea, resolveMeasure } from '../resolve.js';
import { CliError } from '../errors.js';
import { analyseMeasure } from '../../analysis/scorecard.js';
import { FORECAST_METHODS, parseLevel, type ForecastMethod, type MeasureOptions } from '../../config/config.js';
import { formatRange, formatValue } from '../../render/format.js';
import { textTable } from '../../render/table.js';
import { numbersSay, ragSentence, verdictText } from '../../report/words.js';
import type { BaselineAnalysis } from '../../analysis/baseline.js';
import type { Measure } from '../../plan/types.js';

export interface BaselineOptions {
  config?: string;
  area?: string;
  method?: string;
  window?: string;
  baselineAt?: string;
  to?: string;
  level?: string;
  target?: string;
  targetAt?: string;
  json?: boolean;
}

/** Command-line options as measure settings; every bad option reported at once, exit 2. */
export function readBaselineOptions(options: BaselineOptions): MeasureOptions {
  const problems: string[] = [];
  const out: MeasureOptions = {};
  if (options.method !== undefined) {
    if ((FORECAST_METHODS as readonly string[]).includes(options.method)) out.method = options.method as ForecastMethod;
    else problems.push(`--method must be one of ${FORECAST_METHODS.join(', ')}, not "${options.method}"`);
  }
  if (options.window !== undefined) {
    const n = Number(options.window);
    if (Number.isInteger(n) && n >= 3) out.window = n;
    else problems.push(`--window must be a whole number of periods, 3 or more, not "${options.window}"`);
  }
  if (options.level !== undefined) {
    const level = parseLevel(options.level);
    if (level !== undefined) out.level = level;
    else problems.push(`--level must be a level such as 0.95 or 95%, not "${options.level}"`);
  }
  if (options.baselineAt !== undefined) out.baselineAt = options.baselineAt;
  if (options.to !== undefined) out.horizon = options.to;
  if (options.target !== undefined) {
    const value = Number(options.target.replace(/,/g, ''));
    if (options.target.trim() === '' || !Number.isFinite(value)) problems.push(`--target must be a number, not "${options.target}"`);
    else out.target = { kind: 'value', value, ...(options.targetAt ? { by: options.targetAt } : {}) };
  } else if (options.targetAt !== undefined) problems.push('--target-at needs --target');
  if (problems.length > 0) throw new CliError(problems.join('\n     '), 2);
  return out;
}

export async function baseline(measureId: string, options: BaselineOptions, terminal: Terminal, cwd: string): Promise<number> {
  const overrides = readBaselineOptions(options);
  const { inputs, dataMemo } = keptInputs(options, cwd);
  const workspace = await loadWorkspace(options, cwd, inputs, dataMemo);
  requireCleanData(workspace.issues, (issue) => terminal.err(formatIssue(issue)));
  const measure = resolveMeasure(workspace.plan, measureId);
  const area = resolveArea(workspace.dataset, options.area ?? workspace.plan.city).name;
  if (overrides.method === 'logit' && measure.unit.kind !== 'percent') throw new CliError(`--method logit is for percentages, and ${measure.id} is a ${measure.unit.kind}`, 2);
  const analysis = analyseMeasure(workspace.dataset, workspace.config, measure, area, { overrides });
  if (options.json) terminal.out(JSON.stringify(baselineJson(analysis), null, 2));
  else terminal.out(baselineText(analysis, measure, terminal));
  return 0;
}

/** The documented JSON shape of `oba baseline --json`. */
export function baselineJson(a: BaselineAnalysis) {
  return {
    measure: a.measure,
    area: a.area,
    method: a.method,
    level: a.level,
    baselineAt: a.baselineAt,
    smoothing: a.smoothing,
    history: a.history,
    forecast: a.forecast,
    trajectory: a.trajectory,
    target: a.target,
    since: a.since,
    verdict: a.verdict,
    rag: a.rag,
    direction: a.direction,
    latest: a.latest,
    model: a.model,
    judgement: a.judgement,
    controlled: a.controlled,
    stale: a.stale,
    laterBreak: a.laterBreak,
  };
}

function baselineText(a: BaselineAnalysis, measure: Measure, terminal: Terminal): string {
  const c = terminal.colour;
  const fmt = (v: number | null) => (v === null ? '' : formatValue(v, measure));
  const out = [c.bold(`${measure.title}, ${a.area}`), `method: ${a.method}, ${Math.round(a.level * 100)}% prediction interval, baseline frozen at ${a.baselineAt ?? '–'}`, ''];
  const byPeriod = new Map<string, string[]>();
  for (const h of a.history) byPeriod.set(h.period, [h.period, fmt(h.value), '', '', '', '']);
  for (const f of a.forecast) {
    const row = byPeriod.get(f.period) ?? [f.period, '', '', '', '', ''];
    row[2] = fmt(f.value);
    row[3] = formatRange(f.lower, f.upper, measure);
    byPeriod.set(f.period, row);
  }
  for (const s of a.since) {
    const row = byPeriod.get(s.period) ?? [s.period, '', '', '', '', ''];
    row[1] = fmt(s.value);
    row[5] = s.position ?? '';
    byPeriod.set(s.period, row);
  }
  for (const t of a.trajectory) {
    const row = byPeriod.get(t.period);
    if (row) row[4] = fmt(t.value);
  }
  const rows = [...byPeriod.values()].sort((x, y) => (a.times[x[0]!] ?? 0) - (a.times[y[0]!] ?? 0));
  out.push(textTable([{ header: 'period' }, { header: 'actual', align: 'right' }, { header: 'forecast', align: 'right' }, { header: 'interval', align: 'right' }, { header: 'trajectory', align: 'right' }, { header: 'against baseline' }], rows));
  out.push(`Verdict: ${verdictText(a.verdict.status)}${a.direction.summary ? `    Direction: ${a.direction.summary}` : ''}`, `Against the trajectory: ${ragSentence(a)}.`);
  out.push('', ...numbersSay(a, measure), '', 'Evidence:', ...a.verdict.evidence.map((e) => `  - ${e}`));
  return out.join('\n');
}
