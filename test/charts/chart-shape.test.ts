/**
 * Chart shapes: a chart split into its shape and its data, and drawn by swapping the data into a
 * View of its shape, comes out byte for byte as a fresh compile draws it: for every chart of the
 * bundled pack (board pack, every cluster sheet, tracker) and for a sample of a national run.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { baselineChartSpec, spcChartSpec, sparklineSpec } from '../../src/charts/index.js';
import { splitChart } from '../../src/charts/chart-shape.js';
import { createShapeRenderer, renderSvg } from '../../src/charts/render.js';
import { loadWorkspace, type Workspace } from '../../src/cli/workspace.js';
import { loadTemplates } from '../../src/cli/assets.js';
import { createRenderer } from '../../src/render/templates.js';
import { buildBoardPack } from '../../src/report/board-pack.js';
import { buildClusterSheets } from '../../src/report/cluster-sheets.js';
import { buildTracker } from '../../src/report/tracker.js';
import { writeNationalDataset } from '../../src/bench/national-data.js';
import { attendance, leedsCla, spcExample } from './fixtures.js';
import { gcFunction } from '../helpers/gc.js';

const scratch = mkdtempSync(join(tmpdir(), 'oba-shape-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The specs a build asks to be drawn, in order (the build gets a stand-in SVG back). */
function recorder(): { specs: TopLevelSpec[]; renderChart: (spec: TopLevelSpec) => Promise<string> } {
  const specs: TopLevelSpec[] = [];
  return { specs, renderChart: async (spec) => (specs.push(spec), '<svg xmlns="http://www.w3.org/2000/svg"></svg>') };
}

async function packSpecs(workspace: Workspace, areas: string[], withSheetsAndTracker: boolean): Promise<TopLevelSpec[]> {
  const { specs, renderChart } = recorder();
  const renderer = createRenderer(loadTemplates(workspace.config.templatesDir));
  const common = { dataset: workspace.dataset, config: workspace.config, renderChart };
  for (const area of areas) await buildBoardPack({ ...common, area, narratives: new Map(), renderer });
  if (withSheetsAndTracker) {
    for (const cluster of workspace.dataset.areas.filter((a) => a.type === 'cluster')) {
      await buildClusterSheets({ ...common, cluster: cluster.name, narratives: new Map(), renderer });
    }
    await buildTracker({ ...common, area: workspace.plan.city }, renderer);
  }
  return specs;
}

/** Draws every spec both ways and returns the indices where the two differ. */
async function differences(specs: readonly TopLevelSpec[], maxViews: number): Promise<{ differ: number[]; stats: ReturnType<ReturnType<typeof createShapeRenderer>['stats']> }> {
  const shaped = createShapeRenderer({ maxViews });
  const differ: number[] = [];
  try {
    for (const [i, spec] of specs.entries()) {
      if ((await shaped.render(spec)) !== (await renderSvg(spec))) differ.push(i);
    }
    return { differ, stats: shaped.stats() };
  } finally {
    shaped.close();
  }
}

describe('splitChart', () => {
  const other = { ...leedsCla, title: 'Another title, long enough to be wrapped onto a second line of the chart title, or so', history: leedsCla.history.map((p) => ({ ...p, value: p.value! + 40 })) };

  it('gives charts that differ only in words and values the same shape, and their words and values as data', () => {
    const a = splitChart(baselineChartSpec(leedsCla));
    const b = splitChart(baselineChartSpec(other));
    expect(b.key).toBe(a.key);
    expect(a.signals['chart_title']).toEqual(['Children looked after at 31 March, Leeds']);
    expect((b.signals['chart_title'] as string[]).length).toBe(2);
    expect(a.datasets['history_points']).not.toEqual(b.datasets['history_points']);
    expect(a.signals['x_labels']).toEqual(['2008', '2009', '2010', '2011', '2012', '2013', '2014', '2015']);
    expect(a.signals['x_first']).toBe(2008);
    // The key's rows are data too, and its height a signal.
    expect(a.datasets['key_labels']!.length).toBeGreaterThan(3);
    expect(typeof a.signals['key_height']).toBe('number');
    expect(a.key).not.toContain('1,350');
    expect(a.key).not.toContain('Children looked after');
  });

  it('gives charts that leave layers empty, or show another number of decimals, the same shape', () => {
    const a = splitChart(baselineChartSpec(leedsCla));
    const noTarget = splitChart(baselineChartSpec({ ...leedsCla, target: undefined, trajectory: undefined }));
    const oneDecimal = splitChart(baselineChartSpec({ ...leedsCla, decimals: 1 }));
    expect(noTarget.key).toBe(a.key);
    expect(oneDecimal.key).toBe(a.key);
    expect(noTarget.datasets['target']).toEqual([]);
    expect(a.datasets['target']!.length).toBe(1);
    expect([a.signals['y_format'], oneDecimal.signals['y_format']]).toEqual([',.0f', ',.1f']);
    // A percentage's axis differs from a count's only in its labels' sign.
    const percent = splitChart(baselineChartSpec(attendance));
    const count = splitChart(baselineChartSpec({ ...attendance, percent: false }));
    expect(count.key).toBe(percent.key);
    expect([percent.signals['y_suffix'], count.signals['y_suffix']]).toEqual(['%', '']);
  });

  it('gives charts with no comparator, or one, the layers of two, and so one shape', () => {
    const withEngland = { ...leedsCla, comparators: [{ name: 'England', points: leedsCla.history }] };
    const a = splitChart(baselineChartSpec(leedsCla));
    const b = splitChart(baselineChartSpec(withEngland));
    expect(b.key).toBe(a.key);
    expect(a.datasets['comparator_1']).toEqual([]);
    expect(b.datasets['comparator_0']!.length).toBeGreaterThan(0);
  });

  it('gives charts with other layers or of another kind other shapes', () => {
    // Three comparators need layers of their own; an SPC chart is another kind.
    const three = { ...leedsCla, comparators: [1, 2, 3].map((k) => ({ name: `Comparator ${k}`, points: leedsCla.history })) };
    const keys = new Set([leedsCla, three].map((input) => splitChart(baselineChartSpec(input)).key));
    keys.add(splitChart(spcChartSpec(spcExample)).key);
    expect(keys.size).toBe(3);
  });

  it('leaves the spec it splits as it was', () => {
    const spec = baselineChartSpec(leedsCla);
    const copy = structuredClone(spec);
    splitChart(spec);
    expect(spec).toEqual(copy);
  });
});

describe('drawing by shape: byte-identical to a fresh compile', () => {
  it('the fixtures, drawn in turn through one View each', async () => {
    const specs = [baselineChartSpec(leedsCla), spcChartSpec(spcExample), baselineChartSpec(attendance), sparklineSpec({ values: [1, 3, null, 2] }), sparklineSpec({ values: [5, 4] })];
    const { differ, stats } = await differences([...specs, ...[...specs].reverse()], 1);
    expect(differ).toEqual([]);
    // One live View at a time: a View for every draw after a change of shape.
    expect(stats.views).toBe(1);
    // The two baseline charts, one with comparators and one without, share a shape; the SPC
    // chart and the sparklines are two more.
    expect(stats.shapes).toBe(3);
  });

  it('lines drawn in another order than the chart before drew them, as a fresh View orders them', async () => {
    // Two lines grouped by `g`: left then right in the first chart, the other way round in the
    // second. A View keeps a line whose group recurs in its old place; a fresh View draws the
    // lines in the order they first appear in the data (and names the group in each line's label).
    const lines = (first: string, second: string): TopLevelSpec =>
      ({
        $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
        title: 'Two lines',
        description: 'Two lines, grouped',
        width: 200,
        height: 100,
        datasets: {
          rows: [
            { g: first, x: 0, y: 1 },
            { g: first, x: 1, y: 2 },
            { g: second, x: 2, y: 3 },
            { g: second, x: 3, y: 1 },
          ],
        },
        data: { name: 'rows' },
        mark: 'line',
        encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, detail: { field: 'g' } },
      }) as TopLevelSpec;
    const specs = [lines('a', 'b'), lines('b', 'a'), lines('b', 'c'), lines('a', 'b')];
    const { differ, stats } = await differences(specs, 1);
    expect(differ).toEqual([]);
    // A fresh View for the second and fourth charts; the third keeps line b, first in both.
    expect(stats).toMatchObject({ shapes: 1, viewsMade: 3, draws: 4 });
  });

  it('every chart of the bundled pack: board pack, every cluster sheet, the tracker', async () => {
    const workspace = await loadWorkspace({}, process.cwd());
    const specs = await packSpecs(workspace, [workspace.plan.city], true);
    expect(specs.length).toBeGreaterThan(500);
    const { differ, stats } = await differences(specs, 24);
    expect(differ).toEqual([]);
    // Far fewer shapes than charts, and never more live Views than allowed.
    // 551 charts in 4 shapes: charts that leave layers empty, or differ in their axis’s decimals or unit sign, share one.
    expect(stats.shapes).toBeLessThan(8);
    expect(stats.views).toBeLessThanOrEqual(24);
    expect(stats.draws).toBe(specs.length);
  }, 600_000);

  it('a national sample: board packs of placeholder authorities, with few live Views', async () => {
    const planFile = new URL('../../data/plan.yaml', import.meta.url).pathname;
    const written = writeNationalDataset(join(scratch, 'national'), readFileSync(planFile, 'utf8'), { planFile, authorities: 4, clusters: 2, seed: 11 });
    const workspace = await loadWorkspace({ config: written.configFile }, scratch);
    const specs = await packSpecs(workspace, written.authorities, false);
    expect(specs.length).toBeGreaterThan(60);
    const { differ, stats } = await differences(specs, 4);
    expect(differ).toEqual([]);
    expect(stats.views).toBeLessThanOrEqual(4);
  }, 600_000);
});

describe('a live View drawn again and again', () => {
  it('keeps nothing of earlier draws: its memory stays flat over hundreds of draws', async () => {
    const gc = gcFunction();
    // Charts of one shape with values that differ each time, so every draw swaps all the data out.
    const spec = (i: number) => baselineChartSpec({ ...leedsCla, history: leedsCla.history.map((p, k) => ({ ...p, value: p.value! + ((i * 7 + k * 13) % 50) })) });
    const shaped = createShapeRenderer({ maxViews: 1 });
    const heapAfter = async (from: number, draws: number) => {
      for (let i = from; i < from + draws; i++) await shaped.render(spec(i));
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    try {
      const settled = await heapAfter(0, 50);
      const later = await heapAfter(50, 400);
      expect(shaped.stats()).toMatchObject({ shapes: 1, viewsMade: 1, draws: 450 });
      // Vega keeps a swapped-out item until 10,000 have piled up unless told otherwise: about
      // 25 KB a draw of this chart. Allowed: 4 KB a draw, for what the test itself allocates.
      expect((later - settled) / 400).toBeLessThan(4096);
    } finally {
      shaped.close();
    }
  }, 120_000);
});
