/**
 * The I/O shell: reading files from disk, and never changing them.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { readDataFile, readDataInput, readDataInputs, readSourceFile } from '../../src/data/read.js';
import { parseSourceSpecs } from '../../src/data/sources.js';
import { brief, bundledPlan, REAL } from './helpers.js';

const plan = bundledPlan();
const dir = mkdtempSync(join(tmpdir(), 'oba-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readDataFile', () => {
  test('a missing file is FILE_NOT_FOUND on line 0', async () => {
    const path = join(dir, 'nope.csv');
    const r = await readDataFile(path, plan);
    expect(brief(r.issues)).toEqual([`error FILE_NOT_FOUND ${path}:0`]);
    expect(r.issues[0]?.message).toMatch(/the file does not exist \(looked for .*nope\.csv\); check the file name and folder/);
  });
  test('a folder is FILE_NOT_READABLE', async () => {
    const r = await readDataFile(dir, plan);
    expect(brief(r.issues)).toEqual([`error FILE_NOT_READABLE ${dir}:0`]);
  });
  test('a native file is read and left unchanged', async () => {
    const path = join(dir, 'leeds.csv');
    const text = 'measure,area,period,value\r\nlooked-after,Leeds,2013-03-31,"1,373"\r\n';
    writeFileSync(path, text);
    const before = statSync(path).mtimeMs;
    const r = await readDataInput(path, plan);
    expect(r.issues).toEqual([]);
    expect(r.observations[0]).toMatchObject({ value: 1373, source: { file: path, line: 2 } });
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(statSync(path).mtimeMs).toBe(before);
  });
});

describe('readSourceFile', () => {
  const config = join(REAL, 'oba.config.yaml');
  const { specs } = parseSourceSpecs((parseYaml(readFileSync(config, 'utf8')) as { sources: unknown }).sources, config, plan);

  test('reads a mapped real file from its resolved path', async () => {
    const spec = specs.find((s) => s.file === 'dfe-cla-sfr36-2013.csv')!;
    const r = await readSourceFile(spec, plan);
    expect(r.issues).toEqual([]);
    expect(r.observations.find((o) => o.area === 'Leeds')).toMatchObject({ value: 1373, source: { file: join(REAL, 'dfe-cla-sfr36-2013.csv'), line: 22 } });
  });
  test('a mapped file that is not there is FILE_NOT_FOUND', async () => {
    const spec = { ...specs[0]!, file: 'gone.csv', path: join(dir, 'gone.csv') };
    const r = await readSourceFile(spec, plan);
    expect(brief(r.issues)).toEqual([`error FILE_NOT_FOUND ${spec.path}:0`]);
  });
  test('every mapped file together: no errors; one series per vintage', async () => {
    const r = await readDataInputs(specs, plan);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const leeds = r.observations.filter((o) => o.measure === 'looked-after' && o.area === 'Leeds').map((o) => `${o.period.label}=${o.value}`);
    expect(leeds).toEqual([
      '2010-03-31=1417',
      '2011-03-31=1448',
      '2012-03-31=1475',
      '2013-03-31=1373',
      '2014-03-31=1339',
      '2015-03-31=1245',
      '2016-03-31=1226',
      '2017-03-31=1253',
      '2025-03-31=1498',
      '2024-03-31=1546',
      '2023-03-31=1452',
      '2022-03-31=1374',
      '2021-03-31=1281',
    ]);
  });
});
