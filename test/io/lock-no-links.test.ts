/**
 * The output folder's lock on a file system that makes no hard links (FAT and exFAT drives, some
 * network shares): `link` is refused there, so the lock is created exclusively instead. The
 * refusal is simulated: node's `linkSync` throws as vfat's does.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempFolder } from '../helpers/cli.js';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const refused = () => {
    throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM', syscall: 'link' });
  };
  return { ...fs, default: { ...fs, linkSync: refused }, linkSync: refused };
});

const { lockFolder } = await import('../../src/io/lock.js');

describe('the folder lock where hard links are refused', () => {
  it('is taken, holds the pid, keeps a second run out, and is released', () => {
    const root = tempFolder();
    const lock = lockFolder(join(root, 'pack'));
    const file = join(root, '.pack.lock');
    expect(Number(readFileSync(file, 'utf8').split(' ')[0])).toBe(process.pid);
    expect(() => lockFolder(join(root, 'pack'))).toThrow(/another oba run \(process \d+\) is writing/);
    lock.check();
    lock.release();
    expect(existsSync(file)).toBe(false);
    // No temporary files are left beside it.
    expect(existsSync(join(root, `.pack.lock.${process.pid}.tmp`))).toBe(false);
    lockFolder(join(root, 'pack')).release();
  });

  it('is taken over when its process is gone', async () => {
    const root = tempFolder();
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    const pid = await new Promise<number>((done) => child.once('exit', () => done(child.pid!)));
    writeFileSync(join(root, '.pack.lock'), `${pid} 1 0000\n`);
    const lock = lockFolder(join(root, 'pack'));
    expect(Number(readFileSync(join(root, '.pack.lock'), 'utf8').split(' ')[0])).toBe(process.pid);
    lock.release();
  });
});
