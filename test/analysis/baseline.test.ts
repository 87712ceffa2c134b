import { describe, expect, it } from 'vitest';
import { analyseBaseline, type BaselineSettings } from '../../src/analysis/baseline.js';
import { measure, series } from '../helpers/plan.js';
import { DEFAULT_ANALYSIS } from '../../src/analysis/settings.js';

const defaults: BaselineSettings = { ...DEFAULT_ANALYSIS, baselineAt: '2012', horizon: '2015-03-31' };

// Real Leeds children looked after at 31 March: 1,417 (2010), 1,448 (2011), 1,475 (2012), then
// 1,373, 1,339, 1,245 (DfE SFR27/2010 … SFR34/2015; data/real/leeds-figures.md section 1).
const real: [string, number][] = [
  ['2010-03-31', 1417],
  ['2011-03-31', 1448],
  ['2012-03-31', 1475],
  ['2013-03-31', 1373],
  ['2014-03-31', 1339],
  ['2015-03-31', 1245],
];

describe('three real baseline values are too few to forecast', () => {
  const result = analyseBaseline(measure('looked-after'), 'Leeds', series('looked-after', 'Leeds', real), defaults);

  it('says insufficient-data, and why, instead of an absurd or zero-width interval', () => {
    expect(result.verdict.status).toBe('insufficient-data');
    expect(result.verdict.evidence.join(' ')).toMatch(/Too short to forecast: a baseline needs at least 5 values to forecast from, and has 3/);
    expect(result.forecast).toEqual([]);
    expect(result.since.every((s) => s.forecast === null && s.position === null)).toBe(true);
    expect(result.history.map((h) => h.value)).toEqual([1417, 1448, 1475]);
  });
});

describe('the Leeds children looked after, with three earlier values, frozen at 2012', () => {
  // 1,340 at March 2007 (press); 1,365 and 1,390 stand in for 2008 and 2009 (not published).
  const rows: [string, number][] = [['2007-03-31', 1340], ['2008-03-31', 1365], ['2009-03-31', 1390], ...real];
  const result = analyseBaseline(measure('looked-after'), 'Leeds', series('looked-after', 'Leeds', rows), defaults);

  it('fits a log-linear line, because this is a count', () => {
    expect(result.method).toBe('auto');
    expect(result.model?.method).toBe('loglinear');
    expect(result.model?.reason).toMatch(/because this is a count/);
    expect(result.model?.values).toBe(6);
  });

  it('forecasts as weighted least squares on the logs by hand (Poisson weights, iterated)', () => {
    // An independent calculation (Python, plain arithmetic): IRLS with w = exp(fitted), 4 passes:
    // a = 7.296170, b = 0.019332 (1.95% a year), s² = 0.0016922 on 4 df; at h years ahead
    // var = s²(1/w_h + V₀₀ + 2hV₀₁ + h²V₁₁), interval exp(ẑ ± t(0.975, 4)·√var):
    // 2013: 1503.43 (1497.33 to 1509.55); 2015: 1562.69 (1554.80 to 1570.62).
    const at = (p: string) => result.forecast.find((f) => f.period === p)!;
    expect(at('2013-03-31').value).toBeCloseTo(1503.43, 1);
    expect(at('2013-03-31').lower).toBeCloseTo(1497.33, 1);
    expect(at('2015-03-31').value).toBeCloseTo(1562.69, 1);
    expect(at('2015-03-31').upper).toBeCloseTo(1570.62, 1);
    // The slope in the measure's units at the baseline: b × fitted value = 0.019332 × e^7.296170.
    expect(result.baselineSlope).toBeCloseTo(0.019332089 * Math.exp(7.296170388), 2);
    expect(result.course?.baseline).toBe('rising by 2.0% a year');
  });

  it('comes out turned, with the effect and its interval in words', () => {
    expect(result.verdict.status).toBe('turned');
    expect(result.judgement?.reason).toBe('slope-turned');
    const effect = result.judgement!.effects.at(-1)!;
    expect(effect.value).toBeCloseTo(1245 - 1562.69, 0);
    expect(effect.upper).toBeLessThan(0);
    expect(result.verdict.evidence.join(' ')).toMatch(/At 31 March 2015, 1,245: 318 below the baseline forecast of 1,563 \(95% interval for the difference: \d+ to \d+ below\)/);
  });
});

describe('intervals stay inside what the unit allows', () => {
  it('never above 100% for a percentage near its ceiling, or below 0 for a falling rate', () => {
    const pct = analyseBaseline(
      measure('attendance-secondary'),
      'Leeds',
      series('attendance-secondary', 'Leeds', [['2005/06', 97.9], ['2006/07', 98.4], ['2007/08', 98.8], ['2008/09', 99.1], ['2009/10', 99.4], ['2010/11', 99.6]]),
      { ...defaults, baselineAt: '2010/11', horizon: '2020-08-31' },
    );
    expect(pct.forecast.length).toBeGreaterThan(5);
    expect(Math.max(...pct.forecast.map((f) => f.upper))).toBeLessThan(100);
    const rate = analyseBaseline(
      measure('under-18-conceptions'),
      'Leeds',
      series('under-18-conceptions', 'Leeds', [['2006', 30], ['2007', 22], ['2008', 15], ['2009', 11], ['2010', 7]]),
      { ...defaults, baselineAt: '2010', horizon: '2020-12-31' },
    );
    expect(Math.min(...rate.forecast.map((f) => f.lower))).toBeGreaterThan(0);
  });

  it('cuts a straight line, when asked for one, at the unit bounds', () => {
    const pct = analyseBaseline(
      measure('attendance-secondary'),
      'Leeds',
      series('attendance-secondary', 'Leeds', [['2005/06', 97.9], ['2006/07', 98.4], ['2007/08', 98.8], ['2008/09', 99.1], ['2009/10', 99.4], ['2010/11', 99.6]]),
      { ...defaults, method: 'linear', baselineAt: '2010/11', horizon: '2020-08-31' },
    );
    expect(Math.max(...pct.forecast.map((f) => f.upper))).toBe(100);
  });
});

describe('stale figures are not rated', () => {
  it('a latest value from before the plan began gets no RAG, and says why', () => {
    const result = analyseBaseline(measure('looked-after'), 'Leeds', series('looked-after', 'Leeds', real.slice(0, 2)), {
      ...defaults,
      baselineAt: '2011',
      planStart: '2011-04-01',
      target: { kind: 'value', value: 1000, by: '2015-03-31' },
    });
    expect(result.stale.stale).toBe(true);
    expect(result.rag.rag).toBe('none');
    expect(result.rag.rule).toMatch(/stale.*before the plan began/);
  });
});

describe('a measure still improving, but more slowly than its baseline', () => {
  // Under-18 conceptions falling by about 5 a year to the baseline, then by only 1 a year.
  const slower = series('under-18-conceptions', 'Leeds', [
    ['2005', 64.6], ['2006', 60.2], ['2007', 54.4], ['2008', 50.3], ['2009', 44.8], ['2010', 40.1],
    ['2011', 39.2], ['2012', 38.1], ['2013', 37.0],
  ]);
  const result = analyseBaseline(measure('under-18-conceptions'), 'Leeds', slower, { ...defaults, baselineAt: '2010' });

  it('is not reported as turned: it is worse than its baseline', () => {
    expect(result.verdict.status).toBe('worse');
    expect(result.since.at(-1)?.position).toBe('worse');
    expect(result.judgement?.effects.at(-1)?.value).toBeGreaterThan(0);
  });
});

describe('a small count that reaches zero after the baseline', () => {
  it('is fitted on the started log from the start, so the zero can be judged', () => {
    const small = series('apprenticeship-starts', 'Leeds', [
      ['2004/05', 14], ['2005/06', 11], ['2006/07', 12], ['2007/08', 9], ['2008/09', 10], ['2009/10', 8],
      ['2010/11', 7], ['2011/12', 0], ['2012/13', 5],
    ]);
    const result = analyseBaseline(measure('apprenticeship-starts'), 'Leeds', small, { ...defaults, baselineAt: '2010/11', horizon: '2013-03-31' });
    expect(result.model?.reason).toMatch(/plus 0.5 because some values are 0/);
    expect(result.judgement?.effects).toHaveLength(2);
    expect(Number.isFinite(result.judgement!.tests.joint.f)).toBe(true);
  });
});

describe('a gap before the baseline', () => {
  // The published files a council starts with: 2010-2017, nothing for 2018-2020, then 2021 on
  // (Bradford's children looked after, from data/real; the later years stand in).
  const rows: [string, number][] = [
    ['2010-03-31', 885], ['2011-03-31', 888], ['2012-03-31', 896], ['2013-03-31', 877], ['2014-03-31', 878], ['2015-03-31', 878], ['2016-03-31', 848], ['2017-03-31', 900],
    ['2021-03-31', 1400], ['2022-03-31', 1500], ['2023-03-31', 1584],
  ];
  const result = analyseBaseline(measure('looked-after'), 'Bradford', series('looked-after', 'Bradford', rows), { ...defaults, baselineAt: '2023-04-01', horizon: '2026-03-31' });

  it('rests on the values after it, and says which values it left out and how to bring them in', () => {
    const evidence = result.verdict.evidence.join(' ');
    expect(evidence).toContain('The baseline rests on 3 values from 31 March 2021: a gap (before 31 March 2021) comes before them, and no line is drawn across a gap.');
    expect(evidence).toContain('The 8 values from 31 March 2010 to 31 March 2017 are left out; figures for the missing periods, added in a file of your own, would join them to the baseline.');
    expect(result.verdict.status).toBe('insufficient-data');
  });
});

describe('the RAG rule in words', () => {
  // Leeds' real children looked after 2010-2015, a target of 1,250 by March 2015, rated at
  // March 2015: the words must say what the tolerance allows, and never "amber within 0%".
  const rated = (rag: BaselineSettings['rag']) =>
    analyseBaseline(measure('looked-after'), 'Leeds', series('looked-after', 'Leeds', [['2007-03-31', 1340], ['2008-03-31', 1365], ['2009-03-31', 1390], ...real]), {
      ...defaults,
      rag,
      target: { kind: 'value', value: 1250, by: '2015-03-31' },
    }).rag.rule;

  it('names the amber band of a tolerance, and says there is none when it is 0', () => {
    expect(rated({ tolerance: { percent: 2 }, amberIfImproved: false })).toContain('amber within 2% of it; red otherwise');
    expect(rated({ tolerance: { percent: 0 }, amberIfImproved: false })).toContain('no amber (the tolerance is 0); red otherwise');
    expect(rated({ tolerance: { absolute: 0 }, amberIfImproved: true })).toContain('amber if off it but better than the same period last year; red otherwise');
  });
});

describe('a target as a change on the baseline', () => {
  // Leeds' real count at March 2012 is 1,475: 10% fewer is 1,327.5, shown as 1,328.
  const description = (target: NonNullable<BaselineSettings['target']>) =>
    analyseBaseline(measure('looked-after'), 'Leeds', series('looked-after', 'Leeds', [['2007-03-31', 1340], ['2008-03-31', 1365], ['2009-03-31', 1390], ...real]), { ...defaults, target }).target?.description;

  it('is signed with a minus sign, as every change in the pack is', () => {
    expect(description({ kind: 'change', change: -10, percent: true, by: '2015-03-31' })).toBe('−10% on the baseline (1,475 at 31 March 2012) by 31 March 2015: 1,328');
    expect(description({ kind: 'change', change: -150, percent: false, by: '2015-03-31' })).toBe('−150 on the baseline (1,475 at 31 March 2012) by 31 March 2015: 1,325');
  });
});
