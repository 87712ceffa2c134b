/**
 * The bridge from analysis to chart inputs: human period labels, illustrative values, and a
 * chart with no forecast when the baseline was too short.
 */
import { describe, expect, it } from 'vitest';
import { analyseBaseline, type BaselineSettings } from '../../src/analysis/baseline.js';
import { DEFAULT_ANALYSIS } from '../../src/analysis/settings.js';
import { baselineChartSpec, spcChartSpec } from '../../src/charts/index.js';
import { baselineChartInput, chartPeriodLabel, chartPoints, isIllustrative, spcChartInput } from '../../src/report/chart-input.js';
import { measure, series } from '../helpers/plan.js';

describe('chartPeriodLabel', () => {
  it('writes periods as people read them, never as ISO strings', () => {
    expect(chartPeriodLabel('2011-03-31')).toBe('Mar 2011');
    expect(chartPeriodLabel('2013-02')).toBe('Feb 2013');
    expect(chartPeriodLabel('2012/13')).toBe('2012/13');
    expect(chartPeriodLabel('2013')).toBe('2013');
    expect(chartPeriodLabel('2013-Q2')).toBe('2013 Q2');
    // ISO week 1 of 2013 starts on Monday 31 December 2012 (1 January 2013 was a Tuesday);
    // week 25 starts 24 weeks (168 days) later: 31 Dec + 168 days = 17 June 2013.
    expect(chartPeriodLabel('2013-W25')).toBe('w/c 17 Jun 2013');
    // Week 1 of 2015 starts Monday 29 December 2014 (1 January 2015 was a Thursday).
    expect(chartPeriodLabel('2015-W01')).toBe('w/c 29 Dec 2014');
  });
});

describe('illustrative values', () => {
  const rows = series('looked-after', 'Leeds', [
    ['2010-03-31', 1417],
    ['2011-03-31', 1448],
    ['2012-03-31', 1475],
    ['2013-03-31', null],
  ]);
  rows[0]!.note = 'illustrative: made by the generator';
  rows[1]!.status = ['e'];
  rows[2]!.note = 'real: DfE SFR20/2012';

  it('are those whose note says so or whose status is estimated, never a missing value', () => {
    expect(rows.map(isIllustrative)).toEqual([true, true, false, false]);
    const points = chartPoints(rows, measure('looked-after'));
    expect(points.map((p) => p.illustrative ?? false)).toEqual([true, true, false, false]);
    expect(points.map((p) => p.label)).toEqual(['Mar 2010', 'Mar 2011', 'Mar 2012', 'Mar 2013']);
    expect(points[1]!.marker).toBe('e');
    expect(points[3]!.marker).toBe('x');
  });
});

describe('a baseline too short to forecast', () => {
  const settings: BaselineSettings = { ...DEFAULT_ANALYSIS, baselineAt: '2012', horizon: '2015-03-31' };
  const observations = series('looked-after', 'Leeds', [
    ['2010-03-31', 1417],
    ['2011-03-31', 1448],
    ['2012-03-31', 1475],
    ['2013-03-31', 1373],
  ]);
  const analysis = analyseBaseline(measure('looked-after'), 'Leeds', observations, settings);

  it('gives a chart of the history alone, with no forecast drawn or named', () => {
    expect(analysis.forecast).toEqual([]);
    const input = baselineChartInput(analysis, observations, measure('looked-after'), { title: 'Children looked after, Leeds' });
    expect(input.forecast).toEqual([]);
    expect(input.description).not.toMatch(/forecast/);
    expect(input.baselineAt.label).toBe('Mar 2012');
    const spec = baselineChartSpec(input) as any;
    expect(spec.datasets.forecast).toEqual([]);
    const key = spec.vconcat[1].layer.find((l: any) => l.name === 'key_labels').data.values.map((v: any) => v.text);
    expect(key.some((k: string) => k.startsWith('forecast'))).toBe(false);
  });
});

describe('an SPC chart of differences from expected', () => {
  const rows = series('neet-monthly', 'Leeds', [
    ['2013-01', -0.4],
    ['2013-02', 0.3],
    ['2013-03', 0.1],
  ]) as (ReturnType<typeof series>[number] & { value: number })[];
  const chart = { mean: 0, lower: -1.2, upper: 1.2, points: rows.map(() => ({ special: null })) } as unknown as Parameters<typeof spcChartInput>[0];

  it('may go below zero, and is in percentage points, not per cent', () => {
    const input = spcChartInput(chart, rows, measure('neet-monthly'), 'NEET', 'Differences.', { differences: true });
    expect(input.negativeAllowed).toBe(true);
    expect(input.percent).toBe(false);
    expect(input.unitLabel).toBe('percentage points above or below expected');
    expect(input.points.map((p) => p.label)).toEqual(['Jan 2013', 'Feb 2013', 'Mar 2013']);
    const spec = spcChartSpec(input) as any;
    expect(spec.datasets.limits.map((l: any) => l.value)).toEqual([-1.2, 1.2]);
  });

  it('of a percentage’s own values is refused below zero', () => {
    const input = spcChartInput(chart, rows, measure('neet-monthly'), 'NEET', 'Values.');
    expect(() => spcChartSpec(input)).toThrow(/points\[0\]\.value in the unit's range, got -0.4/);
  });
});
