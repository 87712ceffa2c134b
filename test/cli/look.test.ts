import { describe, expect, it } from 'vitest';
import { oba } from '../helpers/cli.js';
import { bundledPlan } from '../helpers/plan.js';

describe('oba list', () => {
  it('gives 5 outcomes, 12 priorities and 17 indicators as JSON', async () => {
    const run = await oba(['list', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.outcomes).toHaveLength(5);
    expect(json.priorities).toHaveLength(12);
    expect(json.indicators).toHaveLength(17);
    expect(json.indicators.filter((i: { obsession: boolean }) => i.obsession).map((i: { number: number }) => i.number)).toEqual([1, 3, 4]);
  });

  it('prints the tree: outcome, priority, indicator, measure', async () => {
    const run = await oba(['list']);
    expect(run.stdout).toMatch(/^Outcome: Children and young people are safe from harm\n {2}Priority 1\. Help children to live in safe and supportive families\n {5}1\. Number of children looked after ★ obsession\n {10}looked-after: Children looked after at 31 March \(number, lower is better, date annual\)$/m);
  });
});

describe('oba show', () => {
  it('prints every series of every measure in the bundled data', async () => {
    for (const measure of bundledPlan.measures) {
      // Reading only the measure's own file keeps this quick; the whole dataset is read elsewhere.
      const run = await oba(['show', measure.id, '--json', '--data', `data/series/${measure.id}.csv`]);
      expect(run.code, measure.id).toBe(0);
      const json = JSON.parse(run.stdout);
      expect(json.series.length, measure.id).toBeGreaterThan(0);
      for (const s of json.series) expect(s.observations.length, `${measure.id} ${s.area}`).toBeGreaterThan(0);
    }
  }, 120_000);

  it('shows markers as markers, never as zero, with their meaning', async () => {
    const run = await oba(['show', 'looked-after-gcse', '--area', 'Leeds']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^2008\/09\s+c\s/m);
    expect(run.stdout).toContain('Markers: ');
    expect(run.stdout).toContain('c: confidential or suppressed');
  });

  it('takes an area as data files write it, and says which measures an indicator number has', async () => {
    const spaced = await oba(['show', 'looked-after', '--area', ' leeds  CITY council ', '--csv', '--data', 'data/series/looked-after.csv']);
    expect(spaced.code, spaced.stderr).toBe(0);
    expect(spaced.stdout).toContain('looked-after,Leeds,2012-03-31,1475');
    const indicator = await oba(['show', '1']);
    expect(indicator.code).toBe(2);
    expect(indicator.stderr).toContain('"1" is the number of indicator 1 (Number of children looked after); give one of its measures: looked-after');
    const typo = await oba(['show', 'looked-aftr']);
    expect(typo.stderr).toContain('no measure "looked-aftr" in the plan; did you mean looked-after? `oba list` shows the measure ids');
  });

  it('writes the native CSV format', async () => {
    const run = await oba(['show', 'looked-after', '--area', 'Leeds', '--csv']);
    expect(run.stdout.split('\n')[0]).toBe('measure,area,period,value,numerator,denominator,lower,upper,status,note');
    expect(run.stdout).toContain('looked-after,Leeds,2012-03-31,1475,,,,,,real: DfE SFR20/2012 underlying data (CLA_Mar2012)');
  });
});
