import { describe, expect, it } from 'vitest';
import { checkNarrativeFigures, fillPlaceholders } from '../../src/report/narrative-figures.js';
import { bundledPlan, measure, series } from '../helpers/plan.js';
import type { Observation } from '../../src/data/types.js';

// Real Leeds children looked after (DfE): 1,475 at 31 March 2012, 1,373 at 31 March 2013, 1,339 in 2014.
const cla = series('looked-after', 'Leeds', [['2012-03-31', 1475], ['2013-03-31', 1373], ['2014-03-31', 1339]]);
const dataset = { series: (id: string, area: string) => (id === 'looked-after' && area === 'Leeds' ? { measure: measure('looked-after'), area, observations: cla } : undefined) };
const looked = measure('looked-after');

describe('fillPlaceholders', () => {
  it("fills the data's own figures, as at the narrative's date", () => {
    const text = 'At {{ latest.period }} there were {{ change }} children in care than a year earlier ({{ change.percent }}; {{ change.count }}), {{ latest }} against {{ previous }}.';
    // 102 fewer: 1,475 − 1,373; 102/1,475 = 6.915…% → 6.9%.
    expect(fillPlaceholders(text, bundledPlan, dataset, 'Leeds', looked, '2013-10-09').text).toBe(
      'At 31 March 2013 there were 102 fewer children in care than a year earlier (6.9%; 102), 1,373 against 1,475.',
    );
    // A year later the same words follow the data: 34 fewer.
    expect(fillPlaceholders('{{ change }}', bundledPlan, dataset, 'Leeds', looked, '2014-10-01').text).toBe('34 fewer');
  });

  it('names another measure by id, and says what it cannot fill', () => {
    const r = fillPlaceholders('{{ looked-after.latest }} {{ nonsense }} {{ neet.latest }}', bundledPlan, dataset, 'Leeds', undefined, undefined);
    expect(r.text).toBe('1,339 {{ nonsense }} –');
    expect(r.problems).toHaveLength(2);
    expect(r.problems[0]).toMatch(/unknown placeholder \{\{ nonsense \}\}/);
    expect(r.problems[1]).toMatch(/no value for neet in Leeds/);
  });
});

describe('checkNarrativeFigures', () => {
  const observations = (): readonly Observation[] => cla;
  it("warns when a year-on-year change disagrees with the data, with the line and the data's figure", () => {
    const problems = checkNarrativeFigures('---\nindicator: 1\n---\n\nAt the end of March 2013 there were 98 fewer children in care than a year earlier.', [looked], observations, '2013-10-09');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(5);
    expect(problems[0]!.message).toMatch(/"98 fewer" disagrees with the data .*102 fewer \(6\.9%\) from 31 March 2012 to 31 March 2013/);
  });

  it('accepts figures that agree within rounding, and changes in another clause', () => {
    expect(checkNarrativeFigures('There were 102 fewer children in care than a year earlier.', [looked], observations, '2013-10-09')).toEqual([]);
    expect(checkNarrativeFigures('That is 6.9 per cent lower than 12 months ago.', [looked], observations, '2013-10-09')).toEqual([]);
    expect(checkNarrativeFigures('102 fewer than a year earlier, with 12 per cent fewer starters.', [looked], observations, '2013-10-09')).toEqual([]);
  });

  it('reads "since" changes stated as fractions: around a fifth is not a third', () => {
    const rate = measure('under-18-conceptions');
    // ONS: 54.5 per 1,000 in 2008, 37.6 in 2012: a fall of 31%.
    const conceptions = series('under-18-conceptions', 'Leeds', [['2008', 54.5], ['2010', 43.9], ['2012', 37.6]]);
    const wrong = checkNarrativeFigures('Rates have fallen by around a fifth since late 2008.', [rate], () => conceptions, '2013-06-30');
    expect(wrong).toHaveLength(1);
    expect(wrong[0]!.message).toMatch(/fell 31% from 2008 to 2012/);
    expect(checkNarrativeFigures('Rates have fallen by about a third since 2008.', [rate], () => conceptions, '2013-06-30')).toEqual([]);
  });
});
