/**
 * Inputs cannot make a run hang, grow without bound or end as "a bug in oba": special files are
 * refused unread, a file of millions of repeated or bad rows keeps the first thousand issues of
 * each kind and counts the rest, and links that lead nowhere among narratives and templates (an
 * editor's lock file) are passed over or named.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ingestCsvStream } from '../../src/data/ingest.js';
import { MAX_ISSUES_PER_CODE } from '../../src/data/issues.js';
import { hashFile, sha256 } from '../../src/io/hash.js';
import { readJobs } from '../../src/cli/output-run.js';
import { bundledPlan } from '../helpers/plan.js';
import { oba, tempFolder } from '../helpers/cli.js';

const header = 'measure,area,period,value,numerator,denominator,status,note\n';

/** `rows` copies of one line, as a stream of chunks (never one string). */
function repeated(line: string, rows: number): Readable {
  const chunk = line.repeat(10_000);
  let left = rows;
  return Readable.from(
    (function* () {
      yield header;
      for (; left >= 10_000; left -= 10_000) yield chunk;
      yield line.repeat(left);
    })(),
  );
}

describe('a file of many repeated or bad rows', () => {
  it('keeps one observation of a repeated row and a thousand of its warnings, counting the rest', async () => {
    const rows = 300_000;
    const result = await ingestCsvStream(repeated('neet,Leeds,2012,8.1,,,,\n', rows), 'repeats.csv', bundledPlan);
    expect(result.observations).toHaveLength(1);
    const duplicates = result.issues.filter((i) => i.code === 'DUPLICATE_ROW');
    expect(duplicates).toHaveLength(MAX_ISSUES_PER_CODE + 1);
    expect(duplicates.at(-1)!.message).toBe(`and ${rows - 1 - MAX_ISSUES_PER_CODE} more like this in the file, not listed (only the first ${MAX_ISSUES_PER_CODE} are); fix these and run again to see the rest`);
  });

  it('gives validate --json a bounded list and exit 1 for a file of bad rows', async () => {
    const root = tempFolder();
    const file = join(root, 'bad.csv');
    writeFileSync(file, header + 'neet,Leeds,2012,not a number,,,,\n'.repeat(50_000));
    const run = await oba(['validate', '--data', file, '--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { errors: { code: string; message: string }[] };
    expect(report.errors.filter((e) => e.code === 'BAD_VALUE')).toHaveLength(MAX_ISSUES_PER_CODE + 1);
    expect(report.errors.at(-1)!.message).toMatch(/^and 49000 more like this in the file/);
  });
});

describe('gaps inside one file', () => {
  it('are listed a thousand at most, counting the rest, when the file is checked with the others', async () => {
    // Every other year, 1900-2100, for 15 clusters: 100 gaps each, 1,500 in one file.
    const clusters = bundledPlan.areas.filter((a) => a.type === 'cluster').slice(0, 15);
    const rows = clusters.flatMap((c) => Array.from({ length: 101 }, (_, i) => `neet,${c.name},${1900 + 2 * i},8.1,,,,\n`)).join('');
    const root = tempFolder({ 'gaps.csv': header + rows });
    const run = await oba(['validate', '--data', join(root, 'gaps.csv'), '--json']);
    const report = JSON.parse(run.stdout) as { warnings: { code: string; message: string }[] };
    const gaps = report.warnings.filter((w) => w.code === 'SERIES_GAP');
    expect(gaps).toHaveLength(MAX_ISSUES_PER_CODE + 1);
    expect(gaps.at(-1)!.message).toMatch(/^and 500 more like this in the file, not listed/);
  });
});

describe('special files among the inputs', () => {
  it('refuses a FIFO and a device as data, unread, in validate and report', async () => {
    const root = tempFolder();
    const fifo = join(root, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    for (const input of [fifo, '/dev/zero']) {
      const validate = await oba(['validate', '--data', input]);
      expect(validate.code, input).toBe(1);
      expect(validate.stdout + validate.stderr).toMatch(/not a data file; give a CSV file/);
      const plan = new URL('../../data/plan.yaml', import.meta.url).pathname;
      writeFileSync(join(root, 'oba.config.yaml'), `plan: ${plan}\ndata: [${input}]\n`);
      const report = await oba(['report', '--out', join(root, 'out'), '--quiet'], root);
      expect(report.code, input).toBe(1);
      expect(report.stderr).toMatch(/is a (named pipe \(FIFO\)|device), not a file oba can read/);
    }
  });

  it('hashes a file a chunk at a time, as the whole bytes would be hashed', () => {
    const root = tempFolder({ 'big.bin': Buffer.alloc(3 * 1024 * 1024 + 7, 'ab') });
    expect(hashFile(join(root, 'big.bin'), () => new Error('special'))).toBe(sha256(Buffer.alloc(3 * 1024 * 1024 + 7, 'ab')));
    expect(hashFile(join(root, 'none'), () => new Error('special'))).toBeUndefined();
  });
});

describe('links that lead nowhere among narratives and templates', () => {
  function project(): string {
    const data = new URL('../../data/', import.meta.url).pathname;
    const root = tempFolder({
      'oba.config.yaml': `plan: ${data}plan.yaml\ndata: [${data}series/]\nnarratives: narratives/\ntemplates: templates/\n`,
      'narratives/indicator-02.md': '---\nindicator: 2\n---\n\n## Partners\n\nEveryone.\n',
    });
    mkdirSync(join(root, 'templates'));
    mkdirSync(join(root, 'narratives/clusters'));
    // What an editor leaves while a file is open: links to nothing.
    symlinkSync('user@host.1234:1700000000', join(root, 'narratives/.#indicator-02.md'));
    symlinkSync('user@host.1234:1700000000', join(root, 'templates/.#card.md.liquid'));
    symlinkSync('nowhere', join(root, 'narratives/clusters/seacroft'));
    return root;
  }

  it('reports a data path that runs through a file at its line in the configuration, not as a bug', async () => {
    const data = new URL('../../data/', import.meta.url).pathname;
    const project = tempFolder({ 'notes.txt': 'not a folder', 'oba.config.yaml': `plan: ${data}plan.yaml\ndata: [notes.txt/series.csv]\n` });
    const run = await oba(['report', '--out', 'out', '--quiet'], project);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^oba\.config\.yaml:2:8: "notes\.txt\/series\.csv" does not exist/m);
    expect(run.stderr).not.toMatch(/internal error/);
  });

  it('passes over an editor lock file', async () => {
    const root = project();
    const run = await oba(['tracker', '--out', 'tracker', '--quiet'], root);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('names a narrative that is a link to nothing, with exit 1', async () => {
    const root = project();
    symlinkSync('gone.md', join(root, 'narratives/indicator-01.md'));
    const run = await oba(['report', '--out', 'pack', '--quiet'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/narratives\/indicator-01\.md is a link to a file that does not exist; delete the link or restore the narrative/);
  });
});

describe('--jobs', () => {
  it('is bounded by the cores and the free memory, saying so', () => {
    const GB = 1024 ** 3;
    expect(readJobs('8', 2, 16 * GB)).toEqual({ jobs: 2, note: '--jobs 8: this machine has 2 cores, so 2 are used' });
    expect(readJobs('4', 8, 0.4 * GB)).toEqual({ jobs: 2, note: '--jobs 4: the free memory allows 2, so 2 are used' });
    expect(readJobs('3', 1, 0)).toEqual({ jobs: 1, note: '--jobs 3: this machine has 1 core, so 1 is used' });
    expect(readJobs('2', 4, 16 * GB)).toEqual({ jobs: 2 });
    expect(readJobs(undefined, 4, 16 * GB)).toEqual({ jobs: undefined });
    expect(() => readJobs('0')).toThrow(/--jobs must be a whole number from 1 to 256/);
  });
});
