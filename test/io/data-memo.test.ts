/**
 * The data memo: the next command on the same data takes what reading and checking them gave from
 * `.oba-cache/data/` instead of parsing every CSV again, with the same outputs; any change to the
 * data, the plan or the configuration reads them afresh. Commands that write no folder read it but
 * never write it.
 */
import { cpSync, existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DATA_MEMO_ENTRIES, openDataMemo, type ReadData } from '../../src/io/data-memo.js';
import { openYamlMemo } from '../../src/io/yaml-memo.js';
import type { Observation } from '../../src/data/types.js';
import { oba, tempFolder } from '../helpers/cli.js';

const data = fileURLToPath(new URL('../../data/', import.meta.url));
const KEY_A = 'a'.repeat(64);
const KEY_B = 'b'.repeat(64);

function sample(value: number): ReadData {
  const period = { type: 'financial-year', label: '2014/15', start: '2014-04-01', end: '2015-03-31', ordinal: 2014 } as Observation['period'];
  const source = { file: '/x/series.csv', line: 2 };
  return {
    observations: [
      { measure: 'looked-after', area: 'Leeds', period, value, status: [], source, note: undefined },
      { measure: 'looked-after', area: 'Bradford', period, value: null, missing: 'x', status: ['p'], source: { ...source, line: 3 } },
    ],
    issues: [{ severity: 'warning', code: 'SERIES_GAP', file: 'series.csv', line: 3, message: 'a gap' }],
  };
}

function project(): string {
  const root = tempFolder({ 'oba.config.yaml': `plan: ${data}plan.yaml\ndata: [series/]\n` });
  cpSync(join(data, 'series'), join(root, 'series'), { recursive: true });
  return root;
}

const memoEntries = (root: string) => (existsSync(join(root, '.oba-cache', 'data')) ? readdirSync(join(root, '.oba-cache', 'data')).filter((n) => !n.startsWith('.')) : []);

describe('the data memo on disk', () => {
  it('gives back exactly what was kept, under its own key only', () => {
    const dir = tempFolder();
    openDataMemo(dir, KEY_A).set(sample(1234));
    const back = openDataMemo(dir, KEY_A).get();
    expect(back).toEqual(sample(1234));
    // What JSON would lose: a field set to undefined, and one period object shared by two observations.
    expect('note' in back!.observations[0]!).toBe(true);
    expect(back!.observations[0]!.period).toBe(back!.observations[1]!.period);
    expect(openDataMemo(dir, KEY_B).get()).toBeUndefined();
  });

  it('drops an entry that was changed, or moved to another key, and reads nothing from it', () => {
    const dir = tempFolder();
    openDataMemo(dir, KEY_A).set(sample(1234));
    const file = join(dir, 'data', KEY_A);
    const bytes = readFileSync(file);
    bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 0xff;
    writeFileSync(file, bytes);
    expect(openDataMemo(dir, KEY_A).get()).toBeUndefined();
    expect(existsSync(file)).toBe(false);

    openDataMemo(dir, KEY_A).set(sample(1234));
    writeFileSync(join(dir, 'data', KEY_B), readFileSync(join(dir, 'data', KEY_A)));
    expect(openDataMemo(dir, KEY_B).get()).toBeUndefined();
    expect(openDataMemo(dir, KEY_A).get()).toEqual(sample(1234));
  });

  it(`keeps the ${DATA_MEMO_ENTRIES} entries used last`, () => {
    const dir = tempFolder();
    const [first, second, third] = ['1', '2', '3'].map((c) => c.repeat(64)) as [string, string, string];
    openDataMemo(dir, first).set(sample(1));
    utimesSync(join(dir, 'data', first), 1000, 1000);
    openDataMemo(dir, second).set(sample(2));
    utimesSync(join(dir, 'data', second), 2000, 2000);
    // The first entry is used again, so the second is now the one used longest ago.
    expect(openDataMemo(dir, first).get()).toEqual(sample(1));
    openDataMemo(dir, third).set(sample(3));
    expect(readdirSync(join(dir, 'data')).sort()).toEqual([first, third]);
  });

  it('is only a speed-up: a cache folder that cannot be written loses nothing', () => {
    const dir = tempFolder({ blocked: 'a file where the cache folder would be' });
    const memo = openDataMemo(join(dir, 'blocked'), KEY_A);
    expect(() => memo.set(sample(1))).not.toThrow();
    expect(memo.get()).toBeUndefined();
  });
});

describe('commands with the data memo', () => {
  it('a second command takes the data from the memo and writes what a run without the cache writes', async () => {
    const root = project();
    expect((await oba(['report', '--out', 'first', '--quiet'], root)).code).toBe(0);
    expect(memoEntries(root)).toHaveLength(1);
    expect((await oba(['tracker', '--out', 'tracker', '--quiet'], root)).code).toBe(0);
    expect((await oba(['tracker', '--out', 'tracker-afresh', '--quiet', '--no-cache'], root)).code).toBe(0);
    for (const file of readdirSync(join(root, 'tracker-afresh'), { recursive: true, encoding: 'utf8' })) {
      if (file.endsWith('.md') || file.endsWith('.svg')) expect(readFileSync(join(root, 'tracker', file), 'utf8')).toBe(readFileSync(join(root, 'tracker-afresh', file), 'utf8'));
    }
    expect(memoEntries(root)).toHaveLength(1);

    // Proof that the memo is read: a figure changed in it (and signed again) shows in the next pack.
    const [key] = memoEntries(root);
    const memo = openDataMemo(join(root, '.oba-cache'), key!);
    const kept = memo.get()!;
    const leeds = kept.observations.filter((o) => o.measure === 'looked-after' && o.area === 'Leeds' && o.value !== null).at(-1)!;
    leeds.value = 98765;
    memo.set(kept);
    expect((await oba(['report', '--out', 'second', '--quiet'], root)).code).toBe(0);
    expect(readFileSync(join(root, 'second', 'index.md'), 'utf8')).toContain('98,765');
    expect(readFileSync(join(root, 'first', 'index.md'), 'utf8')).not.toContain('98,765');
  });

  it('reads the data afresh when a data file changes, and not at all with --no-cache', async () => {
    const root = project();
    expect((await oba(['report', '--out', 'afresh', '--quiet', '--no-cache'], root)).code).toBe(0);
    expect(memoEntries(root)).toEqual([]);
    expect((await oba(['report', '--out', 'pack', '--quiet'], root)).code).toBe(0);
    const [before] = memoEntries(root);
    expect(before).toBeDefined();

    const file = join(root, 'series', 'looked-after.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    const last = lines.findLastIndex((line) => line.startsWith('looked-after,Leeds,'));
    const cells = lines[last]!.split(',');
    cells[3] = '87654';
    lines[last] = cells.join(',');
    writeFileSync(file, lines.join('\n'));
    expect((await oba(['report', '--out', 'pack', '--quiet'], root)).code).toBe(0);
    expect(readFileSync(join(root, 'pack', 'index.md'), 'utf8')).toContain('87,654');
    // The new data's entry, and the one before it.
    expect(memoEntries(root)).toHaveLength(2);
    expect(memoEntries(root)).toContain(before);
  });

  it('status, show and baseline read the memo a report kept, and leave a folder without one as it was', async () => {
    const root = project();
    expect((await oba(['status'], root)).code).toBe(0);
    expect(existsSync(join(root, '.oba-cache'))).toBe(false);
    expect((await oba(['report', '--out', 'pack', '--quiet'], root)).code).toBe(0);
    const [key] = memoEntries(root);
    const memo = openDataMemo(join(root, '.oba-cache'), key!);
    const kept = memo.get()!;
    kept.observations.filter((o) => o.measure === 'looked-after' && o.area === 'Leeds' && o.value !== null).at(-1)!.value = 98765;
    memo.set(kept);
    expect((await oba(['status'], root)).stdout).toContain('98,765');
    expect((await oba(['show', 'looked-after', '--area', 'Leeds'], root)).stdout).toContain('98,765');
    expect((await oba(['baseline', 'looked-after'], root)).stdout).toContain('98,765');
    expect(memoEntries(root)).toEqual([key]);
  });

  it('status, show and baseline take the plan from the YAML memo a report kept, and add nothing to the cache', async () => {
    const root = project();
    expect((await oba(['report', '--out', 'pack', '--quiet'], root)).code).toBe(0);
    const cache = join(root, '.oba-cache');
    const yaml = openYamlMemo(cache);
    const planText = readFileSync(join(data, 'plan.yaml'), 'utf8');
    const plan = yaml.get(planText) as { title: string };
    expect(plan.title).toBe("Children and Young People's Plan 2011-15");
    yaml.set(planText, { ...plan, title: 'A plan read from the memo' });
    const listing = () => readdirSync(cache, { recursive: true, encoding: 'utf8' }).sort();
    const before = listing();
    const inputs = readFileSync(join(cache, 'inputs', 'in', 'inputs'));
    const status = await oba(['status'], root);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('A plan read from the memo');
    expect((await oba(['show', 'looked-after'], root)).code).toBe(0);
    expect((await oba(['baseline', 'looked-after'], root)).code).toBe(0);
    expect(listing()).toEqual(before);
    expect(readFileSync(join(cache, 'inputs', 'in', 'inputs'))).toEqual(inputs);
  });

  it('keeps nothing for data with errors', async () => {
    const root = project();
    writeFileSync(join(root, 'series', 'broken.csv'), 'measure,area,period,value\nlooked-after,Leeds,2099-13,5\n');
    expect((await oba(['report', '--out', 'pack', '--quiet'], root)).code).toBe(1);
    expect(memoEntries(root)).toEqual([]);
  });
});
