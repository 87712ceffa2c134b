/**
 * Crash-safe output: `oba report` killed with SIGKILL at seeded points (once a seeded number of
 * its files are staged, and once all of them are, just before the swap) leaves the output folder
 * holding the previous complete pack or the new complete pack (every format it writes),
 * checked as the kill left it, before any run repairs anything; a user's own file in the folder
 * survives every kill. Two runs writing one folder at once are kept apart by a lock. Runs the
 * compiled CLI (built by test/global-setup.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../helpers/cli.js';
import { readTree, sameTree } from '../helpers/files.js';
import { browserPath } from '../helpers/print.js';
import { mulberry32 } from '../../src/tools/data-gen/random.js';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'bin/oba');
const config = join(root, 'data/oba.config.yaml');
// Every format the pack is written in; pdf where a browser is installed (always under CI).
const formats = browserPath || process.env['CI'] ? 'md,html,pdf' : 'md,html';

function args(out: string, extra: string[]): string[] {
  return [bin, 'report', '--out', out, '--config', config, '--format', formats, '--no-cache', '--jobs', '1', '--quiet', ...extra];
}

function report(out: string, cwd: string, extra: string[] = []) {
  return spawnSync(process.execPath, args(out, extra), { cwd, encoding: 'utf8' });
}

/** How many files are under `dir` (0 while it does not exist). */
function filesUnder(dir: string): number {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
  } catch {
    return 0;
  }
}

/** The folder as a reader sees it, without the user's own file. */
function packIn(out: string): Map<string, string> {
  const tree = readTree(out);
  tree.delete('notes.md');
  return tree;
}

describe('crash-safe output', () => {
  it('leaves the previous or the new complete pack, as the kill left it, and the user\'s file', async () => {
    const cwd = tempFolder({ '.pack.old-backup/keep.md': 'a folder of the user\'s with a name like oba\'s' });
    // The previous pack (as at 2014) and the pack the interrupted runs are writing (all data).
    expect(report('reference-old', cwd, ['--as-of', '2014']).status).toBe(0);
    expect(report('reference-new', cwd).status).toBe(0);
    const previous = readTree(join(cwd, 'reference-old'));
    const next = readTree(join(cwd, 'reference-new'));
    expect(sameTree(previous, next)).toBe(false);
    expect([...next.keys()].some((p) => p.endsWith('.html'))).toBe(true);

    const random = mulberry32(20151);
    const out = join(cwd, 'pack');
    const outcomes: string[] = [];
    cpSync(join(cwd, 'reference-old'), out, { recursive: true });
    writeFileSync(join(out, 'notes.md'), 'minutes of the board');
    // Kill points by the files staged, not by a clock: three seeded, and one with every file staged.
    const points = [0, 1, 2].map(() => Math.floor(random() * next.size)).concat(next.size);
    for (const staged of points) {
      const child = spawn(process.execPath, args(out, []), { cwd, stdio: 'ignore' });
      let running = true;
      const exited = new Promise((r) => child.once('exit', r)).then(() => (running = false));
      const staging = join(cwd, `.pack.oba-staging-${child.pid}`);
      while (running && filesUnder(staging) < staged) await new Promise((r) => setTimeout(r, 5));
      child.kill('SIGKILL');
      await exited;
      const where = `after a kill with ${staged} of ${next.size} files staged`;
      expect(existsSync(out), where).toBe(true);
      const now = packIn(out);
      const which = sameTree(now, previous) ? 'previous' : sameTree(now, next) ? 'new' : 'mixed';
      expect(which, where).not.toBe('mixed');
      expect(readFileSync(join(out, 'notes.md'), 'utf8'), where).toBe('minutes of the board');
      outcomes.push(which);
      // Start the next kill from the previous pack again (a copy: it is what oba wrote, manifest and all).
      if (which === 'new') {
        rmSync(out, { recursive: true });
        cpSync(join(cwd, 'reference-old'), out, { recursive: true });
        writeFileSync(join(out, 'notes.md'), 'minutes of the board');
      }
    }
    expect(report(out, cwd).status).toBe(0);
    expect(sameTree(packIn(out), next)).toBe(true);
    expect(readFileSync(join(out, 'notes.md'), 'utf8')).toBe('minutes of the board');
    // Only oba's own leftovers were cleared; the user's look-alike folder is untouched.
    expect(readdirSync(cwd).filter((n) => n.startsWith('.pack.')).sort()).toEqual(['.pack.old-backup']);
    expect(readFileSync(join(cwd, '.pack.old-backup', 'keep.md'), 'utf8')).toContain('user');
  }, 480_000);

  it('keeps two runs writing one folder at once apart with a lock', async () => {
    const cwd = tempFolder();
    const out = join(cwd, 'pack');
    const start = () =>
      new Promise<{ code: number | null; stderr: string }>((done) => {
        const child = spawn(process.execPath, [bin, 'report', '--out', out, '--config', config, '--no-cache', '--jobs', '1'], { cwd });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        child.on('exit', (code) => done({ code, stderr }));
      });
    const [a, b] = await Promise.all([start(), start()]);
    const codes = [a.code, b.code].sort();
    expect(codes).toEqual([0, 1]);
    const refused = a.code === 1 ? a : b;
    expect(refused.stderr).toMatch(/another oba run \(process \d+\) is writing .*pack; wait for it to finish/);
    expect(existsSync(join(cwd, '.pack.lock'))).toBe(false);
    expect(spawnSync(process.execPath, [bin, 'report', '--out', join(cwd, 'reference'), '--config', config, '--no-cache', '--jobs', '1', '--quiet'], { cwd }).status).toBe(0);
    const written = readTree(out);
    const reference = readTree(join(cwd, 'reference'));
    expect(sameTree(written, reference)).toBe(true);
  }, 120_000);
});
