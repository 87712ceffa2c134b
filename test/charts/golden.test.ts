/**
 * Golden files: representative charts rendered and compared byte for byte with the committed
 * copies in `test/charts/golden/`, which double as reviewed examples (`git diff` shows what a
 * change does to a chart). Each SVG is stamped with the vega and vega-lite versions it was drawn
 * with; the lockfile pins them, so a version bump shows up here as a reviewed golden change.
 *
 * On a mismatch the new output is written beside the golden file as `<name>-changed.<ext>`
 * (git-ignored) to look at, and the test fails. To accept a change on purpose, run
 *     UPDATE_GOLDEN=1 npx vitest run test/charts/golden.test.ts
 * and review the diff. Never set UPDATE_GOLDEN in CI.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { baselineChartSpec, renderSvg, spcChartSpec } from '../../src/charts/index.js';
import { leedsCla, spcExample } from './fixtures.js';
import { parseXml } from './xml.js';

const update = process.env.UPDATE_GOLDEN === '1';
if (update && process.env.CI) throw new Error('UPDATE_GOLDEN must not be set in CI: golden files are only rewritten by hand.');

function goldenPath(file: string): string {
  return fileURLToPath(new URL(`./golden/${file}`, import.meta.url));
}

/** Compare `actual` with the golden file byte for byte; write `-changed` on a mismatch. */
function expectGolden(file: string, actual: string): void {
  const path = goldenPath(file);
  const changed = path.replace(/(\.[^.]+)$/, '-changed$1');
  if (update) {
    writeFileSync(path, actual);
    rmSync(changed, { force: true });
    return;
  }
  if (!existsSync(path)) throw new Error(`No golden file ${file}. Run UPDATE_GOLDEN=1 npx vitest run test/charts/golden.test.ts and review it.`);
  const expected = readFileSync(path, 'utf8');
  if (expected === actual) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  expect.fail(`${file} differs from its golden file; the new output is in ${changed}. If the change is intended, rerun with UPDATE_GOLDEN=1 and review the diff.`);
}

describe('golden charts', () => {
  it('baseline chart: Leeds children looked after at 31 March 2008–2015, baseline frozen 2012', async () => {
    const spec = baselineChartSpec(leedsCla);
    expectGolden('baseline-chart.vl.json', JSON.stringify(spec, null, 2) + '\n');
    const svg = await renderSvg(spec);
    parseXml(svg);
    expectGolden('baseline-chart.svg', svg + '\n');
  });

  it('SPC chart: re-referrals, monthly', async () => {
    const svg = await renderSvg(spcChartSpec(spcExample));
    parseXml(svg);
    expectGolden('spc-chart.svg', svg + '\n');
  });
});
