/** `oba status`: the scorecard at a glance for every key measure of every indicator. */
import type { Terminal } from '../terminal.js';
import { formatIssue, loadWorkspace, requireCleanData } from '../workspace.js';
import { keptInputs } from '../output-run.js';
import { resolveArea } from '../resolve.js';
import { scorecard, type ScorecardRow } from '../../analysis/scorecard.js';
import { isIllustrative } from '../../data/illustrative.js';
import { textTable } from '../../render/table.js';
import { KEY_TEXT, scorecardCells } from '../../report/common.js';
import type { ChalkInstance } from 'chalk';

export interface StatusOptions {
  config?: string;
  area?: string;
  json?: boolean;
}

export async function status(options: StatusOptions, terminal: Terminal, cwd: string): Promise<number> {
  const { inputs, dataMemo } = keptInputs(options, cwd);
  const workspace = await loadWorkspace(options, cwd, inputs, dataMemo);
  requireCleanData(workspace.issues, (issue) => terminal.err(formatIssue(issue)));
  const area = resolveArea(workspace.dataset, options.area ?? workspace.plan.city).name;
  const rows = scorecard(workspace.dataset, workspace.config, area);
  if (options.json) {
    terminal.out(JSON.stringify({ area, rows: rows.map(statusJson) }, null, 2));
    return 0;
  }
  const c = terminal.colour;
  const table = rows.map((row) => {
    const cells = scorecardCells(row);
    return [
      cells.number + (row.indicator.obsession ? '★' : ''),
      row.measure.id,
      cells.latest,
      cells.direction,
      paintVerdict(c, row, cells.verdict),
      paintRag(c, row, cells.rag),
      cells.comparator,
      cells.quartile,
    ];
  });
  terminal.out(c.bold(`${workspace.plan.title}: ${area}`));
  terminal.out(textTable([{ header: '#' }, { header: 'measure' }, { header: 'latest', align: 'right' }, { header: 'direction' }, { header: 'vs baseline' }, { header: 'vs trajectory' }, { header: 'vs England' }, { header: 'quartile' }], table));
  terminal.out(`★ obsession. Baseline: ${KEY_TEXT.verdict}.\nTrajectory: ${KEY_TEXT.rag}.\nEngland: ${KEY_TEXT.comparator}.`);
  return 0;
}

function paintVerdict(c: ChalkInstance, row: ScorecardRow, text: string): string {
  const s = row.analysis.verdict.status;
  return s === 'turned' || s === 'accelerated' ? c.green(text) : s === 'worse' ? c.red(text) : s === 'slowed' ? c.yellow(text) : text;
}

function paintRag(c: ChalkInstance, row: ScorecardRow, text: string): string {
  const r = row.analysis.rag.rag;
  return r === 'green' ? c.green(text) : r === 'amber' ? c.yellow(text) : r === 'red' ? c.red(text) : text;
}

function statusJson(row: ScorecardRow) {
  return {
    indicator: row.indicator.number,
    obsession: row.indicator.obsession,
    measure: row.measure.id,
    latest: row.latest ? { period: row.latest.period.label, value: row.latest.value, status: row.latest.status, illustrative: isIllustrative(row.latest) } : null,
    stale: row.analysis.stale,
    target: row.analysis.target,
    direction: row.analysis.direction,
    rag: row.analysis.rag,
    verdict: row.analysis.verdict,
    comparator: row.comparator,
    quartile: row.quartile ?? null,
  };
}
