/** `--as-of`: a date (2015-03-31), a month (2015-03) or a year (2015), read as the last day it covers. */
import { CliError } from './errors.js';
import { daysInMonth, isValidDate } from '../data/calendar.js';
import type { Workspace } from './workspace.js';

export function readAsOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m && isValidDate(Number(m[1]), Number(m[2]), Number(m[3]))) return t;
  m = /^(\d{4})-(\d{2})$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${t}-${String(daysInMonth(Number(m[1]), Number(m[2]))).padStart(2, '0')}`;
  if (/^\d{4}$/.test(t)) return `${t}-12-31`;
  throw new CliError(`--as-of "${text}" is not a date; write 2015-03-31, 2015-03 or 2015`, 2);
}

/** Refuses an `--as-of` before the first figure (for the area, or any area): there would be nothing to report. */
export function requireDataBy(workspace: Workspace, area: string | undefined, asOf: string, given: string): void {
  let first: string | undefined;
  for (const o of workspace.dataset.all()) {
    if (area !== undefined && o.area !== area) continue;
    if (o.period.end <= asOf) return;
    if (first === undefined || o.period.end < first) first = o.period.end;
  }
  if (first !== undefined) throw new CliError(`--as-of ${given} is before the first figure${area ? ` for ${area}` : ''} (${first}); give a date from ${first} on`, 1);
}
