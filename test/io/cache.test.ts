/** The chart cache trusts an entry only under its own key, and only if it is a chart the library could have drawn. */
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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

  it('refuses an entry moved to another key, though its checksum of its own content holds', () => {
    const dir = tempFolder();
    const cache = openCache(dir);
    const chart = readFileSync(golden[0]!, 'utf8');
    const [a, b] = [cache.key('chart', 'a'), cache.key('chart', 'b')];
    cache.set(a, chart);
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
