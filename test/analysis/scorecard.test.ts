import { describe, expect, it } from 'vitest';
import { observationAt } from '../../src/analysis/scorecard.js';
import { series } from '../helpers/plan.js';

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
