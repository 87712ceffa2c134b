/**
 * A user's own files in an output folder survive every rerun: the manifest says which files
 * oba wrote (and what they held), and only those, unchanged, are ever replaced or removed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanPack, openPack, readPack, recoverPack, writePack, type PackFiles } from '../../src/io/write.js';
import { keptLine, readManifest } from '../../src/io/manifest.js';
import { tempFolder } from '../helpers/cli.js';
import { readTree } from '../helpers/files.js';

const first: PackFiles = new Map([['index.md', '# v1'], ['charts/a.svg', '<svg>a1</svg>'], ['charts/b.svg', '<svg>b1</svg>']]);
const second: PackFiles = new Map([['index.md', '# v2'], ['charts/a.svg', '<svg>a2</svg>'], ['cards/c.md', 'c2']]);

function besides(root: string): string[] {
  return readdirSync(root).filter((n) => n !== 'pack').sort();
}

describe("the user's files in an output folder", () => {
  it('keeps files the user added, anywhere in the folder, and names them', () => {
    const root = tempFolder();
    const out = join(root, 'pack');
    writePack(out, first, { command: 'report' }, 'k1');
    writeFileSync(join(out, 'board-pack.pdf'), 'printed');
    writeFileSync(join(out, 'charts', 'notes.md'), 'minutes');
    mkdirSync(join(out, 'empty'));
    const pack = writePack(out, second, { command: 'report' }, 'k2');
    expect(readTree(out)).toEqual(
      new Map([
        ['.oba-output', readFileSync(join(out, '.oba-output'), 'utf8')],
        ['board-pack.pdf', 'printed'],
        ['cards/c.md', 'c2'],
        ['charts/a.svg', '<svg>a2</svg>'],
        ['charts/notes.md', 'minutes'],
        ['index.md', '# v2'],
      ]),
    );
    expect(existsSync(join(out, 'empty'))).toBe(true);
    expect(keptLine(pack.kept())).toBe('kept 2 files oba did not write: board-pack.pdf, charts/notes.md');
    expect(besides(root)).toEqual([]);
  });

  it("keeps a file of oba's that the user edited, and refuses to overwrite it", () => {
    const root = tempFolder();
    const out = join(root, 'pack');
    writePack(out, first, {}, 'k1');
    writeFileSync(join(out, 'charts', 'b.svg'), '<svg>my own b</svg>');
    // The new pack no longer writes b.svg: the edited copy stays.
    writePack(out, second, {}, 'k2');
    expect(readFileSync(join(out, 'charts', 'b.svg'), 'utf8')).toBe('<svg>my own b</svg>');
    // The new pack writes index.md, which the user has edited: refused, nothing changed.
    writeFileSync(join(out, 'index.md'), '# my notes');
    const before = readTree(out);
    expect(() => writePack(out, second, {}, 'k3')).toThrow(/pack\/index\.md is not a file oba wrote \(or it was changed since\).*move it out of .*pack and run again/);
    expect(readTree(out)).toEqual(before);
    expect(besides(root)).toEqual([]);
  });

  it('keeps a file the user saves while the pack is being built', () => {
    const root = tempFolder();
    const out = join(root, 'pack');
    writePack(out, first, {}, 'k1');
    const pack = openPack(out);
    for (const [path, content] of second) pack.add(path, content);
    writeFileSync(join(out, 'late.txt'), 'saved during the run');
    pack.commit('k2');
    expect(readFileSync(join(out, 'late.txt'), 'utf8')).toBe('saved during the run');
    expect(readFileSync(join(out, 'index.md'), 'utf8')).toBe('# v2');
  });

  it('writes the new pack when the old folder was removed while it was built', () => {
    const root = tempFolder();
    const out = join(root, 'pack');
    writePack(out, first, {}, 'k1');
    writeFileSync(join(out, 'notes.md'), 'mine');
    const pack = openPack(out);
    for (const [path, content] of second) pack.add(path, content);
    rmSync(out, { recursive: true });
    pack.commit('k2');
    expect(readFileSync(join(out, 'index.md'), 'utf8')).toBe('# v2');
    expect(existsSync(join(out, 'notes.md'))).toBe(false);
    expect(besides(root)).toEqual([]);
  });

  it('--clean removes only what oba wrote', () => {
    const root = tempFolder();
    const out = join(root, 'pack');
    writePack(out, first, { command: 'tracker' }, 'k1');
    writeFileSync(join(out, 'charts', 'mine.txt'), 'mine');
    writeFileSync(join(out, 'charts', 'a.svg'), 'edited');
    const kept = cleanPack(out, 'tracker');
    expect(keptLine(kept)).toBe('kept 2 files oba did not write: charts/a.svg, charts/mine.txt');
    const left = readTree(out);
    left.delete('.oba-output');
    expect(left).toEqual(new Map([['charts/a.svg', 'edited'], ['charts/mine.txt', 'mine']]));
    expect(readManifest(out)?.files.size).toBe(0);
    rmSync(join(out, 'charts', 'a.svg'));
    rmSync(join(out, 'charts', 'mine.txt'));
    writePack(out, first, { command: 'tracker' }, 'k1');
    expect(cleanPack(out, 'tracker')).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });

  it('treats a folder written by an older oba, with no list of its files, as the user\'s', () => {
    const root = tempFolder({ 'pack/.oba-output': 'Written by oba. The whole folder is replaced on every run.\n', 'pack/index.md': '# old', 'pack/board-pack.pdf': 'printed' });
    const out = join(root, 'pack');
    expect(() => writePack(out, second)).toThrow(/written by an older version of oba.*Move any files of yours out of it, then delete it \(`rm -r .*pack`\) and run again/);
    expect(() => cleanPack(out)).toThrow(/older version of oba/);
    expect(readFileSync(join(out, 'board-pack.pdf'), 'utf8')).toBe('printed');
    expect(readFileSync(join(out, 'index.md'), 'utf8')).toBe('# old');
  });

  it('reads a manifest from before the command was recorded', () => {
    const hash = 'a'.repeat(64);
    const root = tempFolder({ 'pack/.oba-output': `Written by oba. The whole folder is replaced on every run.\nkey: k0\n${hash}  index.md\n` });
    expect(readManifest(join(root, 'pack'))).toEqual({ command: undefined, key: 'k0', files: new Map([['index.md', hash]]) });
  });

  it("refuses a folder holding another command's output (tracker --out at a board pack)", () => {
    const root = tempFolder();
    const out = join(root, 'board-pack');
    writePack(out, first, { command: 'report' }, 'k1');
    expect(() => writePack(out, second, { command: 'tracker' })).toThrow(/holds the output of `oba report`; give `oba tracker` a folder of its own/);
    expect(() => cleanPack(out, 'tracker')).toThrow(/holds the output of `oba report`/);
    expect(readFileSync(join(out, 'index.md'), 'utf8')).toBe('# v1');
  });

  it('never touches folders beside it whose names only look like its own', () => {
    const root = tempFolder({ '.pack.old-backup/keep.md': 'a', '.pack.staging-copy/keep.md': 'b', '.pack.oba-old-x/keep.md': 'c', '.pack.oba-staging-12x/keep.md': 'd' });
    const out = join(root, 'pack');
    writePack(out, first, {}, 'k1');
    writePack(out, second, {}, 'k2');
    recoverPack(out);
    expect(besides(root)).toEqual(['.pack.oba-old-x', '.pack.oba-staging-12x', '.pack.old-backup', '.pack.staging-copy']);
  });

  it('refuses an output folder that holds narratives or templates, or lies inside one', () => {
    const root = tempFolder({ 'out/narratives/card-01.md': 'story', 'templates/card.md.liquid': 'x' });
    expect(() => writePack(join(root, 'out'), first, { inputs: [join(root, 'out/narratives')] })).toThrow(/--out .*out holds input files/);
    expect(() => writePack(join(root, 'templates/pack'), first, { inputs: [join(root, 'templates')] })).toThrow(/is inside the input folder/);
    expect(readFileSync(join(root, 'out/narratives/card-01.md'), 'utf8')).toBe('story');
  });

  it("compares only oba's own files in tracker --check", () => {
    const root = tempFolder();
    const out = join(root, 'pack');
    writePack(out, first, {}, 'k1');
    writeFileSync(join(out, 'notes.md'), 'mine');
    expect([...readPack(out).keys()]).toEqual(['charts/a.svg', 'charts/b.svg', 'index.md']);
  });
});
