/**
 * Warnings people can act on: one line a kind with a count, every one with --verbose, codes a
 * person has accepted for a file left out and counted; narratives checked as they are written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oba, tempFolder } from '../helpers/cli.js';

const leedsPlan = readFileSync(join(process.cwd(), 'data', 'plan.yaml'), 'utf8');
// Three gaps in one series: 2011, 2013 and 2015 missing.
const gappy = 'measure,area,period,value\n' + [2010, 2012, 2014, 2016].map((y, i) => `looked-after,Leeds,${y}-03-31,${1400 + i}`).join('\n') + '\n';

function project(config = 'plan: plan.yaml\ndata: [series/]\n', files: Record<string, string> = {}): string {
  return tempFolder({ 'oba.config.yaml': config, 'plan.yaml': leedsPlan, 'series/cla.csv': gappy, ...files });
}

describe('warnings', () => {
  it('shows one line for each kind, with how many more there are', async () => {
    const run = await oba(['validate'], project());
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^series\/cla\.csv:3: warning: measure "looked-after" for Leeds has no value for 2011-03-31 .*\[SERIES_GAP\] \(and 2 more SERIES_GAP warnings: --verbose lists every one\)$/);
    expect(lines[1]).toBe('✔ 0 errors, 3 warnings in 1 data file (4 observations)');
  });

  it('lists every one with --verbose', async () => {
    const run = await oba(['validate', '--verbose'], project());
    expect(run.stdout.match(/\[SERIES_GAP\]$/gm)).toHaveLength(3);
  });

  it('leaves out codes acknowledged for the file, and counts them', async () => {
    const run = await oba(['validate'], project('plan: plan.yaml\ndata: [series/]\nacknowledge:\n  series/cla.csv: [SERIES_GAP]\n'));
    expect(run.stdout).toBe('3 acknowledged warnings not shown (acknowledge: in the configuration)\n✔ 0 errors, 0 warnings in 1 data file (4 observations)\n');
    const other = await oba(['validate'], project('plan: plan.yaml\ndata: [series/]\nacknowledge:\n  series/other.csv: [SERIES_GAP]\n'));
    expect(other.stdout).toContain('3 warnings');
  });

  it('refuses an acknowledge: that is not a list of codes', async () => {
    const run = await oba(['validate'], project('plan: plan.yaml\nacknowledge:\n  series/cla.csv: gaps please\n'));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^oba\.config\.yaml:3:3: acknowledge\.series\/cla\.csv: expected a list of warning codes such as \[SERIES_GAP, EMPTY_VALUE\], got "gaps please"/m);
  });

  it('prints each warning of a report once, with one "warning:"', async () => {
    const dir = project();
    const run = await oba(['report', '--out', 'pack', '--no-cache', '--jobs', '1'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/warning:.*warning:/);
    expect(run.stderr.match(/\[SERIES_GAP\]/g)).toHaveLength(1);
    expect(run.stderr).toMatch(/; 3 warnings\./);
  }, 60_000);
});

describe('oba validate checks narratives', () => {
  const narrative = (front: string, body: string) => `---\n${front}---\n\n${body}`;
  it('names a heading that is not a section, with the closest one, and a missing owner:', async () => {
    const dir = project('plan: plan.yaml\ndata: [series/]\nnarratives: narratives/\n', {
      'narratives/indicator-01.md': narrative('indicator: 1\nupdated: 2013-10-09\n', '## Story behind the baseline\n\nText.\n\n## What work\n\nMore.\n'),
    });
    const run = await oba(['validate', '--verbose'], dir);
    expect(run.stdout).toContain('narratives/indicator-01.md:1: warning: no owner: in the front matter (who owns the action plan, shown on the card); add owner: between the --- lines [NARRATIVE_FIELD]');
    expect(run.stdout).toContain('narratives/indicator-01.md:10:4: warning: "## What work" is not a section of a report card, so the text under it is not shown; did you mean "## What works"?');
  });

  it('reports a YAML error in the front matter as an error, at its line in the file', async () => {
    // Line 3 of the file (line 2 of the front matter) has a mapping inside a mapping, at column 8.
    const dir = project('plan: plan.yaml\ndata: [series/]\nnarratives: narratives/\n', {
      'narratives/indicator-01.md': '---\nindicator: 1\nowner: a: b\nupdated: 2013-10-09\n---\n\n## Partners\n\nText.\n',
    });
    const run = await oba(['validate'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('narratives/indicator-01.md:3:8: front matter: Nested mappings are not allowed in compact mappings; fix the YAML syntax [NARRATIVE_YAML]\n');
  });

  it('passes the bundled narratives', async () => {
    const run = await oba(['validate', '--verbose', '--config', 'data/oba.config.yaml']);
    expect(run.stdout).not.toMatch(/NARRATIVE_(HEADING|FIELD|YAML)/);
  });
});
