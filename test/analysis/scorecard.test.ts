import { describe, expect, it } from 'vitest';
import { observationAt, scorecardRow } from '../../src/analysis/scorecard.js';
import { buildDataset } from '../../src/model/dataset.js';
import { bundledPlan, measure, series } from '../helpers/plan.js';

describe('observationAt', () => {
  // Under-18 conceptions are yearly: ordinals are the calendar years.
  const rows = series('under-18-conceptions', 'Leeds', [
    ['2009', 40],
    ['2010', 38],
    ['2012', null],
    ['2013', 33],
  ]);
  const ordinal = (label: string) => rows.find((o) => o.period.label === label)!.period.ordinal;

  it('finds the observation of the period at either end and in between, as find does', () => {
    for (const o of rows) expect(observationAt(rows, o.period.ordinal)).toBe(rows.find((x) => x.period.ordinal === o.period.ordinal));
    expect(observationAt(rows, ordinal('2013'))?.value).toBe(33);
    expect(observationAt(rows, ordinal('2012'))?.value).toBeNull();
  });

  it('gives nothing for a period the series does not have, before, inside or after it', () => {
    expect(observationAt(rows, ordinal('2009') - 1)).toBeUndefined();
    expect(observationAt(rows, ordinal('2010') + 1)).toBeUndefined(); // 2011, a gap
    expect(observationAt(rows, ordinal('2013') + 1)).toBeUndefined();
    expect(observationAt([], ordinal('2013'))).toBeUndefined();
  });

  it('gives the first of two observations of one period', () => {
    const twice = [rows[0]!, rows[1]!, { ...rows[1]!, value: 99 }, rows[3]!];
    expect(observationAt(twice, ordinal('2010'))?.value).toBe(38);
  });
});

describe('scorecardRow quartiles', () => {
  // Under-18 conceptions (a rate, lower is better) for five clusters of the bundled plan; the
  // peers of a cluster are the clusters with a value for its own latest period.
  const clusters = ['Aireborough', 'Alwoodley', 'Ardsley and Tingley', 'Armley', 'Beeston and Holbeck'];
  const rows: [string, number][][] = [
    [['2013', 20], ['2014', 10]],
    [['2013', 30], ['2014', 20]],
    [['2013', 40], ['2014', 30]],
    [['2013', 50], ['2014', 40]],
    [['2013', 60]], // no 2014 value: its latest is 2013
  ];
  const dataset = buildDataset(bundledPlan, clusters.flatMap((c, i) => series('under-18-conceptions', c, rows[i]!)));
  const config = { analysis: {}, measures: {} } as unknown as Parameters<typeof scorecardRow>[1];
  const indicator = bundledPlan.indicators.find((i) => i.measures.some((m) => m.id === 'under-18-conceptions'))!;
  const row = (area: string) => scorecardRow(dataset, config, indicator, measure('under-18-conceptions'), area);

  it('ranks each cluster among the clusters with a value for its own latest period', () => {
    // 2014: 10, 20, 30, 40 (four clusters); lower is better, so 20 is 2nd of 4.
    expect(row('Alwoodley').quartile).toMatchObject({ rank: 2, areas: 4, period: '2014' });
    expect(row('Aireborough').quartile).toMatchObject({ rank: 1, areas: 4, period: '2014' });
    // 2013: 20, 30, 40, 50, 60 (all five); 60 is 5th of 5.
    expect(row('Beeston and Holbeck').quartile).toMatchObject({ rank: 5, areas: 5, period: '2013' });
    // Asked again after another period's peers: the same answer.
    expect(row('Armley').quartile).toMatchObject({ rank: 4, areas: 4, period: '2014' });
  });
});

describe('the direction of travel over a gap in the data', () => {
  const config = { analysis: {}, measures: {} } as unknown as Parameters<typeof scorecardRow>[1];
  const indicator = bundledPlan.indicators.find((i) => i.measures.some((m) => m.id === 'under-18-conceptions'))!;
  const direction = (rows: [string, number][]) =>
    scorecardRow(buildDataset(bundledPlan, series('under-18-conceptions', 'Leeds', rows)), config, indicator, measure('under-18-conceptions'), 'Leeds').analysis.direction;

  it('compares with the period before and the same period a year before, not with the value published before them', () => {
    // No 2014: the year before 2015 is missing, so there is no change on it to speak of.
    const gap = direction([['2011', 50], ['2012', 45], ['2013', 40], ['2015', 30]]);
    expect(gap.previous).toMatchObject({ from: null, change: null });
    expect(gap.sameLastYear).toMatchObject({ from: null, change: null });
    expect(gap.run).toBeNull();
    // Without the gap: 2015 on 2014, and a run of four falls (lower is better).
    const whole = direction([['2011', 50], ['2012', 45], ['2013', 40], ['2014', 35], ['2015', 30]]);
    expect(whole.previous).toMatchObject({ from: 35, change: -5, direction: 'improving' });
    expect(whole.run).toMatchObject({ length: 4, direction: 'improving' });
  });

  it('ends a run at a gap', () => {
    // Falls 2011→2012→2013, no 2014, then falls 2015→2016→2017: a run of two, not five.
    const run = direction([['2011', 60], ['2012', 55], ['2013', 50], ['2015', 40], ['2016', 35], ['2017', 30]]).run;
    expect(run).toMatchObject({ length: 2, movement: 'down' });
  });
});
