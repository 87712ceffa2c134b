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
import { checkSeries } from '../../src/data/checks.js';
import { brief, bundledPlan, REAL } from './helpers.js';

const plan = bundledPlan();
const dir = mkdtempSync(join(process.env['OBA_TEST_TMP'] ?? tmpdir(), 'oba-data-'));
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
  test('every mapped file together, checked as series: later vintages win, with a warning; no errors', async () => {
    const all = await readDataInputs(specs, plan);
    const checked = checkSeries(all.observations, plan);
    expect(checked.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const revised = checked.issues.filter((i) => i.code === 'REVISED_VALUE');
    expect(revised.length).toBeGreaterThan(0);
    const value = (measure: string, area: string, period: string) =>
      checked.observations.find((o) => o.measure === measure && o.area === area && o.period.label === period)?.value;
    // England at 31 March 2010: 64,400 in SFR27/2010, revised to 64,460 in the 2024 time series.
    expect(value('looked-after', 'England', '2010-03-31')).toBe(64460);
    expect(revised.map((i) => i.message)).toContain(
      `measure "looked-after" for England at 2010-03-31 is 64,400 on line 2 of ${join(REAL, 'dfe-cla-sfr27-2010-at-31-march.csv')} but 64,460 here (line 73); the value read later, 64,460, is used as the later vintage; list the sources oldest first, or remove the one you do not want`,
    );
    // Leeds CLA absence 2007/08: 18,420/199,848 (2011 release), then 18,386/199,855 (SFR32/2012).
    expect(value('looked-after-absence', 'Leeds', '2007/08')).toBeCloseTo(9.2, 2);
    // GCSE 2010/11: 10/99 computed from SFR32/2012, then 10.2 as printed in SFR34/2015 Table LA3.
    expect(value('looked-after-gcse', 'Leeds', '2010/11')).toBe(10.2);
    expect(value('looked-after', 'Leeds', '2012-03-31')).toBe(1475);
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
