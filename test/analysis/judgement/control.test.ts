import { describe, expect, it } from 'vitest';
import { analyseBaseline, type BaselineSettings } from '../../../src/analysis/baseline.js';
import { DEFAULT_ANALYSIS } from '../../../src/analysis/settings.js';
import { measure, series } from '../../helpers/plan.js';

const years = ['2005', '2006', '2007', '2008', '2009', '2010', '2011', '2012', '2013', '2014'];
// A rate that rose 3% a year to 2010, then fell 6% a year, with a little noise, in an area whose
// comparator did exactly the same (and, in the second case, kept rising).
const wobble = [1.004, 0.996, 1.003, 0.998, 1.001, 0.999, 1.002, 0.997, 1.003, 0.999];
const course = (i: number, after: number) => 40 * 1.03 ** Math.min(i, 5) * after ** Math.max(0, i - 5);
const own = series('under-18-conceptions', 'Leeds', years.map((y, i) => [y, Math.round(course(i, 0.94) * wobble[i]! * 10) / 10]));
const sameCourse = series('under-18-conceptions', 'England', years.map((y, i) => [y, Math.round(course(i, 0.94) * 0.8 * wobble[(i + 3) % 10]! * 10) / 10]));
const kept = series('under-18-conceptions', 'England', years.map((y, i) => [y, Math.round(course(i, 1.03) * 0.8 * wobble[(i + 3) % 10]! * 10) / 10]));
const settings = (control: typeof own): BaselineSettings => ({ ...DEFAULT_ANALYSIS, baselineAt: '2010', horizon: '2014-12-31', control: 'England', controlObservations: control });

describe('comparators as controls (difference in differences)', () => {
  it('a curve that turned only because the comparator\'s did is on baseline against it', () => {
    const result = analyseBaseline(measure('under-18-conceptions'), 'Leeds', own, settings(sameCourse));
    expect(result.verdict.status).toBe('turned');
    expect(result.controlled?.status).toBe('on-baseline');
    expect(result.controlled?.sentence).toMatch(/^Against England's own course/);
  });

  it('a curve that turned while the comparator kept rising has turned against it too', () => {
    const result = analyseBaseline(measure('under-18-conceptions'), 'Leeds', own, settings(kept));
    expect(result.controlled?.status).toBe('turned');
    // Four years at 6% down against 3% up: about (0.94/1.03)⁴ − 1 = −30.6% by 2014.
    expect(result.controlled!.latest!.value).toBeGreaterThan(-36);
    expect(result.controlled!.latest!.value).toBeLessThan(-25);
    expect(result.controlled!.latest!.unit).toBe('percent');
  });
});
