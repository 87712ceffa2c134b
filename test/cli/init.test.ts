/**
 * `oba init`: a council's plan, configuration, narrative and published data, which validate
 * and give a pack at once, with no YAML written by hand.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { oba, tempFolder } from '../helpers/cli.js';
import { parsePlan } from '../../src/plan/parse-plan.js';
import { linesWithNestedBrackets } from '../helpers/words.js';

describe('oba init --council Bradford --code E08000032', () => {
  let dir: string;
  let init: Awaited<ReturnType<typeof oba>>;
  beforeAll(async () => {
    dir = tempFolder();
    init = await oba(['init', '--council', 'Bradford', '--code', 'E08000032'], dir);
  }, 60_000);

  it('writes the files, validates them and prints the next three commands', () => {
    expect(init.code).toBe(0);
    for (const f of ['oba.config.yaml', 'plan.yaml', 'narratives/indicator-01.md', 'data/README.md', 'data/dfe-ees-cla-number-and-rate-2021-2025.csv']) expect(existsSync(join(dir, f)), f).toBe(true);
    // 17 files, five of them read for two measures each: counted once.
    const copied = readdirSync(join(dir, 'data')).filter((f) => f.endsWith('.csv')).length;
    expect(init.stdout).toMatch(new RegExp(`✔ 0 errors, \\d+ warnings in ${copied} data files`));
    expect(init.stdout).toMatch(/Next:\n {2}oba status .*\n {2}oba report --out board-pack .*\n {2}oba report --format pdf --out board-pack .*\n$/);
  });

  it('copies the published files unmodified', () => {
    const name = 'dfe-nccis-neet-not-known-la-2025.csv';
    expect(readFileSync(join(dir, 'data', name))).toEqual(readFileSync(join(process.cwd(), 'data', 'real', name)));
  });

  it('gives the council, its region from the published files, and says there are no bundled statistical neighbours', () => {
    const plan = readFileSync(join(dir, 'plan.yaml'), 'utf8');
    expect(plan).toContain('  - { name: Bradford, type: city, code: E08000032, aliases: ["380"] }');
    expect(plan).toContain('  - { name: Yorkshire and The Humber, type: region, code: E12000003 }');
    expect(plan).toMatch(/# Statistical neighbours: oba has no bundled list of them/);
    expect(readFileSync(join(dir, 'oba.config.yaml'), 'utf8')).toContain('  - { preset: dfe-ees-cla-number, file: data/dfe-ees-cla-number-and-rate-2021-2025.csv }');
  });

  it('gives a pack with Bradford\'s real figures', async () => {
    const run = await oba(['report', '--out', 'board-pack', '--jobs', '1', '--no-cache'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('bundled Leeds example');
    const index = readFileSync(join(dir, 'board-pack', 'index.md'), 'utf8');
    // The latest figure is NEET "2025" (December 2024 to February 2025): not "data to December 2025".
    expect(index).toMatch(/^# Bradford Children and Young People's Plan: scorecard for Bradford, data to 2025$/m);
    expect(index).toMatch(/^## The two obsessions$/m);
    // The file's row: 2025, Bradford, children looked after on 31 March, 1366, rate 96.
    expect(index).toContain('| 1,366 (31 March 2025) |');
    expect(index).toContain('| 96 per 10,000 (31 March 2025) |');
    // Percentages without a numerator and denominator are not compared with England, and say so in one pair of brackets.
    const neet = readFileSync(join(dir, 'board-pack', readdirSync(join(dir, 'board-pack')).find((f) => /^\d+-young-people-not-in/.test(f))!), 'utf8');
    expect(neet).toContain('Against England: n/a (no interval for the latest value: it needs a numerator and denominator, or published limits).');
    for (const page of readdirSync(join(dir, 'board-pack')).filter((f) => f.endsWith('.md'))) expect(linesWithNestedBrackets(readFileSync(join(dir, 'board-pack', page), 'utf8')), page).toEqual([]);
  }, 60_000);

  it('says the published files have figures for Bradford for every measure, and where each full file comes from', () => {
    const measures = parsePlan(readFileSync(join(dir, 'plan.yaml'), 'utf8'), 'plan.yaml').measures.length;
    expect(measures).toBeGreaterThan(0);
    expect(init.stdout).toContain(`Figures for Bradford in the published files in data/: all ${measures} of the plan's measures.`);
    const readme = readFileSync(join(dir, 'data', 'README.md'), 'utf8');
    const listed = [...readme.matchAll(/^- `([^`]+)`: .*\. The full file: .+\.$/gm)].map((m) => m[1]);
    // Every file copied is listed once, with the publication to fetch it whole from.
    expect(listed.sort()).toEqual(readdirSync(join(dir, 'data')).filter((f) => f.endsWith('.csv')).sort());
    expect(readme).toContain('- `dfe-ees-cla-number-and-rate-2021-2025.csv`: DfE Explore Education Statistics, children looked after at 31 March 2021-2025: number; rate per 10,000 children. The full file: DfE "Children looked after in England including adoptions" (Explore Education Statistics), file cla_number_and_rate_per_10k_children.');
  });

  it('writes a tracker from yearly figures alone: no SPC chart, and no "year to date" that would only repeat the year', async () => {
    const run = await oba(['tracker', '--out', 'tracker', '--no-cache'], dir);
    expect(run.code).toBe(0);
    const page = readFileSync(join(dir, 'tracker', 'index.md'), 'utf8');
    const header = page.split('\n').find((line) => line.startsWith('| obsession |'))!.split(' | ');
    const column = header.indexOf('year to date');
    expect(column).toBeGreaterThan(0);
    const rows = page.split('\n').filter((line) => /^\| (Number of children looked after|Young people not in) /.test(line));
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.split(' | ')[column], row).toBe('–');
      expect(row).toContain('no SPC chart');
    }
  }, 60_000);

  it('refuses to write over a plan that is there', async () => {
    const again = await oba(['init', '--council', 'Bradford'], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/oba\.config\.yaml exists already/);
  });
});

describe('oba init choices', () => {
  it('finds the council by its code alone, or names the closest to a misspelt one', async () => {
    const dir = tempFolder();
    const byCode = await oba(['init', 'kirklees', '--code', 'E08000034'], dir);
    expect(byCode.code).toBe(0);
    expect(readFileSync(join(dir, 'kirklees', 'plan.yaml'), 'utf8')).toContain('city: Kirklees');
    expect(byCode.stdout).toContain('  cd kirklees && oba status');
    // Found as a data file's area cell would be: case and repeated spaces do not matter.
    const spaced = tempFolder();
    expect((await oba(['init', 'hull', '--council', ' kingston  UPON hull '], spaced)).code).toBe(0);
    expect(readFileSync(join(spaced, 'hull', 'plan.yaml'), 'utf8')).toContain('city: Kingston Upon Hull, City of');
    const typo = await oba(['init', '--council', 'Bradfrod'], tempFolder());
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('"Bradfrod" is not an English authority with children\'s services that oba knows; the closest are "Bradford"');
  }, 60_000);

  it('refuses a code that is another council, and a start after the end', async () => {
    expect((await oba(['init', '--council', 'Bradford', '--code', 'E08000034'], tempFolder())).stderr).toContain('--code E08000034 is Kirklees, not Bradford');
    const twoLines = await oba(['init', '--council', 'New\nTown', '--code', 'E06000099'], tempFolder());
    expect(twoLines.code).toBe(2);
    expect(twoLines.stderr).toContain('--council: the name has a line break');
    const dates = await oba(['init', '--council', 'Bradford', '--start', '2026-04-01', '--end', '2025-03-31'], tempFolder());
    expect(dates.code).toBe(2);
    expect(dates.stderr).toContain('--end 2025-03-31 must be after --start 2026-04-01');
  });

  it('says which measures the bundled extracts have no figures for, as the scorecard then shows them', async () => {
    for (const council of ['Cornwall', 'Manchester', 'City of London']) {
      const dir = tempFolder();
      const run = await oba(['init', '--council', council], dir);
      expect(run.code).toBe(0);
      const status = JSON.parse((await oba(['status', '--json'], dir)).stdout) as { rows: { measure: string; latest: unknown }[] };
      const without = status.rows.filter((r) => r.latest === null).map((r) => r.measure);
      const said = [...run.stdout.matchAll(/^(?:No rows for [^:]+|Rows for .+ but no values \([^)]*\)): ([\w-]+(?:, [\w-]+)*)\.?/gm)].flatMap((m) => m[1]!.split(', '));
      if (without.length === status.rows.length) {
        expect(run.stdout, council).toContain(`The published files in data/ have no rows for ${council}: they are extracts`);
      } else {
        expect(said.sort(), council).toEqual(without.sort());
        expect(run.stdout, council).toContain(`Figures for ${council} in the published files in data/: ${status.rows.length - without.length} of the plan's ${status.rows.length} measures.`);
      }
      expect(without.length, council).toBeGreaterThan(0);
      expect(run.stdout, council).toContain('Replace a file by the full file of its publication, under the same name (data/README.md names each)');
    }
  }, 90_000);

  it('--from leeds writes the bundled Leeds example, which validates', async () => {
    const dir = tempFolder();
    const run = await oba(['init', '--from', 'leeds'], dir);
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toBe(readFileSync(join(process.cwd(), 'data', 'plan.yaml'), 'utf8'));
    expect(run.stdout).toMatch(/✔ 0 errors/);
  }, 60_000);
});

describe('oba validate --data on a published file', () => {
  it('says which preset reads it', async () => {
    const run = await oba(['validate', '--data', 'data/real/dfe-ees-cla-number-and-rate-2021-2025.csv', '--config', 'data/oba.config.yaml']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  - { preset: dfe-ees-cla-number, file: data/real/dfe-ees-cla-number-and-rate-2021-2025.csv }   # Children looked after at 31 March\n');
    expect(run.stdout).toContain('  - { preset: dfe-ees-cla-rate, file: data/real/dfe-ees-cla-number-and-rate-2021-2025.csv }');
  });
});
