/**
 * Chart inputs used by the tests and the golden files.
 */
import type { BaselineChartInput, SpcChartInput } from '../../src/charts/index.js';
import { civilFromDays } from '../../src/data/calendar.js';

/**
 * Leeds, children looked after at 31 March 2008–2015 (1,350 for 2008 is illustrative; the rest
 * as in the DfE SFR tables). Baseline frozen at 2012. The forecast is a linear trend on
 * 2008–2012, worked by hand for the fixture (the chart only draws what it is given):
 * least squares on x = 0..4 gives slope 308 / 10 = 30.8 a year through (2010, 1,416); residual
 * SS 51.6, s = √(51.6 / 3) = 4.147; 95% prediction half-width t(0.975, 3) × s × √(1 + 1/5 + (x − 2)²/10)
 * with t = 3.1824: 19.1, 22.1 and 25.4 for 2013–2015.
 */
export const leedsCla: BaselineChartInput = {
  title: 'Children looked after at 31 March, Leeds',
  description:
    'Children looked after in Leeds rose from 1,350 in 2008 to 1,475 in 2012, when the baseline was frozen. ' +
    'Had nothing changed, 1,570 were forecast for 2015 (95% interval 1,545 to 1,595); there were 1,245, on the trajectory to the target of 1,250.',
  unitLabel: 'children',
  percent: false,
  decimals: 0,
  interval: 0.95,
  history: [
    { label: '2008', t: 2008, value: 1350 },
    { label: '2009', t: 2009, value: 1390 },
    { label: '2010', t: 2010, value: 1417 },
    { label: '2011', t: 2011, value: 1448 },
    { label: '2012', t: 2012, value: 1475 },
    { label: '2013', t: 2013, value: 1373 },
    { label: '2014', t: 2014, value: 1339 },
    { label: '2015', t: 2015, value: 1245, marker: 'p' },
  ],
  baselineAt: { label: '2012', t: 2012 },
  forecast: [
    { label: '2013', t: 2013, value: 1508.4, lower: 1489.3, upper: 1527.5 },
    { label: '2014', t: 2014, value: 1539.2, lower: 1517.1, upper: 1561.3 },
    { label: '2015', t: 2015, value: 1570.0, lower: 1544.6, upper: 1595.4 },
  ],
  trajectory: [
    { label: '2012', t: 2012, value: 1475 },
    { label: '2013', t: 2013, value: 1400 },
    { label: '2014', t: 2014, value: 1325 },
    { label: '2015', t: 2015, value: 1250 },
  ],
  target: { label: '2015', t: 2015, value: 1250 },
  footnotes: ['[p] provisional: the 2015 figure may be revised when the DfE publishes the next release.', 'Source: DfE, Children looked after in England (SFR tables).'],
};

/**
 * Secondary school attendance, with a suppressed year, a revised value, and two comparators:
 * exercises gaps, markers, percentages and comparator lines. Illustrative figures.
 */
export const attendance: BaselineChartInput = {
  title: 'Attendance at secondary schools, Leeds',
  description: 'Attendance rose from 91.2% in 2006/07 to 93.0% in 2010/11; 2008/09 was not published. The forecast if nothing changed was 93.5% for 2013/14; attendance was 94.1%.',
  unitLabel: '% of sessions',
  percent: true,
  decimals: 1,
  interval: 0.95,
  history: [
    { label: '2006/07', t: 2006, value: 91.2 },
    { label: '2007/08', t: 2007, value: 91.6 },
    { label: '2008/09', t: 2008, value: null, marker: 'x' },
    { label: '2009/10', t: 2009, value: 92.4 },
    { label: '2010/11', t: 2010, value: 93.0, marker: 'r' },
    { label: '2011/12', t: 2011, value: 93.3 },
    // 2012/13 absent from the file: drawn as a gap too.
    { label: '2013/14', t: 2013, value: 94.1, marker: 'p' },
  ],
  baselineAt: { label: '2010/11', t: 2010 },
  forecast: [
    { label: '2011/12', t: 2011, value: 93.1, lower: 92.6, upper: 93.6 },
    { label: '2012/13', t: 2012, value: 93.3, lower: 92.4, upper: 94.2 },
    { label: '2013/14', t: 2013, value: 93.5, lower: 92.2, upper: 94.8 },
  ],
  trajectory: [
    { label: '2010/11', t: 2010, value: 93.0 },
    { label: '2013/14', t: 2013, value: 94.5 },
  ],
  target: { label: '2013/14', t: 2013, value: 94.5 },
  comparators: [
    {
      name: 'England',
      points: [
        { label: '2006/07', t: 2006, value: 92.2 },
        { label: '2007/08', t: 2007, value: 92.5 },
        { label: '2008/09', t: 2008, value: 92.8 },
        { label: '2009/10', t: 2009, value: 93.1 },
        { label: '2010/11', t: 2010, value: 93.5 },
        { label: '2011/12', t: 2011, value: 94.2 },
        { label: '2012/13', t: 2012, value: 94.2 },
        { label: '2013/14', t: 2013, value: 94.8 },
      ],
    },
    {
      name: 'Statistical neighbours',
      points: [
        { label: '2006/07', t: 2006, value: 91.0 },
        { label: '2007/08', t: 2007, value: 91.5 },
        { label: '2008/09', t: 2008, value: 91.9 },
        { label: '2009/10', t: 2009, value: 92.4 },
        { label: '2010/11', t: 2010, value: 92.9, marker: 'c' },
        { label: '2011/12', t: 2011, value: 93.6 },
        { label: '2012/13', t: 2012, value: 93.7 },
        { label: '2013/14', t: 2013, value: 94.3 },
      ],
    },
  ],
  footnotes: ['[x] 2008/09 was not published; 2012/13 is missing from the source file.', '[r] revised; [p] provisional.'],
};

/** A deterministic pseudo-random sequence (a linear congruential generator), for made-up series. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A week's label as charts show it, "w/c 30 Dec 2013", for weeks since Monday 1970-01-05 (`Period.ordinal` of weeks). */
function weekLabel(t: number): string {
  const { year, month, day } = civilFromDays(4 + 7 * t);
  return `w/c ${day} ${MONTHS[month - 1]} ${year}`;
}

/** 400 weeks of made-up referrals with a fall after the baseline: tests label thinning. */
export function weeklyReferrals(): BaselineChartInput {
  const random = lcg(42);
  const first = 2295;
  const history = Array.from({ length: 400 }, (_, i) => {
    const t = first + i;
    const level = i < 200 ? 220 + i * 0.1 : 240 - (i - 200) * 0.15;
    const value = i === 120 || i === 121 ? null : Math.round(level + (random() - 0.5) * 40);
    return { label: weekLabel(t), t, value, ...(value === null ? { marker: 'x' } : {}) };
  });
  const base = first + 199;
  const forecast = Array.from({ length: 200 }, (_, i) => {
    const t = base + 1 + i;
    const value = 230 + i * 0.15;
    return { label: weekLabel(t), t, value, lower: value - 25 - i * 0.05, upper: value + 25 + i * 0.05 };
  });
  return {
    title: 'Referrals to children’s social care, Leeds, weekly',
    description: 'Weekly referrals rose slowly to about 240 a week by the baseline and have fallen since. Made-up figures.',
    unitLabel: 'referrals a week',
    percent: false,
    decimals: 0,
    interval: 0.95,
    history,
    baselineAt: { label: weekLabel(base), t: base },
    forecast,
  };
}

/** An SPC chart of 30 months with a run of improvement, one concern and one neutral signal. Made-up figures. */
export const spcExample: SpcChartInput = (() => {
  const values = [212, 220, 205, 230, 218, 224, 209, 215, 227, 233, 214, 221, 268, 219, 211, 202, 198, 196, 192, 195, 190, 188, 201, 207, 162, 210, 204, 199, 215, 208];
  const special: SpcChartInput['points'][number]['special'][] = values.map((_, i) => {
    if (i === 12) return 'concern';
    if (i >= 15 && i <= 21) return 'improvement';
    if (i === 24) return 'neutral';
    return null;
  });
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return {
    title: 'Re-referrals within 12 months, Leeds, monthly',
    description: 'Monthly re-referrals varied around a mean of 210 between limits of 165 and 255; one month was above the upper limit and seven months in a row were below the mean.',
    unitLabel: 're-referrals',
    decimals: 0,
    mean: 210,
    lower: 165,
    upper: 255,
    points: values.map((value, i) => ({
      label: `${months[i % 12]} ${2012 + Math.floor(i / 12)}`,
      t: 2012 * 12 + i,
      value,
      special: special[i]!,
    })),
  };
})();
