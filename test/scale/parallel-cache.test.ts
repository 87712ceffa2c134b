/**
 * Parallel drawing and the cache must not change a byte: outputs from a worker pool, from the
 * chart cache, and after a corrupt cache entry are identical to a clean single-threaded run.
 * Runs the compiled CLI (the worker pool needs the compiled worker), built by test/global-setup.ts.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../helpers/cli.js';
import { readTree } from '../helpers/files.js';

const root = new URL('../../', import.meta.url).pathname;
const config = join(root, 'data/oba.config.yaml');

function oba(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [join(root, 'bin/oba'), ...args, '--config', config], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}


function expectSameFiles(a: string, b: string) {
  const left = readTree(a);
  const right = readTree(b);
  expect([...right.keys()]).toEqual([...left.keys()]);
  for (const [path, content] of left) expect(right.get(path), path).toBe(content);
}


describe('parallel drawing', () => {
  it('writes the same bytes with a worker pool as in one thread', () => {
    const cwd = tempFolder();
    const single = oba(['sheet', '--all-clusters', '--out', 'single', '--jobs', '1', '--no-cache'], cwd);
    expect(single.code, single.stderr).toBe(0);
    const pooled = oba(['sheet', '--all-clusters', '--out', 'pooled', '--jobs', '2', '--no-cache'], cwd);
    expect(pooled.code, pooled.stderr).toBe(0);
    expect(pooled.stderr).toMatch(/Charts drawn in 2 worker threads/);
    expect(single.stderr).not.toMatch(/worker threads/);
    expectSameFiles(join(cwd, 'single'), join(cwd, 'pooled'));
  }, 180_000);
});

describe('the cache', () => {
  it('gives the same bytes from cached charts, skips a rerun when nothing changed, and redraws a corrupt entry', () => {
    const cwd = tempFolder();
    expect(oba(['report', '--out', 'clean', '--jobs', '1', '--no-cache'], cwd).code).toBe(0);

    const first = oba(['report', '--out', 'cached', '--jobs', '1'], cwd);
    expect(first.code, first.stderr).toBe(0);
    expectSameFiles(join(cwd, 'clean'), join(cwd, 'cached'));

    const rerun = oba(['report', '--out', 'cached', '--jobs', '1'], cwd);
    expect(rerun.stderr).toMatch(/cached is up to date \(\d+ files\)/);

    // Another folder from the same inputs: every chart from the cache.
    const again = oba(['report', '--out', 'again', '--jobs', '1'], cwd);
    expect(again.stderr).toMatch(/0 charts drawn, 23 from the cache/);
    expectSameFiles(join(cwd, 'clean'), join(cwd, 'again'));

    // An edited page is the user's now: kept, and the run stops until it is moved away.
    writeFileSync(join(cwd, 'again', 'index.md'), 'edited by hand\n');
    const refused = oba(['report', '--out', 'again', '--jobs', '1'], cwd);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/again\/index\.md is not a file oba wrote \(or it was changed since\).*move it out/);
    expect(readFileSync(join(cwd, 'again', 'index.md'), 'utf8')).toBe('edited by hand\n');
    rmSync(join(cwd, 'again', 'index.md'));

    // Corrupt one cache entry: detected, never trusted; the missing page is written again.
    const cacheDir = join(cwd, '.oba-cache');
    // Charts are kept in buckets named by two hex digits (beside yaml/, inputs/ and outputs/).
    const bucket = readdirSync(cacheDir).find((name) => /^[0-9a-f]{2}$/.test(name))!;
    const entry = join(cacheDir, bucket, readdirSync(join(cacheDir, bucket))[0]!);
    writeFileSync(entry, readFileSync(entry, 'utf8').replace('<svg', '<svg data-tampered="1"'));
    const repaired = oba(['report', '--out', 'again', '--jobs', '1'], cwd);
    expect(repaired.stderr).toMatch(/1 charts drawn, 22 from the cache\. 1 corrupt cache entries were found and redrawn/);
    expectSameFiles(join(cwd, 'clean'), join(cwd, 'again'));
  }, 180_000);
});
