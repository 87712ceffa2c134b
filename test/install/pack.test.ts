/**
 * The package `npm pack` makes works on its own, from a folder that has nothing to do with the
 * clone: installed into a temporary prefix as `npm install -g` lays it out (the package in
 * lib/node_modules/oba, the command in bin/), its dependencies installed from the lockfile with
 * no network (`npm ci --offline`, from the npm cache that `npm ci` in the clone filled), then
 * `oba init --council Bradford --code E08000032` and `oba report` in an empty folder.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempFolder } from '../helpers/cli.js';

const root = process.cwd();

function run(command: string, args: string[], options: SpawnSyncOptions & { cwd: string }) {
  const r = spawnSync(command, args, { encoding: 'utf8', ...options, env: { ...process.env, NO_COLOR: '1', CI: '1', ...options.env } });
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

describe('the packed package, installed and run from an unrelated folder', () => {
  let prefix: string;
  let work: string;
  let init: ReturnType<typeof run>;
  let report: ReturnType<typeof run>;
  beforeAll(() => {
    const scratch = tempFolder();
    // The global setup has just compiled dist/, so the package is packed as it is now.
    const pack = run('npm', ['pack', '--ignore-scripts', '--pack-destination', scratch, '--json'], { cwd: root });
    expect(pack.code, pack.stderr).toBe(0);
    const tarball = join(scratch, (JSON.parse(pack.stdout) as { filename: string }[])[0]!.filename);

    prefix = join(scratch, 'prefix');
    const lib = join(prefix, 'lib', 'node_modules');
    mkdirSync(lib, { recursive: true });
    expect(run('tar', ['xzf', tarball, '-C', lib], { cwd: scratch }).code).toBe(0);
    const pkg = join(lib, 'oba');
    renameSync(join(lib, 'package'), pkg);
    copyFileSync(join(root, 'package-lock.json'), join(pkg, 'package-lock.json'));
    const deps = run('npm', ['ci', '--omit=dev', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: pkg });
    expect(deps.code, deps.stderr).toBe(0);
    mkdirSync(join(prefix, 'bin'));
    symlinkSync(join(pkg, 'bin', 'oba'), join(prefix, 'bin', 'oba'));

    work = join(tempFolder(), 'bradford');
    mkdirSync(work);
    const env = { PATH: `${join(prefix, 'bin')}:${process.env['PATH'] ?? ''}` };
    init = run('oba', ['init', '--council', 'Bradford', '--code', 'E08000032'], { cwd: work, env });
    report = run('oba', ['report', '--out', 'board-pack', '--jobs', '1'], { cwd: work, env });
  }, 240_000);

  it('holds what the command needs and nothing of the tests', () => {
    const files = readdirSync(join(prefix, 'lib', 'node_modules', 'oba'));
    expect(files).toEqual(expect.arrayContaining(['bin', 'dist', 'data', 'templates', 'README.md', 'package.json']));
    expect(files).not.toContain('test');
    expect(existsSync(join(prefix, 'lib', 'node_modules', 'oba', 'data', 'real', 'dfe-ees-cla-number-and-rate-2021-2025.csv'))).toBe(true);
  });

  it('oba init writes and validates a plan for Bradford', () => {
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toMatch(/✔ 0 errors/);
    expect(readFileSync(join(work, 'plan.yaml'), 'utf8')).toContain('city: Bradford');
  });

  it('oba report gives Bradford\'s pack from the real published files', () => {
    expect(report.code, report.stderr).toBe(0);
    expect(report.stderr).not.toContain('bundled Leeds example');
    const index = readFileSync(join(work, 'board-pack', 'index.md'), 'utf8');
    expect(index).toMatch(/^# Bradford Children and Young People's Plan: scorecard for Bradford/);
    expect(index).toContain('| 1,366 (31 March 2025) |');
  });
});
