import { lstatSync, mkdirSync, readdirSync, symlinkSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { insideFolder, openPack, writePack } from '../../src/io/write.js';
import { slugify } from '../../src/render/slug.js';
import { tempFolder } from '../helpers/cli.js';

describe('paths and names', () => {
  it('turns any name into a short, safe file name', () => {
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(slugify('/absolute/path')).toBe('absolute-path');
    expect(slugify('C:\\Windows\\System32')).toBe('c-windows-system32');
    expect(slugify('CON')).toBe('con-area');
    expect(slugify('lpt1')).toBe('lpt1-area');
    expect(slugify('Bristol, City of')).toBe('bristol-city-of');
    expect(slugify('Ünïcödé & Co')).toBe('unicode-and-co');
    expect(slugify('...')).toBe('item');
    const long = slugify('word '.repeat(100));
    expect(long.length).toBeLessThanOrEqual(48);
    expect(long).toMatch(/^word(-word)*$/);
  });

  it('refuses pack paths that leave the output folder', () => {
    const out = tempFolder();
    for (const bad of ['../x.md', '/etc/x.md', 'a/../../x.md', '']) expect(() => insideFolder(out, bad)).toThrow(/outside the output folder/);
    expect(insideFolder(out, 'charts/a.svg')).toBe(join(out, 'charts/a.svg'));
  });

  it('never writes outside --out, even for a file list that tries', () => {
    const root = tempFolder();
    const out = join(root, 'pack');
    expect(() => writePack(out, new Map([['ok.md', 'x'], ['../escaped.md', 'y']]))).toThrow(/outside the output folder/);
    expect(existsSync(join(root, 'escaped.md'))).toBe(false);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a symbolic link as the output folder, and one planted inside the old pack is neither followed nor replaced', () => {
    const root = tempFolder({ 'elsewhere/keep.txt': 'precious' });
    symlinkSync(join(root, 'elsewhere'), join(root, 'link'));
    expect(() => writePack(join(root, 'link'), new Map([['a.md', 'x']]))).toThrow(/symbolic link/);

    const out = join(root, 'pack');
    writePack(out, new Map([['a.md', 'one']]));
    symlinkSync(join(root, 'elsewhere'), join(out, 'charts'));
    expect(() => writePack(out, new Map([['a.md', 'two'], ['charts/c.svg', '<svg/>']]))).toThrow(/pack\/charts is not a file oba wrote.*move it out/);
    expect(readFileSync(join(out, 'a.md'), 'utf8')).toBe('one');
    writePack(out, new Map([['a.md', 'two']]));
    expect(lstatSync(join(out, 'charts')).isSymbolicLink()).toBe(true);
    expect(readdirSync(join(root, 'elsewhere'))).toEqual(['keep.txt']);
    expect(readFileSync(join(root, 'elsewhere', 'keep.txt'), 'utf8')).toBe('precious');
  });

  it('refuses to replace a folder of files oba did not write', () => {
    const root = tempFolder({ 'mine/notes.txt': 'keep me' });
    expect(() => writePack(join(root, 'mine'), new Map([['a.md', 'x']]))).toThrow(/files that oba did not write/);
    expect(readFileSync(join(root, 'mine/notes.txt'), 'utf8')).toBe('keep me');
  });

  it('refuses an output folder holding an input file', () => {
    const root = tempFolder({ 'data/series.csv': 'x' });
    mkdirSync(join(root, 'out'), { recursive: true });
    writeFileSync(join(root, 'out', 'input.csv'), 'x');
    expect(() => writePack(join(root, 'data'), new Map([['a.md', 'x']]), { inputs: [join(root, 'data/series.csv')] })).toThrow(/holds input files/);
  });
});

describe('files written in the background', () => {
  it('are all in the pack once settled, each with its hash, and more than can be in flight are written too', async () => {
    const root = tempFolder();
    const out = join(root, 'pack');
    const pack = openPack(out, { background: true });
    const files = Array.from({ length: 300 }, (_, i) => [`area-${i % 7}/file-${i}.md`, `text ${i}\n`.repeat(i + 1)] as const);
    for (const [path, text] of files) pack.add(path, text);
    expect(() => pack.commit('k')).toThrow(/settle first/);
    await pack.settle();
    pack.commit('k');
    for (const [path, text] of files) expect(readFileSync(join(out, path), 'utf8')).toBe(text);
    expect(pack.hashes()).toHaveLength(300);
  });

  it('a write that fails is thrown by settle, with its own code, and the old pack stays as it was', async () => {
    const root = tempFolder();
    const out = join(root, 'pack');
    writePack(out, new Map([['old.md', 'old']]));
    const pack = openPack(out, { background: true });
    // A folder already where the file is to go: the write fails (EISDIR), as a full disk would.
    const staging = readdirSync(root).find((name) => name.includes('oba-staging'))!;
    mkdirSync(join(root, staging, 'clash.md'));
    pack.add('clash.md', 'new');
    await expect(pack.settle()).rejects.toMatchObject({ code: 'EISDIR' });
    expect(() => pack.commit('k')).toThrow(/settle first/);
    pack.discard();
    expect(readdirSync(out).filter((name) => !name.startsWith('.'))).toEqual(['old.md']);
    expect(readdirSync(root).filter((name) => name.includes('oba-staging'))).toEqual([]);
  });
});
