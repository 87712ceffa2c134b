/**
 * Smoke test of the benchmark (`npm run bench`): the whole run on a TINY dataset, checking that
 * every figure comes out as a finite positive number, or as "not available" with a reason. It
 * says nothing about speed; the real bench is not run here.
 *
 * The figures from child processes need the compiled CLI (`dist/`, built by `npm ci` through
 * `prepare`, or `npm run build`); without it they come out "not available" with the reason.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parse-plan.js';
import { ingestCsv } from '../../src/data/ingest.js';
import { loadConfig } from '../../src/config/config.js';
import { authorityName, generateNational, periodYear, trimPlanClusters, writeNationalDataset } from '../../src/bench/national-data.js';
import { changeOneRow, FIGURE_IDS, formatTable, readmeTable, runBench, withoutEmptyLayers, type BenchResult } from '../../src/bench/run.js';
import { baselineChartSpec } from '../../src/charts/index.js';
import { renderSvg } from '../../src/charts/render.js';
import { attendance, leedsCla } from '../charts/fixtures.js';

const root = new URL('../../', import.meta.url);
const planFile = new URL('data/plan.yaml', root).pathname;
const planText = readFileSync(planFile, 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'oba-bench-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the chart floor', () => {
  it('draws each chart from a spec without the layers it leaves empty: the same picture, fewer layers', async () => {
    for (const input of [{ ...leedsCla, target: undefined, trajectory: undefined }, attendance]) {
      const spec = baselineChartSpec(input);
      const trimmed = withoutEmptyLayers(spec);
      const layers = (s: unknown) => ((s as { vconcat: { layer: unknown[] }[] }).vconcat).reduce((n, v) => n + v.layer.length, 0);
      expect(layers(trimmed)).toBeLessThan(layers(spec));
      expect(await renderSvg(trimmed)).toBe(await renderSvg(spec));
    }
  });
});

describe('the national dataset generator', () => {
  const plan = parsePlan(trimPlanClusters(planText, 2), 'plan.yaml');
  const data = generateNational(plan, 7, { authorities: 3, years: 2, planFile: 'plan.yaml' });

  it('is deterministic', () => {
    const again = generateNational(plan, 7, { authorities: 3, years: 2, planFile: 'plan.yaml' });
    expect([...again.files]).toEqual([...data.files]);
    expect(again.configText).toBe(data.configText);
  });

  it('covers every measure, Leeds, England, the clusters and the authorities, in the years asked for', () => {
    expect([...data.files.keys()].sort()).toEqual(plan.measures.map((m) => `${m.id}.csv`).sort());
    expect(plan.areas.filter((a) => a.type === 'cluster')).toHaveLength(2);
    const weekly = data.files.get('looked-after-weekly.csv')!;
    for (const area of ['Leeds', 'England', authorityName(1), authorityName(2), plan.areas.find((a) => a.type === 'cluster')!.name]) {
      expect(weekly).toContain(`\nlooked-after-weekly,${area},2015-W01,`);
    }
    expect(weekly).not.toContain(',2013-W');
    expect(periodYear('2014/15')).toBe(2015);
    expect(data.rows).toBeGreaterThan(0);
    expect(data.bytes).toBe([...data.files.values()].reduce((s, t) => s + Buffer.byteLength(t), 0));
  });

  it('is written as clean oba data under its own configuration', () => {
    const written = writeNationalDataset(join(scratch, 'generated'), planText, { planFile, authorities: 3, clusters: 2, years: 2, seed: 7 });
    expect([...written.files]).toEqual([...data.files]);
    const config = loadConfig(written.configFile);
    const own = parsePlan(readFileSync(config.planFile, 'utf8'), config.planFile);
    expect(config.extraAreas.map((a) => [a.name, a.type])).toEqual([
      [authorityName(1), 'authority'],
      [authorityName(2), 'authority'],
    ]);
    expect(config.dataFiles).toHaveLength(plan.measures.length);
    let rows = 0;
    for (const file of config.dataFiles) {
      const result = ingestCsv(readFileSync(file), file, own, { extraAreas: config.extraAreas });
      expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
      rows += result.observations.length;
    }
    expect(rows).toBe(data.rows);
    expect(written.largest.rows).toBe(data.files.get('looked-after-weekly.csv')!.split('\n').length - 2);
  });

  it('changes exactly one row for the rerun figure', () => {
    const text = data.files.get('looked-after.csv')!;
    const changed = changeOneRow(text, 'Leeds');
    const a = text.split('\n');
    const b = changed.split('\n');
    expect(b).toHaveLength(a.length);
    expect(a.filter((line, i) => line !== b[i])).toHaveLength(1);
  });
});

describe('npm run bench, on a tiny dataset', () => {
  let result: BenchResult;
  const out = join(scratch, 'results');

  it('reports every figure, each a finite positive number or "not available" with a reason', { timeout: 240_000 }, async () => {
    result = await runBench({ date: '2015-03-31T00:00:00.000Z', authorities: 3, clusters: 2, years: 2, iterations: 2, leedsData: 'generated', budgetSeconds: 180, out });
    expect(result.figures.map((f) => f.id).sort()).toEqual([...FIGURE_IDS].sort());
    for (const f of result.figures) {
      if (f.value === null) {
        expect(f.notAvailable, f.id).toMatch(/\S/);
        expect(f.met === null || f.met === false, f.id).toBe(true);
      } else {
        expect(Number.isFinite(f.value), f.id).toBe(true);
        expect(f.value, f.id).toBeGreaterThan(0);
        if (f.goal) expect(typeof f.met, f.id).toBe('boolean');
      }
    }
    // Measured in-process: always there.
    for (const id of ['dataset.rows', 'dataset.bytes', 'ingest.oba', 'ingest.csvParse', 'ingest.ratio', 'chart.oba', 'chart.floor', 'chart.ratio']) {
      expect(result.figures.find((f) => f.id === id)?.value, id).not.toBeNull();
    }
    // From the compiled CLI: there when it is built.
    if (existsSync(new URL('dist/src/cli/main.js', root))) {
      for (const id of ['leeds.wall', 'leeds.peakRss', 'rerun.noChange', 'rerun.oneChanged']) {
        expect(result.figures.find((f) => f.id === id)?.value, id).not.toBeNull();
      }
      // The no-change rerun is the best of its runs, each of which is kept.
      const rerun = result.figures.find((f) => f.id === 'rerun.noChange')!;
      const seconds = rerun.detail!['seconds'] as number[];
      expect(seconds).toHaveLength(3);
      expect(Math.round(rerun.value! * 100) / 100).toBe(Math.min(...seconds));
    }
  });

  it('stamps the date passed in and describes the machine', () => {
    expect(result.date).toBe('2015-03-31T00:00:00.000Z');
    expect(result.machine.cores).toBeGreaterThan(0);
    expect(result.machine.totalMemoryMb).toBeGreaterThan(0);
    expect(result.machine.node).toBe(process.version);
    expect(result.machine.cpu).toMatch(/\S/);
    // One file per measure of the bundled plan.
    expect(result.dataset).toMatchObject({ authorities: 3, clusters: 2, years: 2, files: parsePlan(planText, planFile).measures.length });
  });

  it('writes results.json and prints a table of every figure', () => {
    const written = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as BenchResult;
    expect(written.figures.map((f) => f.id)).toEqual(result.figures.map((f) => f.id));
    const table = formatTable(result);
    for (const f of result.figures) expect(table).toContain(f.label);
    expect(table.split('\n')[0]).toMatch(/^figure\s+value\s+floor\s+ratio\s+goal\s+met\?$/);
    // The README's table: one row a figure (the dataset's size aside), with the floor and ratio where there is one.
    const readme = readmeTable(result);
    for (const f of result.figures.filter((x) => !x.id.startsWith('dataset.'))) expect(readme).toContain(`| ${f.label} |`);
    for (const f of result.figures.filter((x) => x.ratio !== undefined)) expect(readme).toContain(`${f.ratio!.toFixed(2)}×`);
  });
});
