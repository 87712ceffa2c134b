/**
 * Warnings as a person can take them in: one line a code with how many there are (every one
 * with --verbose), and none of the codes the configuration's `acknowledge:` has accepted for
 * a file, which are only counted.
 */
import type { Acknowledged } from '../config/config.js';
import type { DataIssue } from '../data/types.js';

export function isAcknowledged(issue: DataIssue, acknowledged: readonly Acknowledged[]): boolean {
  return acknowledged.some((a) => (a.file === '*' || a.file === issue.file) && a.codes.includes(issue.code));
}

/** The issues not acknowledged, and how many were. */
export function withoutAcknowledged(issues: readonly DataIssue[], acknowledged: readonly Acknowledged[]): { issues: DataIssue[]; acknowledged: number } {
  const kept = issues.filter((i) => i.severity === 'error' || !isAcknowledged(i, acknowledged));
  return { issues: kept, acknowledged: issues.length - kept.length };
}

/**
 * Warning lines: each warning with `verbose`; otherwise the first of each code, with how many
 * more of that code there are.
 */
export function warningLines(warnings: readonly DataIssue[], format: (issue: DataIssue) => string, verbose: boolean): string[] {
  if (verbose) return warnings.map(format);
  const byCode = new Map<string, DataIssue[]>();
  for (const w of warnings) {
    const list = byCode.get(w.code);
    if (list) list.push(w);
    else byCode.set(w.code, [w]);
  }
  return [...byCode.values()].map((list) => {
    const more = list.length - 1;
    return more === 0 ? format(list[0]!) : `${format(list[0]!)} (and ${more} more ${list[0]!.code} warning${more === 1 ? '' : 's'}: --verbose lists every one)`;
  });
}

/** The line saying how many acknowledged warnings were left out, or nothing. */
export function acknowledgedLine(count: number): string[] {
  return count === 0 ? [] : [`${count} acknowledged warning${count === 1 ? '' : 's'} not shown (acknowledge: in the configuration)`];
}
