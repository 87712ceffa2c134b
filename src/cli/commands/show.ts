/** `oba show <measure>`: a measure's series as a terminal table, JSON or CSV. */
import { stringify } from 'csv-stringify/sync';
import { terminalSafe, type Terminal } from '../terminal.js';
import { formatIssue, loadWorkspace } from '../workspace.js';
import { keptInputs } from '../output-run.js';
import { CliError } from '../errors.js';
import { formatObservation, MISSING_WORDS, STATUS_WORDS } from '../../render/format.js';
import { isIllustrative } from '../../data/illustrative.js';
import { textTable } from '../../render/table.js';
import { protectCsvCell } from '../../render/csv.js';
import type { Observation } from '../../data/types.js';
import type { Measure } from '../../plan/types.js';
import { resolveArea, resolveMeasure } from '../resolve.js';

export interface ShowOptions {
  config?: string;
  data?: string[];
  area?: string;
  json?: boolean;
  csv?: boolean;
}

export async function show(measureId: string, options: ShowOptions, terminal: Terminal, cwd: string): Promise<number> {
  if (options.json && options.csv) throw new CliError('choose one of --json and --csv', 2);
  const { inputs, dataMemo } = keptInputs(options, cwd);
  const workspace = await loadWorkspace(options, cwd, inputs, dataMemo);
  const measure = resolveMeasure(workspace.plan, measureId);
  const areas = options.area ? [resolveArea(workspace.dataset, options.area).name] : workspace.dataset.areasWith(measure.id);
  for (const issue of workspace.issues.filter((i) => i.severity === 'error')) terminal.err(formatIssue(issue));
  const series = areas.map((area) => ({ area, observations: workspace.dataset.series(measure.id, area)?.observations ?? [] }));
  if (options.json) {
    terminal.out(JSON.stringify({ measure: measure.id, title: measure.title, unit: measure.unit, polarity: measure.polarity, series: series.map((s) => ({ area: s.area, observations: s.observations.map(toJson) })) }, null, 2));
  } else if (options.csv) {
    const rows = series.flatMap((s) => s.observations.map((o) => csvRow(o)));
    terminal.out(stringify(rows, { header: true, columns: ['measure', 'area', 'period', 'value', 'numerator', 'denominator', 'lower', 'upper', 'status', 'note'], eof: false }));
  } else {
    terminal.out(tableText(measure, series, terminal));
  }
  return workspace.issues.some((i) => i.severity === 'error') ? 1 : 0;
}

function toJson(o: Observation) {
  return {
    period: o.period.label,
    value: o.value,
    ...(o.missing ? { missing: o.missing } : {}),
    status: o.status,
    ...(o.numerator !== undefined ? { numerator: o.numerator } : {}),
    ...(o.denominator !== undefined ? { denominator: o.denominator } : {}),
    ...(o.lower !== undefined ? { lower: o.lower } : {}),
    ...(o.upper !== undefined ? { upper: o.upper } : {}),
    ...(o.note ? { note: o.note } : {}),
    illustrative: o.value !== null && isIllustrative(o),
  };
}

function csvRow(o: Observation): Record<string, string> {
  const num = (v: number | undefined) => (v === undefined ? '' : String(v));
  return {
    measure: o.measure,
    area: protectCsvCell(o.area),
    period: o.period.label,
    value: o.value === null ? o.missing ?? 'x' : String(o.value),
    numerator: num(o.numerator),
    denominator: num(o.denominator),
    lower: num(o.lower),
    upper: num(o.upper),
    status: o.status.join(' '),
    // Native format, so it reads back: an illustrative row says so in its note or its status `e`.
    note: protectCsvCell(o.note ?? ''),
  };
}

function tableText(measure: Measure, series: { area: string; observations: Observation[] }[], terminal: Terminal): string {
  const c = terminal.colour;
  const out: string[] = [c.bold(terminalSafe(`${measure.id}: ${measure.title}`)), terminalSafe(measure.source), ''];
  const markers = new Set<string>();
  for (const s of series) {
    if (s.observations.length === 0) {
      out.push(`${terminalSafe(s.area)}: no data`, '');
      continue;
    }
    out.push(c.bold(terminalSafe(s.area)));
    const rows = s.observations.map((o) => {
      if (o.missing) markers.add(`${o.missing}: ${MISSING_WORDS[o.missing]}`);
      for (const f of o.status) markers.add(`[${f}]: ${STATUS_WORDS[f]}`);
      const cell = formatObservation(o, measure);
      return [
        terminalSafe(o.period.label),
        o.value === null ? c.dim(cell) : cell,
        o.numerator === undefined ? '' : String(o.numerator),
        o.denominator === undefined ? '' : String(o.denominator),
        terminalSafe(o.note ?? ''),
      ];
    });
    out.push(textTable([{ header: 'period' }, { header: 'value', align: 'right' }, { header: 'numerator', align: 'right' }, { header: 'denominator', align: 'right' }, { header: 'note' }], rows));
  }
  if (markers.size > 0) out.push(`Markers: ${[...markers].sort().join('; ')}`);
  return out.join('\n');
}
