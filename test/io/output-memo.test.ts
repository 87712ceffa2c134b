/**
 * The output memo: a rerun takes an output file as unchanged from its stat only when any write
 * since it was remembered must show in that stat (git's "racily clean" rule); otherwise it reads
 * and hashes the file, as it would with no memo.
 */
import { readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openOutputMemo, settledBefore } from '../../src/io/output-memo.js';
import { formatManifest, PACK_MARKER, readManifest } from '../../src/io/manifest.js';
import { sha256 } from '../../src/io/hash.js';
import { tempFolder } from '../helpers/cli.js';

const FILES: Record<string, string> = { 'index.md': '# Board pack\n', 'charts/a.svg': '<svg>a</svg>\n' };

/** An output folder with its manifest, the manifest's modification time a minute ahead (so every file's times are before it). */
function outputFolder(key = 'key-1'): string {
  const out = tempFolder(FILES);
  writeManifest(out, key);
  return out;
}

function writeManifest(out: string, key: string): void {
  const file = join(out, PACK_MARKER);
  writeFileSync(file, formatManifest('report', key, Object.entries(FILES).map(([path, text]) => [path, sha256(text)])));
  const ahead = new Date(Date.now() + 60_000);
  utimesSync(file, ahead, ahead);
}

function check(memo: ReturnType<typeof openOutputMemo>, out: string) {
  return memo.check(out, readManifest(out)!);
}

describe('the output memo', () => {
  it('reads every file the first time, then none while nothing has changed', () => {
    const out = outputFolder();
    const memo = openOutputMemo(tempFolder());
    expect(check(memo, out)).toEqual({ matches: true, read: 2 });
    expect(check(memo, out)).toEqual({ matches: true, read: 0 });
  });

  it('finds a file rewritten with other bytes of the same size, even with its modification time put back', () => {
    const out = outputFolder();
    const memo = openOutputMemo(tempFolder());
    check(memo, out);
    const file = join(out, 'charts/a.svg');
    const before = statSync(file);
    writeFileSync(file, '<svg>b</svg>\n'); // same length
    utimesSync(file, before.atime, before.mtime); // the change time still moves
    expect(check(memo, out)).toEqual({ matches: false, read: 1 });
  });

  it('never takes on trust a file last written in the manifest’s clock tick or later, so reads it every time', () => {
    const out = outputFolder();
    const stamp = statSync(join(out, PACK_MARKER)).mtime;
    utimesSync(join(out, 'index.md'), stamp, stamp);
    const memo = openOutputMemo(tempFolder());
    expect(check(memo, out)).toEqual({ matches: true, read: 2 });
    expect(check(memo, out)).toEqual({ matches: true, read: 1 });
  });

  it('forgets everything when the manifest is written again', () => {
    const out = outputFolder();
    const memo = openOutputMemo(tempFolder());
    check(memo, out);
    writeManifest(out, 'key-2');
    expect(check(memo, out)).toEqual({ matches: true, read: 2 });
  });

  it('remembers the files of a folder just committed, so the first rerun reads none', () => {
    const out = outputFolder();
    const memo = openOutputMemo(tempFolder());
    memo.remember(out);
    expect(check(memo, out)).toEqual({ matches: true, read: 0 });
  });

  it('reads the files again when its own entry is corrupt, and gives the same answer', () => {
    const out = outputFolder();
    const cache = tempFolder();
    const memo = openOutputMemo(cache);
    check(memo, out);
    const dir = join(cache, 'outputs');
    const [entry] = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.includes('/'));
    writeFileSync(join(dir, entry!), 'oba-outputs v1 sha256=0\n{"manifest":"x","files":{}}');
    expect(check(memo, out)).toEqual({ matches: true, read: 2 });
  });

  it('a missing file is a mismatch, remembered or not', () => {
    const out = outputFolder();
    const memo = openOutputMemo(tempFolder());
    check(memo, out);
    rmSync(join(out, 'index.md'));
    expect(check(memo, out).matches).toBe(false);
  });

  it('settled means both times strictly before the stamp', () => {
    expect(settledBefore({ mtimeNs: 9n, ctimeNs: 9n }, 10n)).toBe(true);
    expect(settledBefore({ mtimeNs: 10n, ctimeNs: 9n }, 10n)).toBe(false);
    expect(settledBefore({ mtimeNs: 9n, ctimeNs: 10n }, 10n)).toBe(false);
  });
});

describe('a committed pack and the memo', () => {
  it('writes the manifest in a later clock tick than every file, so the first rerun reads none of them', async () => {
    const { openPack } = await import('../../src/io/write.js');
    const out = join(tempFolder(), 'pack');
    const pack = openPack(out); // written as added, the last just before the commit
    for (let i = 0; i < 40; i++) pack.add(`charts/${i}.svg`, `<svg>${i}</svg>\n`);
    pack.add('index.md', '# Pack\n');
    await pack.settle();
    pack.commit('key-1');
    const stamp = statSync(join(out, PACK_MARKER), { bigint: true }).mtimeNs;
    const files = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.svg') || f.endsWith('.md'));
    expect(files).toHaveLength(41);
    for (const f of files) expect(statSync(join(out, f), { bigint: true }).mtimeNs < stamp, f).toBe(true);
    expect(readdirSync(out).filter((f) => f.startsWith('.oba-tick'))).toEqual([]);
    const memo = openOutputMemo(tempFolder());
    memo.remember(out);
    expect(memo.check(out, readManifest(out)!)).toEqual({ matches: true, read: 0 });
  });
});
