/**
 * A seeded smoke run of `npm run calibrate` (which runs every scenario 1,000 times): a few
 * scenarios, few runs, loose bounds. With 150 runs the false-alarm rate's standard error is
 * about 1.8 points at 5%, so 12% is more than three of them; it fails when the verdict stops being
 * calibrated, not by chance.
 */
import { describe, expect, it } from 'vitest';
import { runScenario, scenarios } from '../../src/bench/calibration.js';

const byId = new Map(scenarios().map((s) => [s.id, s]));
const run = (id: string, runs: number) => runScenario(byId.get(id)!, runs, 7);

describe('calibration smoke', () => {
  it.each(['count-rising-8', 'rate-falling-12', 'pct-bound-8', 'pct-survey-5'])('no change, %s: few false alarms, intervals that cover', (id) => {
    const r = run(id, 150);
    expect(r.falseAlarmRate!).toBeLessThanOrEqual(0.12);
    expect(r.intervalCoverage!).toBeGreaterThan(0.9);
  });

  it('no change, monthly with season and momentum, judged on whole years', () => {
    const r = run('monthly-pct-flat-5', 40);
    expect(r.insufficientRate).toBe(0);
    expect(r.falseAlarmRate!).toBeLessThanOrEqual(0.15);
  });

  it('a turn from +4% to −8% a year is called turned within three years', () => {
    expect(run('turn-count-8', 150).power!).toBeGreaterThanOrEqual(0.8);
  });

  it('a monthly baseline of three years is too short to judge, and says so', () => {
    expect(run('monthly-pct-flat-3', 5).insufficientRate).toBe(1);
  });
});
