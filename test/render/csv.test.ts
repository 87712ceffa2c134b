import { describe, expect, it } from 'vitest';
import { protectCsvCell } from '../../src/render/csv.js';
import { oba, tempFolder } from '../helpers/cli.js';

describe('CSV written by oba', () => {
  it('prefixes cells a spreadsheet would run as formulas (OWASP CSV injection)', () => {
    for (const cell of ['=1+1', '+1', '-1+2', '@SUM(A1)', '\t=x', '\r=x']) expect(protectCsvCell(cell)).toBe(`'${cell}`);
    for (const cell of ['Leeds', '1,437', 'a=b', '']) expect(protectCsvCell(cell)).toBe(cell);
  });

  it('protects text read from a data file when `oba show --csv` writes it out', async () => {
    const dir = tempFolder({
      'oba.config.yaml': 'plan: plan.yaml\ndata: [d.csv]\n',
      'plan.yaml': (await import('node:fs')).readFileSync(new URL('../../data/plan.yaml', import.meta.url), 'utf8'),
      'd.csv': 'measure,area,period,value,note\nlooked-after,Leeds,2010-03-31,1417,"=HYPERLINK(""http://x"",""y"")"\n',
    });
    const run = await oba(['show', 'looked-after', '--csv'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
  });
});
