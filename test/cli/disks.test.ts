/**
 * Where the output goes: an output folder that is a mount point (a container volume) is written
 * in place; a full or read-only disk, a broken template and an --as-of before the data are the
 * user's to fix (exit 1, saying what to do), never "a bug in oba" (70); a cache that cannot be
 * written costs only the cache.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { oba, tempFolder } from '../helpers/cli.js';

const mounts: string[] = [];

/** Writes an empty file at `path` under `root`, making its folder. */
function emptyFile(root: string, path: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), '');
}

afterAll(() => {
  for (const dir of mounts.reverse()) spawnSync('umount', [dir]);
});

/** A small file system mounted at a new folder (as root on Linux), or undefined where that is not allowed. */
function mount(options: string): string | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  const dir = join(tempFolder(), 'volume');
  mkdirSync(dir);
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'oba-test', dir]).status !== 0) return undefined;
  mounts.push(dir);
  return dir;
}

const canMount = mount('size=1m') !== undefined;

describe('the disk the output goes to', () => {
  it.runIf(canMount)('writes into an output folder that is a mount point, keeping the user\'s files', async () => {
    const volume = mount('size=64m')!;
    expect((await oba(['tracker', '--out', volume, '--quiet'])).code).toBe(0);
    writeFileSync(join(volume, 'notes.md'), 'mine');
    const again = await oba(['tracker', '--out', volume, '--no-cache']);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/Kept 1 file oba did not write: notes\.md\./);
    expect(readFileSync(join(volume, 'notes.md'), 'utf8')).toBe('mine');
    expect(readdirSync(volume).filter((n) => n.startsWith('.oba-') && n !== '.oba-output')).toEqual([]);
  });

  it.runIf(canMount)('--clean empties an output folder that is a mount point, which cannot itself be removed', async () => {
    const volume = mount('size=64m')!;
    expect((await oba(['tracker', '--out', volume, '--quiet'])).code).toBe(0);
    const clean = await oba(['tracker', '--out', volume, '--clean']);
    expect(clean.code).toBe(0);
    expect(readdirSync(volume)).toEqual(['.oba-output']);
    expect((await oba(['tracker', '--out', volume, '--quiet'])).code).toBe(0);
  });

  it.runIf(canMount)('says a full disk is full, with exit 1, and leaves nothing half-written', async () => {
    const full = mount('size=64k')!;
    const run = await oba(['report', '--out', join(full, 'pack'), '--quiet', '--no-cache']);
    expect(run.stderr).toMatch(/^oba: cannot write.*the disk is full; free some space, or choose an output folder on another disk \(ENOSPC\)/m);
    expect(run.code).toBe(1);
    expect(existsSync(join(full, 'pack'))).toBe(false);
    expect(readdirSync(full)).toEqual([]);
  });

  it.runIf(canMount)('says a read-only disk is read-only, with exit 1', async () => {
    const readOnly = mount('ro,size=1m')!;
    const run = await oba(['tracker', '--out', join(readOnly, 'tracker'), '--quiet']);
    expect(run.stderr).toMatch(/the disk is read-only; choose an output folder you can write to \(EROFS\)/);
    expect(run.code).toBe(1);
  });

  it('a chart cache that cannot be written costs the cache, not the run: counted, with the reason', async () => {
    const data = new URL('../../data/', import.meta.url).pathname;
    const root = tempFolder({ 'oba.config.yaml': `plan: ${data}plan.yaml\ndata: [${data}series/]\n` });
    // A file where each of the cache's folders would go (they are named by a key's first two hex digits).
    for (let bucket = 0; bucket < 256; bucket++) emptyFile(root, `.oba-cache/${bucket.toString(16).padStart(2, '0')}`);
    const run = await oba(['tracker', '--out', 'tracker'], root);
    expect(run.code).toBe(0);
    const drawn = readdirSync(join(root, 'tracker', 'charts')).length;
    expect(drawn).toBeGreaterThan(0);
    expect(run.stderr).toContain(`${drawn} charts could not be kept in the cache (ENOTDIR`);
    expect(run.stderr).toMatch(/; the outputs are complete\./);
  });
});

describe('mistakes that are the user\'s to fix', () => {
  it('a template that does not work: exit 1, naming it', async () => {
    const data = new URL('../../data/', import.meta.url).pathname;
    const root = tempFolder({
      'oba.config.yaml': `plan: ${data}plan.yaml\ndata: [${data}series/]\ntemplates: templates/\n`,
      'templates/tracker.md.liquid': '# {{ title }\n{% if %}\n',
    });
    const run = await oba(['tracker', '--out', 'tracker', '--quiet'], root);
    expect(run.stderr).toMatch(/^oba: template tracker\.md\.liquid: .*; fix the template/m);
    expect(run.code).toBe(1);
  });

  it('--as-of before the first figure: exit 1, saying from when', async () => {
    const run = await oba(['report', '--as-of', '1990', '--out', join(tempFolder(), 'pack'), '--quiet']);
    expect(run.stderr).toMatch(/--as-of 1990 is before the first figure for Leeds \(\d{4}-\d\d-\d\d\); give a date from \d{4}-\d\d-\d\d on/);
    expect(run.code).toBe(1);
  });

  it.each([
    [['--cluster', 'Seacroft'], /--as-of 1990 is before the first figure for Seacroft \(\d{4}-\d\d-\d\d\)/],
    [['--all-clusters'], /--as-of 1990 is before the first figure \(\d{4}-\d\d-\d\d\)/],
  ])('sheet %j --as-of before the first figure: exit 1, nothing written', async (args, message) => {
    const out = join(tempFolder(), 'sheets');
    const run = await oba(['sheet', ...args, '--as-of', '1990', '--out', out, '--quiet']);
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it('--as-of before some measures start: their cards have no chart yet, and the pack is written', async () => {
    const out = join(tempFolder(), 'pack');
    const run = await oba(['report', '--as-of', '2005', '--out', out, '--quiet']);
    expect(run.code).toBe(0);
    expect(readdirSync(join(out, 'charts')).length).toBeGreaterThan(0);
  });
});
