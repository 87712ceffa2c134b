/**
 * With no oba.config.yaml in the folder, commands use the bundled Leeds example and say so.
 */
import { describe, expect, it } from 'vitest';
import { oba, tempFolder } from '../helpers/cli.js';

const NOTICE = 'oba: no oba.config.yaml here: using the bundled Leeds example; `oba init` starts your own\n';

describe('the bundled example is never used silently', () => {
  it('says so in one stderr line when no configuration is found', async () => {
    const run = await oba(['list'], tempFolder());
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(NOTICE);
    expect(run.stdout).toContain('Leeds');
  });

  it('says nothing when the folder has its own configuration', async () => {
    const plan = 'title: Bradford plan\ncity: Bradford\nstart: 2020-04-01\nend: 2024-03-31\noutcomes:\n  - id: o\n    title: O\n    priorities:\n      - number: 1\n        title: P\n        indicators:\n          - number: 1\n            title: I\n            measures:\n              - { id: m, title: M, unit: count, polarity: lower-is-better, period: calendar-year, source: S }\nareas:\n  - { name: Bradford, type: city }\n';
    const dir = tempFolder({ 'oba.config.yaml': 'plan: plan.yaml\n', 'plan.yaml': plan });
    const run = await oba(['list'], dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Bradford');
  });

  it('leaves it out with --quiet, which asks for nothing but errors', async () => {
    const run = await oba(['report', '--quiet', '--out', 'pack', '--jobs', '1'], tempFolder());
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  }, 60_000);

  it('says nothing when --config names a file', async () => {
    const run = await oba(['list', '--config', 'data/oba.config.yaml']);
    expect(run.stderr).toBe('');
  });
});
