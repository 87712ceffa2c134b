/**
 * Crash-safe output: `oba report` killed with SIGKILL at random points leaves the output folder
 * holding the previous complete pack or the new complete pack, never a mix or a partial file;
 * two runs writing one folder at once are kept apart by a lock. Runs the compiled CLI (built by
 * test/global-setup.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../helpers/cli.js';
import { readTree, sameTree } from '../helpers/files.js';
import { recoverPack } from '../../src/io/write.js';
import { mulberry32 } from '../../src/tools/data-gen/random.js';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'bin/oba');
const config = join(root, 'data/oba.config.yaml');



function report(out: string, cwd: string, extra: string[] = []) {
  return spawnSync(process.execPath, [bin, 'report', '--out', out, '--config', config, '--no-cache', '--jobs', '1', '--quiet', ...extra], { cwd, encoding: 'utf8' });
}



describe('crash-safe output', () => {
  it('leaves the previous or the new complete pack when killed at random points', async () => {
    const cwd = tempFolder();
    // The previous pack (as at 2014) and the pack the interrupted runs are writing (all data).
    expect(report('reference-old', cwd, ['--as-of', '2014']).status).toBe(0);
    expect(report('reference-new', cwd).status).toBe(0);
    const previous = readTree(join(cwd, 'reference-old'));
    const next = readTree(join(cwd, 'reference-new'));
    expect(sameTree(previous, next)).toBe(false);

    const random = mulberry32(20151);
    const out = join(cwd, 'pack');
    const outcomes: string[] = [];
    for (let i = 0; i < 4; i++) {
      // Start from the previous pack each time.
      expect(report(out, cwd, ['--as-of', '2014']).status).toBe(0);
      const child = spawn(process.execPath, [bin, 'report', '--out', out, '--config', config, '--no-cache', '--jobs', '1', '--quiet'], { cwd, stdio: 'ignore' });
      const exited = new Promise((r) => child.once('exit', r));
      const delay = 200 + Math.floor(random() * 2500);
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited;
      // What any later run does first: put back a pack set aside by a run killed mid-swap.
      recoverPack(out);
      expect(existsSync(out), `after a kill at ${delay} ms`).toBe(true);
      const now = readTree(out);
      const which = sameTree(now, previous) ? 'previous' : sameTree(now, next) ? 'new' : 'mixed';
      expect(which, `after a kill at ${delay} ms`).not.toBe('mixed');
      outcomes.push(which);
      // Nothing but the lock of the dead run is left beside it, and the next run takes that over.
      expect(readdirSync(cwd).filter((n) => n.startsWith('.pack.') && !n.endsWith('.lock'))).toEqual([]);
    }
    expect(report(out, cwd).status).toBe(0);
    expect(sameTree(readTree(out), next)).toBe(true);
  }, 240_000);

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
    expect(report(join(cwd, 'reference'), cwd).status).toBe(0);
    expect(sameTree(readTree(out), readTree(join(cwd, 'reference')))).toBe(true);
  }, 120_000);
});
