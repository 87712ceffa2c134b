/**
 * A series as lines are drawn from it: runs of values joined by segments, broken at missing
 * values and at breaks in series, solid between published figures and dashed into and out of
 * illustrative ones (internal).
 *
 * Each run becomes one SVG path: the line layers draw a run per `run` value (`detail`), so a
 * break or a gap is a real gap between paths, not a segment hidden under something else.
 */

/** One period of a series, checked. */
export interface SeriesRow {
  t: number;
  label: string;
  value: number | null;
  /** Status codes other than `b`, or the missing code of a null. */
  marker?: string;
  illustrative: boolean;
  /** The series breaks before this value (status `b`): no segment joins it to the one before. */
  breakBefore: boolean;
}

/** A vertex of a run. */
export interface RunRow {
  run: number;
  t: number;
  value: number;
}

/** Status codes in a marker such as `'p,r'`. */
export function codes(marker: string): string[] {
  return marker.split(/[,\s]+/).filter((c) => c.length > 0);
}

/** Insert a null row for every period missing between the first and last rows, so lines break there. */
export function fillGaps(rows: readonly SeriesRow[], label: (t: number) => string): SeriesRow[] {
  const out: SeriesRow[] = [];
  for (const row of rows) {
    const previous = out[out.length - 1];
    if (previous) for (let t = previous.t + 1; t < row.t; t++) out.push({ t, label: label(t), value: null, illustrative: false, breakBefore: false });
    out.push(row);
  }
  return out;
}

/** Whether a segment joins row `i - 1` to row `i` (both have values, no gap, no break). */
function joined(rows: readonly SeriesRow[], i: number): boolean {
  const a = rows[i - 1];
  const b = rows[i];
  return a !== undefined && b !== undefined && a.value !== null && b.value !== null && b.t === a.t + 1 && !b.breakBefore;
}

/**
 * The solid and the dashed runs of a series (rows in period order, gaps filled). A segment is
 * dashed when either end is illustrative. Each style's runs are numbered 0, 1, 2… in period
 * order: a chart drawn by shape (`chart-shape.ts`) then finds the runs it shares with the chart
 * drawn before it in the same order, and need not start its lines afresh.
 */
export function lineRuns(rows: readonly SeriesRow[]): { solid: RunRow[]; dashed: RunRow[] } {
  const solid: RunRow[] = [];
  const dashed: RunRow[] = [];
  const runs = { solid: 0, dashed: 0 };
  let previous: { style: 'solid' | 'dashed'; end: number } | undefined;
  for (let i = 1; i < rows.length; i++) {
    if (!joined(rows, i)) {
      previous = undefined;
      continue;
    }
    const a = rows[i - 1]!;
    const b = rows[i]!;
    const style = a.illustrative || b.illustrative ? 'dashed' : 'solid';
    const into = style === 'solid' ? solid : dashed;
    if (previous && previous.style === style && previous.end === i - 1) {
      into.push({ run: runs[style] - 1, t: b.t, value: b.value! });
    } else {
      into.push({ run: runs[style], t: a.t, value: a.value! }, { run: runs[style], t: b.t, value: b.value! });
      runs[style] += 1;
    }
    previous = { style, end: i };
  }
  return { solid, dashed };
}

/** Values joined to no neighbour: with no dot at each value, they would not show at all. */
export function isolated(rows: readonly SeriesRow[]): SeriesRow[] {
  return rows.filter((r, i) => r.value !== null && !joined(rows, i) && !joined(rows, i + 1));
}

/**
 * Where break marks go: half a period before each value that starts a new line after earlier
 * values, at the height midway between the last value before it (when it is the period just
 * before) and its own.
 */
export function breakMarks(rows: readonly SeriesRow[]): { t: number; value: number }[] {
  const marks: { t: number; value: number }[] = [];
  let seen = false;
  rows.forEach((row, i) => {
    if (row.value === null) return;
    if (row.breakBefore && seen) {
      const before = rows[i - 1];
      const value = before && before.value !== null && before.t === row.t - 1 ? (before.value + row.value) / 2 : row.value;
      marks.push({ t: row.t - 0.5, value });
    }
    seen = true;
  });
  return marks;
}

/** Whether a missing period lies between two values, so the line visibly stops and starts again. */
export function hasInnerGap(rows: readonly SeriesRow[]): boolean {
  const first = rows.findIndex((r) => r.value !== null);
  const last = rows.findLastIndex((r) => r.value !== null);
  return first >= 0 && rows.slice(first, last + 1).some((r) => r.value === null);
}

/**
 * The codes written at the foot of gaps: one per run of consecutive periods missing for the same
 * reason, centred on the run, so a long gap is not a smudge of overprinted letters.
 */
export function missingRuns(rows: readonly SeriesRow[]): { t: number; label: string; text: string }[] {
  const coded = rows.filter((r) => r.value === null && r.marker !== undefined);
  const runs: { first: SeriesRow; last: SeriesRow }[] = [];
  for (const row of coded) {
    const run = runs[runs.length - 1];
    if (run && run.last.t === row.t - 1 && run.last.marker === row.marker) run.last = row;
    else runs.push({ first: row, last: row });
  }
  return runs.map(({ first, last }) => ({
    t: (first.t + last.t) / 2,
    label: first === last ? first.label : `${first.label} to ${last.label}`,
    text: first.marker!,
  }));
}
