/**
 * Input hashes remembered by stat: a rerun fingerprints its inputs without reading the files
 * it knows unchanged, and reads any file whose stat moved, giving exactly `hashFile`'s hashes.
 */
import { mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openInputHashes } from '../../src/io/input-hashes.js';
import { hashFile } from '../../src/io/hash.js';
import { tempFolder } from '../helpers/cli.js';

const refuse = (what: string) => new Error(`refused: ${what}`);

/** Waits until the file system's clock has moved past the files' times (a tick is milliseconds, or seconds on coarse file systems). */
async function afterTheirTick(dir: string, files: string[]): Promise<void> {
  const latest = Math.max(...files.map((f) => Math.max(statSync(f).mtimeMs, statSync(f).ctimeMs)));
  for (let i = 0; i < 300; i++) {
    writeFileSync(join(dir, 'probe'), '');
    if (statSync(join(dir, 'probe')).mtimeMs > latest) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the file system clock did not move');
}

describe('input hashes remembered by stat', () => {
  it('reads each file once; a later run reads none while nothing has changed, with the same hashes', async () => {
    const dir = tempFolder({ 'data/a.csv': 'measure,area,period,value\n', 'plan.yaml': 'title: x\n' });
    const files = [join(dir, 'data/a.csv'), join(dir, 'plan.yaml')];
    await afterTheirTick(dir, files);
    const cache = join(dir, '.oba-cache');
    const first = openInputHashes(cache);
    const hashes = files.map((f) => first.hash(f, refuse));
    expect(hashes).toEqual(files.map((f) => hashFile(f, refuse)));
    expect(first.read()).toBe(2);
    first.save();
    const second = openInputHashes(cache);
    expect(files.map((f) => second.hash(f, refuse))).toEqual(hashes);
    expect(second.read()).toBe(0);
  });

  it('reads a file again once it has been written, even with the same size and its modification time put back', async () => {
    const dir = tempFolder({ 'a.csv': 'value\n1\n' });
    const file = join(dir, 'a.csv');
    await afterTheirTick(dir, [file]);
    const cache = join(dir, '.oba-cache');
    const first = openInputHashes(cache);
    first.hash(file, refuse);
    first.save();
    const before = statSync(file);
    writeFileSync(file, 'value\n2\n');
    utimesSync(file, before.atime, before.mtime);
    const second = openInputHashes(cache);
    expect(second.hash(file, refuse)).toBe(hashFile(file, refuse));
    expect(second.read()).toBe(1);
  });

  it('does not remember a file written in the clock tick it was read in', () => {
    const dir = tempFolder();
    const file = join(dir, 'a.csv');
    const cache = join(dir, '.oba-cache');
    const first = openInputHashes(cache);
    writeFileSync(file, 'value\n1\n');
    // Its times are after the stamp, which is taken before the first read: so never on trust.
    const ahead = new Date(Date.now() + 60_000);
    utimesSync(file, ahead, ahead);
    first.hash(file, refuse);
    first.save();
    const second = openInputHashes(cache);
    second.hash(file, refuse);
    expect(second.read()).toBe(1);
  });

  it('treats a missing file, a folder and a corrupt memo as it would with no memo', async () => {
    const dir = tempFolder({ 'a.csv': 'x\n' });
    mkdirSync(join(dir, 'folder'));
    const cache = join(dir, '.oba-cache');
    const memo = openInputHashes(cache);
    expect(memo.hash(join(dir, 'missing.csv'), refuse)).toBeUndefined();
    expect(() => memo.hash(join(dir, 'folder'), refuse)).toThrow('refused: a folder');
    await afterTheirTick(dir, [join(dir, 'a.csv')]);
    memo.hash(join(dir, 'a.csv'), refuse);
    memo.save();
    const [entry] = readdirSync(join(cache, 'inputs'), { recursive: true, encoding: 'utf8' }).filter((f) => f.includes('/'));
    writeFileSync(join(cache, 'inputs', entry!), 'oba-inputs v1 sha256=0\n{}');
    const again = openInputHashes(cache);
    expect(again.hash(join(dir, 'a.csv'), refuse)).toBe(hashFile(join(dir, 'a.csv'), refuse));
    expect(again.read()).toBe(1);
  });
});
