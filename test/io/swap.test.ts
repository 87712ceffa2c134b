/**
 * The swap: one exchange where the system allows (Linux), else two renames; and an output folder
 * that is a mount point, which cannot be renamed, written in place with a commit point.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exchangePaths, swapFolders } from '../../src/io/swap.js';
import { recoverPack, writePack, type PackFiles } from '../../src/io/write.js';
import { tempFolder } from '../helpers/cli.js';
import { readTree } from '../helpers/files.js';

function tree(files: Record<string, string>): string {
  return tempFolder(files);
}

describe('swapping a folder in', () => {
  it.runIf(process.platform === 'linux')('exchanges two folders in one step on Linux', () => {
    const a = tree({ 'x.md': 'a' });
    const b = tree({ 'y.md': 'b' });
    expect(exchangePaths(a, b)).toBe(true);
    expect(readTree(a)).toEqual(new Map([['y.md', 'b']]));
    expect(readTree(b)).toEqual(new Map([['x.md', 'a']]));
  });

  it('falls back to two renames, leaving the old folder aside', () => {
    const root = tree({ 'next/x.md': 'new', 'current/x.md': 'old' });
    const old = swapFolders(join(root, 'next'), join(root, 'current'), join(root, 'aside'), { exchange: false });
    expect(old).toBe(join(root, 'aside'));
    expect(readTree(join(root, 'current'))).toEqual(new Map([['x.md', 'new']]));
    expect(readTree(join(root, 'aside'))).toEqual(new Map([['x.md', 'old']]));
  });

  it('puts back a folder set aside by a run killed between the two renames', () => {
    const root = tree({ '.pack.oba-old-999999999/x.md': 'old', '.pack.oba-staging-999999999/x.md': 'half' });
    recoverPack(join(root, 'pack'));
    expect(readdirSync(root)).toEqual(['pack']);
    expect(readTree(join(root, 'pack'))).toEqual(new Map([['x.md', 'old']]));
  });
});

const mounts: string[] = [];
afterAll(() => {
  for (const dir of mounts) spawnSync('umount', [dir]);
});

/** A fresh file system mounted at a new folder (as root on Linux), or undefined where that is not allowed. */
function mountPoint(): string | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  const dir = join(tempFolder(), 'volume');
  mkdirSync(dir);
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'oba-test', dir]).status !== 0) return undefined;
  mounts.push(dir);
  return dir;
}

describe('an output folder that is a mount point', () => {
  const out = mountPoint();
  it.runIf(out !== undefined)('is written in place, keeping the user\'s files, and a commit cut short is finished by the next run', () => {
    const dir = out!;
    const v1: PackFiles = new Map([['index.md', '# v1'], ['charts/a.svg', 'a1'], ['charts/old.svg', 'gone']]);
    const v2: PackFiles = new Map([['index.md', '# v2'], ['charts/a.svg', 'a2']]);
    writePack(dir, v1, {}, 'k1');
    writeFileSync(join(dir, 'minutes.md'), 'mine');
    const pack = writePack(dir, v2, {}, 'k2');
    expect(pack.kept().map((e) => e.path)).toEqual(['minutes.md']);
    const after = readTree(dir);
    after.delete('.oba-output');
    expect(after).toEqual(new Map([['charts/a.svg', 'a2'], ['index.md', '# v2'], ['minutes.md', 'mine']]));

    // A run killed after its commit point: the staged pack is there, half moved in.
    const staged = tempFolder();
    writePack(join(staged, 'v1'), v1, {}, 'k1');
    cpSync(join(staged, 'v1'), join(dir, '.oba-commit'), { recursive: true });
    recoverPack(dir);
    const recovered = readTree(dir);
    recovered.delete('.oba-output');
    expect(recovered).toEqual(new Map([['charts/a.svg', 'a1'], ['charts/old.svg', 'gone'], ['index.md', '# v1'], ['minutes.md', 'mine']]));
    expect(existsSync(join(dir, '.oba-commit'))).toBe(false);
  });
});
