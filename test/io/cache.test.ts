/** The chart cache trusts an entry only under its own key, and only if it is a chart the library could have drawn. */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCache, plausibleSvg, sha256 } from '../../src/io/cache.js';
import { tempFolder } from '../helpers/cli.js';

function svgsUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.svg')).map((f) => join(dir, f));
}

const golden = [...svgsUnder(new URL('../golden/expected/', import.meta.url).pathname), ...svgsUnder(new URL('../charts/golden/', import.meta.url).pathname)];

describe('the chart cache', () => {
  it('accepts every chart the library draws', () => {
    // (test/scale/parallel-cache.test.ts takes every chart of a whole pack from the cache.)
    expect(golden.length).toBeGreaterThanOrEqual(4);
    for (const file of golden) expect(plausibleSvg(readFileSync(file, 'utf8')), file).toBe(true);
  });

  it('refuses an entry forged with a valid checksum but a script, a handler or a link away', () => {
    const dir = tempFolder();
    const cache = openCache(dir);
    const chart = readFileSync(golden[0]!, 'utf8');
    const forgeries = [
      chart.replace('</svg>', '<script>alert(1)</script></svg>'),
      chart.replace('<svg', '<svg onload="alert(1)"'),
      chart.replace('</svg>', '<a href="javascript:alert(1)"><text>x</text></a></svg>'),
      chart.replace('</svg>', '<foreignObject><iframe src="https://example.org"/></foreignObject></svg>'),
      '<!DOCTYPE svg [<!ENTITY x "y">]>' + chart,
    ];
    for (const [i, forged] of forgeries.entries()) {
      const key = cache.key('chart', String(i));
      mkdirSync(join(dir, key.slice(0, 2)), { recursive: true });
      writeFileSync(join(dir, key.slice(0, 2), key), `oba-cache v2 sha256=${sha256(key, forged)}\n${forged}`);
      expect(cache.get(key), forged.slice(0, 60)).toBeUndefined();
    }
    expect(cache.corrupt()).toBe(forgeries.length);
  });

  it('refuses an entry moved to another key, though its checksum of its own content holds', async () => {
    const dir = tempFolder();
    const cache = openCache(dir);
    const chart = readFileSync(golden[0]!, 'utf8');
    const [a, b] = [cache.key('chart', 'a'), cache.key('chart', 'b')];
    cache.set(a, chart);
    await cache.settle();
    cache.close();
    expect(cache.get(a)).toBe(chart);
    mkdirSync(join(dir, b.slice(0, 2)), { recursive: true });
    renameSync(join(dir, a.slice(0, 2), a), join(dir, b.slice(0, 2), b));
    expect(cache.get(b)).toBeUndefined();
    expect(cache.corrupt()).toBe(1);
  });

  it('checks a huge entry of unclosed tags in one pass', () => {
    // A backtracking check would take hours on this; one pass over the tags takes no time.
    expect(plausibleSvg('<svg' + '<a '.repeat(2_000_000) + '</svg>')).toBe(true);
    expect(plausibleSvg('<svg' + '<a '.repeat(2_000_000) + ' onload=x</svg>')).toBe(false);
  });
});

describe('entries written in the background', () => {
  it('are whole once settled, each where a later run looks for it, its folder made', async () => {
    const dir = join(tempFolder(), '.oba-cache');
    const cache = openCache(dir);
    const charts = Array.from({ length: 40 }, (_, i) => [cache.key('chart', String(i)), `<svg>${'y'.repeat(i * 100)}</svg>`] as const);
    for (const [key, svg] of charts) cache.set(key, svg);
    await cache.settle();
    cache.close();
    const rerun = openCache(dir);
    for (const [key, svg] of charts) expect(rerun.get(key)).toBe(svg);
    expect(rerun.corrupt()).toBe(0);
    expect(cache.unsaved()).toEqual({ count: 0 });
    // No temporary file is left beside the entries.
    expect(readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('an entry that cannot be written is counted with its reason, not thrown: the chart was drawn all the same', async () => {
    const root = tempFolder();
    // A file where the cache folder should be: no entry can be written under it.
    writeFileSync(join(root, '.oba-cache'), 'not a folder');
    const cache = openCache(join(root, '.oba-cache'));
    cache.set(cache.key('chart', 'a'), '<svg></svg>');
    cache.set(cache.key('chart', 'b'), '<svg></svg>');
    await cache.settle();
    cache.close();
    expect(cache.unsaved()).toMatchObject({ count: 2, reason: expect.stringMatching(/ENOTDIR.*open/) });
  });
});

describe('the chart cache has a bound', () => {
  /** An entry's file, and its size. */
  const fileOf = (dir: string, key: string) => join(dir, key.slice(0, 2), key);
  const chart = (n: number) => `<svg xmlns="http://www.w3.org/2000/svg"><text>${'x'.repeat(1000)} ${n}</text></svg>`;

  it('keeps it: a run that added entries past the bound drops those used longest ago, to three quarters of it', async () => {
    const dir = join(tempFolder(), '.oba-cache');
    const cache = openCache(dir);
    const keys = Array.from({ length: 10 }, (_, i) => cache.key('chart', String(i)));
    keys.forEach((key, i) => cache.set(key, chart(i)));
    await cache.settle();
    cache.close();
    const size = statSync(fileOf(dir, keys[0]!)).size;
    // Used in order 0, 1, … 9, a minute apart; then 0 is used again, so 1 is now the oldest.
    keys.forEach((key, i) => utimesSync(fileOf(dir, key), 1_000_000 + i * 60, 1_000_000 + i * 60));
    expect(cache.get(keys[0]!)).toBe(chart(0));
    // A memo beside the charts is not a chart and is never dropped.
    mkdirSync(join(dir, 'inputs', 'ab'), { recursive: true });
    writeFileSync(join(dir, 'inputs', 'ab', 'memo'), 'x'.repeat(50_000));
    // Bound: 8 entries; three quarters: 6. The four used longest ago go: 1, 2, 3, 4.
    expect(cache.prune(8 * size)).toBe(4);
    expect(keys.map((key) => existsSync(fileOf(dir, key)))).toEqual([true, false, false, false, false, true, true, true, true, true]);
    expect(existsSync(join(dir, 'inputs', 'ab', 'memo'))).toBe(true);
    // Within the bound now: nothing more goes.
    expect(cache.prune(8 * size)).toBe(0);
  });

  it('leaves the cache alone after a run that drew nothing new, however large it is', async () => {
    const dir = join(tempFolder(), '.oba-cache');
    const first = openCache(dir);
    for (let i = 0; i < 5; i++) first.set(first.key('chart', String(i)), chart(i));
    await first.settle();
    first.close();
    const rerun = openCache(dir);
    expect(rerun.get(rerun.key('chart', '3'))).toBe(chart(3));
    expect(rerun.prune(1)).toBe(0);
    expect(readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.length > 3)).toHaveLength(5);
  });
});
