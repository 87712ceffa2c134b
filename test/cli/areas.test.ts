/**
 * Finding an area's exact name: `oba areas`, and the closest names when one is not known.
 * Text that counts things counts them.
 */
import { describe, expect, it } from 'vitest';
import { oba } from '../helpers/cli.js';
import { counted } from '../../src/render/format.js';
import { summaryLine } from '../../src/cli/summary.js';

describe('oba areas', () => {
  it('lists the areas of one type with their codes and aliases', async () => {
    const run = await oba(['areas', '--type', 'cluster', '--config', 'data/oba.config.yaml']);
    expect(run.code).toBe(0);
    const rows = run.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^type\s+name\s+code\s+aliases$/);
    expect(rows.filter((r) => r.startsWith('cluster '))).toHaveLength(25);
    expect(run.stdout).toMatch(/^cluster\s+Gipton and Harehills$/m);
    expect(rows.at(-1)).toBe('25 areas of type cluster; use a name, code or alias with --area (or --cluster).');
  });

  it('gives type, code and aliases as JSON, the configuration\'s areas included', async () => {
    const run = await oba(['areas', '--json', '--config', 'data/oba.config.yaml']);
    const areas = JSON.parse(run.stdout) as { name: string; type: string; code: string | null; aliases: string[] }[];
    expect(areas.find((a) => a.name === 'Leeds')).toEqual({ name: 'Leeds', type: 'city', code: 'E08000035', aliases: ['383', 'Leeds City Council'] });
    expect(areas.find((a) => a.name === 'Bradford')).toEqual({ name: 'Bradford', type: 'authority', code: 'E08000032', aliases: ['380'] });
    expect(areas.filter((a) => a.type === 'authority')).toHaveLength(151);
  });

  it('refuses a type that is not one, naming the types', async () => {
    const run = await oba(['areas', '--type', 'ward', '--config', 'data/oba.config.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--type "ward" is not an area type; give one of city, authority, cluster, national, region, comparator');
  });
});

describe('an area that is not known', () => {
  it('lists the closest names and the command that shows them all', async () => {
    const run = await oba(['sheet', '--cluster', 'Harehills', '--out', 'never-written', '--config', 'data/oba.config.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('oba: no area "Harehills" in the plan; the closest are "Gipton and Harehills". `oba areas --type cluster` lists them all\n');
  });

  it('suggests a misspelt authority', async () => {
    const run = await oba(['status', '--area', 'Bradfrd', '--config', 'data/oba.config.yaml']);
    expect(run.stderr).toBe('oba: no area "Bradfrd" in the plan; the closest are "Bradford". `oba areas` lists them all\n');
  });
});

describe('counts in words', () => {
  it('agree with their number', async () => {
    expect(counted(1, 'outcome')).toBe('1 outcome');
    expect(counted(12, 'priority', 'priorities')).toBe('12 priorities');
    expect(summaryLine(['a/index.md', 'a/charts/one.svg'], 'a', 1)).toBe('Wrote 2 files to a (1 page, 1 chart); 1 warning.');
  });
});
