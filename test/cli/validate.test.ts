import { describe, expect, it } from 'vitest';
import { oba, tempFolder } from '../helpers/cli.js';

const header = 'measure,area,period,value,numerator,denominator,status,note\n';

describe('oba validate --data', () => {
  it('passes a clean file and exits 0', async () => {
    const dir = tempFolder({ 'ok.csv': header + 'looked-after,Leeds,2010-03-31,1417,,,,\nlooked-after,Leeds,2011-03-31,1448,,,,\n' });
    const run = await oba(['validate', '--data', 'ok.csv'], dir);
    expect(run.stdout).toContain('0 errors, 0 warnings');
    expect(run.code).toBe(0);
  });

  it('lists every problem in one run as file:line:column and exits 1', async () => {
    const dir = tempFolder({
      'bad.csv':
        header +
        'looked-after,Leeds,2010-03-31,1417,,,,\n' + // line 2: fine
        'looked-aftr,Leeds,2011-03-31,1448,,,,\n' + // line 3: unknown measure
        'neet,Leeds,2011,140,,,,\n' + // line 4: percentage of 140
        'looked-after,Narnia,2011-03-31,10,,,,\n' + // line 5: unknown area
        'looked-after,Leeds,2012-13-31,1475,,,,\n', // line 6: a period that does not parse
    });
    const run = await oba(['validate', '--data', 'bad.csv', '--json'], dir);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { errors: { file: string; line: number; code: string }[] };
    const found = report.errors.map((e) => [e.file, e.line, e.code]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['bad.csv', 3, 'UNKNOWN_MEASURE'],
        ['bad.csv', 4, 'PERCENT_OUT_OF_RANGE'],
        ['bad.csv', 5, 'UNKNOWN_AREA'],
        ['bad.csv', 6, 'BAD_PERIOD'],
      ]),
    );
    const text = await oba(['validate', '--data', 'bad.csv'], dir);
    expect(text.stdout).toMatch(/^bad\.csv:3:1: .*looked-aftr.*did you mean looked-after/m);
    expect(text.code).toBe(1);
  });

  it('names a file that does not exist and exits 1, with no stack trace', async () => {
    const dir = tempFolder();
    const run = await oba(['validate', '--data', 'missing.csv'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FILE_NOT_FOUND/);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('usage errors', () => {
  it('exits 2 on an unknown command or option', async () => {
    expect((await oba(['frobnicate'])).code).toBe(2);
    expect((await oba(['list', '--no-such-option'])).code).toBe(2);
  });

  it('exits 2 with a suggestion for an unknown measure', async () => {
    const run = await oba(['show', 'looked-aftr']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('did you mean looked-after?');
  });

  it('exits 2 on bad baseline options, listing each', async () => {
    const run = await oba(['baseline', 'looked-after', '--method', 'cubic', '--level', '1.5', '--window', '2']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--method must be one of auto, linear, loglinear, logit, holt, not "cubic"');
    expect(run.stderr).toContain('--level must be a level such as 0.95 or 95%, not "1.5"');
    expect(run.stderr).toContain('--window must be a whole number of periods, 3 or more, not "2"');
  });

  it('prints help with an example for every command', async () => {
    for (const command of ['list', 'show', 'validate', 'baseline', 'status', 'report', 'sheet', 'tracker']) {
      const run = await oba([command, '--help']);
      expect(run.code, command).toBe(0);
      expect(run.stdout, command).toMatch(/Example:\n {2}oba /);
    }
  });
});

describe('configuration and plan files that are not UTF-8 text', () => {
  it('says a UTF-16 configuration is UTF-16, and exits 1', async () => {
    const text = 'plan: plan.yaml\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const dir = tempFolder({ 'oba.config.yaml': utf16 });
    const run = await oba(['validate'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^oba\.config\.yaml: the configuration file is UTF-16; save it as UTF-8 text \[CONFIG\]$/m);
  });

  it('counts data files only in the summary', async () => {
    const dir = tempFolder({ 'one.csv': 'measure,area,period,value\nlooked-after,Leeds,2010-03-31,1417\n' });
    const run = await oba(['validate', '--data', 'one.csv'], dir);
    expect(run.stdout).toMatch(/0 errors, 0 warnings in 1 data file \(1 observations\)/);
  });
});
