/** The output folder's lock: never empty, never taken from a running process, stale only when its owner is gone. */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockFolder, processStartTime } from '../../src/io/lock.js';
import { tempFolder } from '../helpers/cli.js';

/** A process that runs until killed, and its pid. */
async function sleeper(): Promise<{ pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  await new Promise((r) => child.once('spawn', r));
  return {
    pid: child.pid!,
    stop: () =>
      new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGKILL');
      }),
  };
}

describe('the folder lock', () => {
  it('is written whole before it exists, with the pid and start time, and released', () => {
    const root = tempFolder();
    const lock = lockFolder(join(root, 'pack'));
    const [pid, start] = readFileSync(join(root, '.pack.lock'), 'utf8').trim().split(' ');
    expect(Number(pid)).toBe(process.pid);
    if (process.platform === 'linux') expect(start).toBe(processStartTime(process.pid));
    expect(() => lockFolder(join(root, 'pack'))).toThrow(/another oba run \(process \d+\) is writing/);
    lock.release();
    expect(existsSync(join(root, '.pack.lock'))).toBe(false);
  });

  it('is not taken from a running process, even when the file holds nothing yet', async () => {
    const root = tempFolder();
    const other = await sleeper();
    try {
      writeFileSync(join(root, '.pack.lock'), `${other.pid} ${processStartTime(other.pid) || '-'} token\n`);
      expect(() => lockFolder(join(root, 'pack'))).toThrow(new RegExp(`another oba run \\(process ${other.pid}\\)`));
      writeFileSync(join(root, '.pack.lock'), '');
      expect(() => lockFolder(join(root, 'pack'))).toThrow(/another oba run/);
    } finally {
      await other.stop();
    }
  });

  it('is taken over when its process is gone, or its pid now belongs to a process started at another time', async () => {
    const root = tempFolder();
    const other = await sleeper();
    await other.stop();
    writeFileSync(join(root, '.pack.lock'), `${other.pid} 1 token\n`);
    lockFolder(join(root, 'pack')).release();
    if (process.platform === 'linux') {
      // This very process, but with a start time that is not its own: a reused pid.
      writeFileSync(join(root, '.pack.lock'), `${process.pid} 1 token\n`);
      lockFolder(join(root, 'pack')).release();
    }
    expect(existsSync(join(root, '.pack.lock'))).toBe(false);
  });

  it('notices before the swap when its lock was taken away', () => {
    const root = tempFolder();
    const lock = lockFolder(join(root, 'pack'));
    lock.check();
    writeFileSync(join(root, '.pack.lock'), `${process.pid} 1 someone-else\n`);
    expect(() => lock.check()).toThrow(/was taken away while this run was writing/);
    lock.release();
    // Not ours any more: left for its owner.
    expect(existsSync(join(root, '.pack.lock'))).toBe(true);
  });
});
