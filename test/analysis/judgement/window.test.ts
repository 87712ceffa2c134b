import { describe, expect, it } from 'vitest';
import { baselineWindow } from '../../../src/analysis/judgement/window.js';
import { measure, series } from '../../helpers/plan.js';
import type { Observation } from '../../../src/data/types.js';

const annual = measure('under-18-conceptions');
const rows = (pairs: [string, number | null][], flags: Record<string, Observation['status']> = {}) =>
  series('under-18-conceptions', 'Leeds', pairs).map((o) => ({ ...o, status: flags[o.period.label] ?? [] }));
const until = (label: string) => (p: { label: string }) => p.label <= label;

describe('baselineWindow', () => {
  it('fits every value up to the baseline when there is no break or gap', () => {
    const w = baselineWindow(rows([['2006', 60], ['2007', 55], ['2008', 50], ['2009', 45], ['2010', 40], ['2011', 39]]), annual, until('2010'))!;
    expect(w.fitted.map((p) => p.period.label)).toEqual(['2006', '2007', '2008', '2009', '2010']);
    expect(w.start).toBe('data');
    expect(w.judged.map((p) => p.period.label)).toEqual(['2011']);
  });

  it('starts the fit at a break: the value flagged b begins the series it belongs to', () => {
    const w = baselineWindow(rows([['2006', 60], ['2007', 55], ['2008', 30], ['2009', 28], ['2010', 27]], { '2008': ['b'] }), annual, until('2010'))!;
    expect(w.fitted.map((p) => p.period.label)).toEqual(['2008', '2009', '2010']);
    expect(w.start).toBe('break');
    expect(w.before).toHaveLength(5);
  });

  it('never fits across a gap in an annual series, whether the year is marked or absent', () => {
    const marked = baselineWindow(rows([['2005', 61], ['2006', 60], ['2007', null], ['2008', 50], ['2009', 45], ['2010', 40]]), annual, until('2010'))!;
    expect(marked.fitted.map((p) => p.period.label)).toEqual(['2008', '2009', '2010']);
    expect(marked.start).toBe('gap');
    const absent = baselineWindow(rows([['2005', 61], ['2006', 60], ['2008', 50], ['2009', 45], ['2010', 40]]), annual, until('2010'))!;
    expect(absent.fitted.map((p) => p.period.label)).toEqual(['2008', '2009', '2010']);
  });

  it('does not judge values from a later break on', () => {
    const w = baselineWindow(rows([['2008', 50], ['2009', 45], ['2010', 40], ['2011', 39], ['2012', 20], ['2013', 19]], { '2012': ['b'] }), annual, until('2010'))!;
    expect(w.judged.map((p) => p.period.label)).toEqual(['2011']);
    expect(w.notJudged.map((p) => p.period.label)).toEqual(['2012', '2013']);
    expect(w.laterBreak).toBe('2012');
  });

  it('keeps a weekly series whole across holiday weeks marked z (not applicable)', () => {
    const weekly = measure('attendance-weekly');
    const obs = series('attendance-weekly', 'Leeds', [['2011-W01', 94], ['2011-W02', 95], ['2011-W03', null], ['2011-W04', 94.5], ['2011-W05', 94.2]]).map((o) =>
      o.value === null ? { ...o, missing: 'z' as const } : o,
    );
    const w = baselineWindow(obs, weekly, (p) => p.ordinal <= obs[4]!.period.ordinal)!;
    expect(w.fitted).toHaveLength(4);
    expect(w.start).toBe('data');
  });

  it('returns nothing when no value is on or before the baseline', () => {
    expect(baselineWindow(rows([['2011', 39]]), annual, until('2010'))).toBeUndefined();
  });
});
