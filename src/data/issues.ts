/**
 * Building `DataIssue`s, and the small text helpers their messages share.
 * Every message reads "what is wrong; what to do".
 */
import type { DataIssue, DataIssueCode, Severity } from './types.js';

export function issue(
  severity: Severity,
  code: DataIssueCode,
  file: string,
  line: number,
  message: string,
  column?: number | string,
): DataIssue {
  const i: DataIssue = { severity, code, file, line, message };
  if (column !== undefined) i.column = column;
  return i;
}

export const error = (code: DataIssueCode, file: string, line: number, message: string, column?: number | string) =>
  issue('error', code, file, line, message, column);

export const warning = (code: DataIssueCode, file: string, line: number, message: string, column?: number | string) =>
  issue('warning', code, file, line, message, column);

/** `"text"` with control characters made visible and long text shortened. */
export function quote(text: string, max = 60): string {
  const shown = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return JSON.stringify(shown);
}

/** "a, b or c". */
export function listOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** "a, b and c". */
export function listAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Levenshtein edit distance (insertions, deletions and substitutions cost 1). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** The candidate nearest to `text` by edit distance (ignoring case), if it is near enough to be a likely typo. */
export function nearest(text: string, candidates: readonly string[]): string | undefined {
  // A bad file repeats the same unknown name on many rows: work each one out once.
  let memo = suggestions.get(candidates);
  if (!memo) suggestions.set(candidates, (memo = new Map()));
  if (memo.has(text)) return memo.get(text);
  const found = nearestUncached(text, candidates);
  // Only names of a plausible length are kept, so a file of long junk cells cannot fill memory.
  if (memo.size < 10_000 && text.length <= 256) memo.set(text, found);
  return found;
}

const suggestions = new WeakMap<readonly string[], Map<string, string | undefined>>();

function nearestUncached(text: string, candidates: readonly string[]): string | undefined {
  const t = text.trim().toLowerCase();
  // A name several times longer than any candidate is no typo; skip the quadratic comparison.
  if (t.length > 2 * Math.max(0, ...candidates.map((c) => c.length)) + 8) return undefined;
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(t, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(Math.max(t.length, best.length) / 3));
  return bestD <= limit ? best : undefined;
}

/**
 * Up to `max` candidates a person most likely meant: those containing what was typed (or it
 * them), then those sharing a word with it, then the nearest by edit distance.
 */
export function closest(text: string, candidates: readonly string[], max = 5): string[] {
  const t = text.trim().toLowerCase();
  if (t === '' || t.length > 256) return [];
  const words = new Set(t.split(/[^a-z0-9]+/).filter((w) => w.length > 2));
  const scored = candidates.map((c, i) => {
    const l = c.toLowerCase();
    const rank = l.includes(t) || t.includes(l) ? 0 : l.split(/[^a-z0-9]+/).some((w) => words.has(w)) ? 1 : 2;
    return { c, i, rank, d: rank === 2 ? editDistance(t, l) : 0 };
  });
  const limit = Math.max(2, Math.floor(t.length / 3));
  return scored
    .filter((s) => s.rank < 2 || s.d <= limit)
    .sort((a, b) => a.rank - b.rank || a.d - b.d || a.i - b.i)
    .slice(0, max)
    .map((s) => s.c);
}

/** Sorts issues by file, then line, errors before warnings at the same line. */
export function sortIssues(issues: DataIssue[]): DataIssue[] {
  return issues.sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}

/** The most issues of one kind kept for one file; the rest are counted, so memory stays bounded. */
export const MAX_ISSUES_PER_CODE = 1000;

/**
 * The issues found in one file, at most `MAX_ISSUES_PER_CODE` of each kind: a file of millions of
 * bad or repeated rows gives the first thousand of each and a count of the rest, not millions.
 */
export class IssueList extends Array<DataIssue> {
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }
  private readonly counts = new Map<DataIssueCode, number>();

  override push(...items: DataIssue[]): number {
    for (const item of items) {
      const n = (this.counts.get(item.code) ?? 0) + 1;
      this.counts.set(item.code, n);
      if (n <= MAX_ISSUES_PER_CODE) super.push(item);
    }
    return this.length;
  }

  /** The issues kept, sorted, each kind that overflowed ending with one issue saying how many more there were. */
  done(): DataIssue[] {
    const list = [...this];
    for (const [code, n] of this.counts) {
      if (n <= MAX_ISSUES_PER_CODE) continue;
      const last = list.filter((i) => i.code === code).at(-1)!;
      list.push(issue(last.severity, code, last.file, last.line, `and ${n - MAX_ISSUES_PER_CODE} more like this in the file, not listed (only the first ${MAX_ISSUES_PER_CODE} are); fix these and run again to see the rest`));
    }
    return sortIssues(list);
  }
}
