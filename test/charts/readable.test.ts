/**
 * Charts a board can read, checked on the rendered SVG (see `svg-layout.ts`): no words outside
 * the picture or over other words, plot labels clear of every point, no ISO dates, value axes and
 * bands inside the unit's range, and no key entry without its mark. First on made-up charts at
 * the edges (the plan's longest names and much longer ones, values near 0 and 100%, models that
 * stray outside the range), then on every chart of the bundled pack.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baselineChartSpec, renderSvg, spcChartSpec, type BaselineChartInput, type SpcChartInput } from '../../src/charts/index.js';
import { oba, tempFolder } from '../helpers/cli.js';
import { readTree } from '../helpers/files.js';
import { bundledPlan } from '../helpers/plan.js';
import { attendance, leedsCla, spcExample, weeklyReferrals } from './fixtures.js';
import { readabilityProblems, readChart } from './svg-layout.js';
import { bundledConfigFile } from '../../src/config/config.js';

async function render(spec: Parameters<typeof renderSvg>[0]): Promise<string> {
  const warnings: string[] = [];
  const svg = await renderSvg(spec, { onWarning: (m) => warnings.push(m) });
  expect(warnings).toEqual([]);
  return svg;
}

const longest = (texts: string[]) => texts.reduce((a, b) => (b.length > a.length ? b : a));
const longestTitle = longest(bundledPlan.measures.map((m) => m.title));
const areaNames = [...bundledPlan.areas.map((a) => a.name)].sort((a, b) => b.length - a.length);
const longestArea = areaNames[0]!;
const synthetic = {
  title: `${longestTitle} ${longestTitle} ${longestTitle}`,
  area: 'The Metropolitan Borough of Somewhere with an Exceedingly Long Name and its Neighbouring Localities',
  word: 'Unbrokenwordthatisfartoowidetofitanywhereonthechartatallwhateverthelayouttries',
};

/** A chart with every kind of mark, so every label and key entry is in play. */
function everything(title: string, comparatorNames: string[]): BaselineChartInput {
  return {
    ...attendance,
    title,
    history: attendance.history.map((p) => (p.t === 2011 ? { ...p, marker: 'b', illustrative: true } : p.t === 2006 ? { ...p, illustrative: true } : p)),
    comparators: attendance.comparators!.concat(attendance.comparators!).slice(0, comparatorNames.length).map((c, i) => ({ ...c, name: comparatorNames[i]! })),
  };
}

describe('readable charts: made-up edge cases', () => {
  const cases: [string, () => BaselineChartInput][] = [
    ['the plan’s longest measure title and area name', () => everything(`${longestTitle}, ${longestArea}`, areaNames.slice(0, 4))],
    ['much longer titles and names', () => everything(synthetic.title + ', ' + synthetic.area, [synthetic.area, synthetic.word, `${synthetic.area} (average)`, longestArea])],
    ['a word too long for any line', () => everything(synthetic.word + synthetic.word, [synthetic.word + synthetic.word])],
    ['Leeds children looked after', () => leedsCla],
    ['a weekly series of 400 points', () => weeklyReferrals()],
    [
      'a percentage near 100 with a forecast band beyond it',
      () => ({
        ...attendance,
        comparators: undefined,
        history: attendance.history.map((p) => ({ ...p, value: p.value === null ? null : Math.min(99.9, p.value + 5.5) })),
        forecast: attendance.forecast.map((f) => ({ ...f, value: 99.5, lower: 98.1, upper: 101.7 })),
        trajectory: undefined,
        target: { label: '2013/14', t: 2013, value: 100 },
      }),
    ],
    [
      'a count near zero with a forecast band below it',
      () => ({
        ...leedsCla,
        history: leedsCla.history.map((p, i) => ({ ...p, value: [9, 6, 4, 3, 2, 1, 0, 1][i]! })),
        forecast: leedsCla.forecast.map((f) => ({ ...f, value: 0.5, lower: -4, upper: 5 })),
        trajectory: leedsCla.trajectory!.map((p) => ({ ...p, value: 0 })),
        target: { label: '2015', t: 2015, value: 0 },
      }),
    ],
  ];
  it.each(cases)('%s', async (_, build) => {
    const input = build();
    const svg = await render(baselineChartSpec(input));
    expect(readabilityProblems(svg, { percent: input.percent })).toEqual([]);
  });

  it('wraps a long comparator name onto more key lines rather than cutting it', async () => {
    const name = `${synthetic.area} and ${synthetic.area}`;
    const svg = await render(baselineChartSpec(everything('A chart', [name])));
    const keyWords = readChart(svg).texts.filter((t) => t.layer === 'key_labels').map((t) => t.text);
    // Every word of the name is there, in order, over two or more lines.
    const start = keyWords.findIndex((t) => name.startsWith(t));
    expect(start).toBeGreaterThanOrEqual(0);
    const lines: string[] = [];
    for (let i = start; i < keyWords.length && lines.join(' ').length < name.length; i++) lines.push(keyWords[i]!);
    expect(lines.join(' ')).toBe(name);
    expect(lines.length).toBeGreaterThan(1);
  });

  it('starts a count’s axis at zero when the values are spread, and cuts it, saying so, when they are not', async () => {
    const spread = readChart(await render(baselineChartSpec({ ...leedsCla, history: leedsCla.history.map((p, i) => ({ ...p, value: 500 + i * 150 })) })));
    expect(spread.yLabels[0]).toBe('0');
    expect(spread.texts.some((t) => /axis starts/.test(t.text))).toBe(false);
    const narrow = readChart(await render(baselineChartSpec(leedsCla)));
    expect(narrow.yLabels[0]).not.toBe('0');
    expect(narrow.texts.map((t) => t.text)).toContain(`children (axis starts at ${narrow.yLabels[0]})`);
    expect(narrow.drawn.has('axis_break')).toBe(true);
  });

  it('places the target label clear of the latest value even when they coincide', async () => {
    // The latest value is on target, with a flag code to place as well.
    const input = { ...leedsCla, history: leedsCla.history.map((p) => (p.t === 2015 ? { ...p, value: 1250 } : p)) };
    const chart = readChart(await render(baselineChartSpec(input)));
    const label = chart.texts.find((t) => t.layer === 'target_label')!;
    const latest = chart.symbols.find((s) => s.layer === 'history_flagged')!;
    expect(label.box.x1 <= latest.box.x0 || label.box.x0 >= latest.box.x1 || label.box.y1 <= latest.box.y0 || label.box.y0 >= latest.box.y1).toBe(true);
  });

  it('draws no forecast, and names none, when the baseline was too short to forecast', async () => {
    const svg = await render(baselineChartSpec({ ...leedsCla, forecast: [] }));
    const chart = readChart(svg);
    expect(chart.drawn.has('forecast_band')).toBe(false);
    expect(chart.texts.some((t) => t.text.startsWith('forecast'))).toBe(false);
    expect(readabilityProblems(svg)).toEqual([]);
  });

  it('names only the kinds of SPC point drawn, and keeps limits inside the unit’s range', async () => {
    const input: SpcChartInput = {
      ...spcExample,
      points: spcExample.points.map((p) => ({ ...p, value: p.value! / 20, special: p.special === 'neutral' ? null : p.special, illustrative: true })),
      mean: 10.5,
      lower: -1.2,
      upper: 22,
      decimals: 1,
    };
    const svg = await render(spcChartSpec(input));
    const chart = readChart(svg);
    const key = chart.texts.filter((t) => t.layer === 'key_labels').map((t) => t.text);
    expect(key).not.toContain('special cause: neither better nor worse');
    expect(key).toContain('process limits (0.0 and 22.0)');
    expect(key).toContain('dashed: illustrative, not a published figure');
    expect(readabilityProblems(svg)).toEqual([]);
  });
});

describe('readable charts: the whole bundled pack', () => {
  it('report, every cluster sheet and the tracker: nothing unreadable in any chart', async () => {
    const cwd = tempFolder();
    const charts = new Map<string, string>();
    for (const command of [['report'], ['sheet', '--all-clusters'], ['tracker']]) {
      const out = join(cwd, command[0]!);
      const run = await oba([...command, '--config', bundledConfigFile(), '--out', out, '--quiet', '--no-cache'], cwd);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      for (const [path, content] of readTree(out)) if (path.endsWith('.svg')) charts.set(`${command[0]}/${path}`, content);
    }
    expect(charts.size).toBeGreaterThan(500);
    const problems: string[] = [];
    let illustrative = 0;
    for (const [path, svg] of charts) {
      for (const p of readabilityProblems(svg)) problems.push(`${path}: ${p}`);
      // One element a line, so a new value is a small diff.
      if (svg.split('\n').length < 50) problems.push(`${path}: written on ${svg.split('\n').length} lines`);
      if (svg.includes('illustrative, not a published figure')) illustrative++;
    }
    expect(problems).toEqual([]);
    // The bundled series are mostly illustrative: their charts must say so.
    expect(illustrative).toBeGreaterThan(charts.size / 2);
  }, 600_000);
});
