import { describe, expect, it } from 'vitest';
import { baselineChartSpec, ChartInputError, CHART_TEXT, COLOURS, DASHES, spcChartSpec, type BaselineChartInput } from '../../src/charts/index.js';
import { attendance, leedsCla, spcExample, weeklyReferrals } from './fixtures.js';

type Json = Record<string, any>;

/** Deep-frozen copy, so a builder that mutates its input fails. */
function frozen<T>(value: T): T {
  const copy = structuredClone(value);
  const freeze = (v: unknown) => {
    if (v && typeof v === 'object') {
      Object.freeze(v);
      for (const child of Object.values(v)) freeze(child);
    }
  };
  freeze(copy);
  return copy;
}

function plotOf(spec: unknown): Json {
  return (spec as Json).vconcat[0];
}
function keyOf(spec: unknown): Json {
  return (spec as Json).vconcat[1];
}
function layer(spec: unknown, name: string): Json {
  const found = plotOf(spec).layer.find((l: Json) => l.name === name);
  if (!found) throw new Error(`no layer ${name}`);
  return found;
}
function layerNames(spec: unknown): string[] {
  return plotOf(spec).layer.map((l: Json) => l.name);
}
function keyLabels(spec: unknown): string[] {
  return keyOf(spec).layer.find((l: Json) => l.name === 'key_labels').data.values.map((v: Json) => v.text);
}

describe('baselineChartSpec: layers', () => {
  const spec = baselineChartSpec(frozen(leedsCla));

  it('draws the history as a solid blue line, one path a run of joined values', () => {
    const line = layer(spec, 'history_line');
    expect(line.mark.type).toBe('line');
    expect(line.mark.color).toBe(COLOURS.blue);
    expect(line.mark.strokeDash).toBeUndefined();
    expect(line.data).toEqual({ name: 'history_solid' });
    expect(line.encoding.detail).toEqual({ field: 'run', type: 'nominal' });
    // Every value is published and none is missing: one run through all eight.
    expect((spec as Json).datasets.history_solid.map((r: Json) => r.run)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    const points = layer(spec, 'history_points');
    expect(points.mark.shape).toBe('circle');
  });

  it('draws the forecast dashed in orange over its interval band, from the baseline value', () => {
    const forecast = layer(spec, 'forecast_line');
    expect(forecast.mark.strokeDash).toEqual([...DASHES.forecast]);
    expect(forecast.mark.color).toBe(COLOURS.orange);
    const band = layer(spec, 'forecast_band');
    expect(band.mark.type).toBe('area');
    expect(band.mark.opacity).toBeLessThan(0.5);
    expect(band.encoding.y.field).toBe('lower');
    expect(band.encoding.y2.field).toBe('upper');
    const rows = (spec as Json).datasets.forecast;
    expect(rows[0]).toEqual({ t: 2012, label: '2012', value: 1475, lower: 1475, upper: 1475 });
    expect(rows.slice(1)).toEqual(leedsCla.forecast);
  });

  it('draws the trajectory with its own dash and colour, and the target as a star', () => {
    const trajectory = layer(spec, 'trajectory_line');
    expect(trajectory.mark.strokeDash).toEqual([...DASHES.trajectory]);
    expect(trajectory.mark.strokeDash).not.toEqual([...DASHES.forecast]);
    expect(trajectory.mark.color).toBe(COLOURS.green);
    expect(layer(spec, 'target_point').mark.shape).toMatch(/^M/);
    expect((spec as Json).datasets.target_label[0].text).toBe('target 1,250');
  });

  it('marks the baseline period with a vertical rule and a label', () => {
    const rule = layer(spec, 'baseline_rule');
    expect(rule.mark.type).toBe('rule');
    expect(rule.encoding).toBeUndefined(); // only the shared x: a full-height vertical rule
    expect(plotOf(spec).encoding.x.field).toBe('t');
    expect((spec as Json).datasets.baseline).toEqual([{ t: 2012, label: '2012' }]);
    expect((spec as Json).datasets.baseline_label[0].text).toBe('baseline frozen 2012');
    expect(layer(spec, 'baseline_label').mark.type).toBe('text');
  });

  it('draws a flagged value with another shape and its code', () => {
    expect(layer(spec, 'history_flagged').mark.shape).toBe('square');
    expect((spec as Json).datasets.history_flagged).toEqual([{ t: 2015, label: '2015', value: 1245 }]);
    expect((spec as Json).datasets.code_labels.map((r: Json) => r.text)).toEqual(['[p]']);
    // Flagged values are not also drawn as plain points.
    expect((spec as Json).datasets.history_points.map((r: Json) => r.t)).toEqual([2008, 2009, 2010, 2011, 2012, 2013, 2014]);
  });

  it('has a key naming every layer in words', () => {
    expect(keyLabels(spec)).toEqual([
      'actual',
      '[p] provisional',
      'forecast if nothing changes (95% interval)',
      'trajectory to target',
      'target: 1,250 by 2015',
      'baseline frozen 2012',
    ]);
    const notes = keyOf(spec).layer.find((l: Json) => l.name === 'key_footnotes').data.values.map((v: Json) => v.text);
    expect(notes.join(' ')).toContain('[p] provisional: the 2015 figure may be revised');
  });

  it('labels every period on the x axis from t, with fixed sizes, font and locale', () => {
    const x = plotOf(spec).encoding.x;
    expect(x.type).toBe('quantitative');
    expect(x.scale.domain).toEqual([2007.5, 2015.5]);
    expect(x.axis.values).toEqual([2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015]);
    expect(x.axis.labelExpr).toBe(`["2008","2009","2010","2011","2012","2013","2014","2015"][round(datum.value) - 2008] || ''`);
    expect(plotOf(spec).width).toBe(560);
    expect(plotOf(spec).height).toBe(260);
    expect((spec as Json).config.font).toBe('Helvetica, Arial, sans-serif');
    expect((spec as Json).config.locale.number.thousands).toBe(',');
  });

  it('does not change its input (the input is frozen)', () => {
    expect(() => baselineChartSpec(frozen(attendance))).not.toThrow();
  });
});

describe('baselineChartSpec: gaps, markers, comparators', () => {
  const spec = baselineChartSpec(frozen(attendance));
  const data = (spec as Json).datasets;

  it('breaks the line at a missing value and at a period absent from the input', () => {
    // 2008/09 is null and 2012/13 absent: runs 2006–2007 and 2009–2011; 2013/14 stands alone.
    const runs = data.history_solid.map((r: Json) => [r.run, r.t, r.value]);
    expect(runs).toEqual([
      [0, 2006, 91.2],
      [0, 2007, 91.6],
      [1, 2009, 92.4],
      [1, 2010, 93.0],
      [1, 2011, 93.3],
    ]);
    // No null reaches a point layer.
    for (const name of ['history_points', 'history_flagged']) {
      for (const row of data[name]) expect(row.value).not.toBeNull();
    }
    expect(data.missing_labels.map((r: Json) => r.text)).toEqual(['x']);
  });

  it('names gaps, each flag and each comparator in the key', () => {
    expect(keyLabels(spec)).toEqual([
      'actual',
      '[r] revised',
      '[p] provisional',
      'gap: no value ([x] not available)',
      'forecast if nothing changes (95% interval)',
      'trajectory to target',
      'target: 94.5% by 2013/14',
      'baseline frozen 2010/11',
      'England',
      'Statistical neighbours',
    ]);
  });

  it('draws comparators as thin grey lines, each with its own dash', () => {
    const a = layer(spec, 'comparator_0_line');
    const b = layer(spec, 'comparator_1_line');
    expect(a.mark.strokeDash).not.toEqual(b.mark.strokeDash);
    expect(a.mark.strokeWidth).toBeLessThan(layer(spec, 'history_line').mark.strokeWidth);
    expect(a.mark.color).not.toBe(COLOURS.blue);
    expect(a.encoding.detail.field).toBe('run');
  });

  it('writes percentages with a % sign on the y axis, cut near the data and saying so', () => {
    const y = layer(spec, 'history_line').encoding.y;
    expect(y.axis.format).toBe(',.1f');
    expect(y.axis.labelExpr).toBe("datum.label + '%'");
    // Values drawn run from 91.0% to 94.8%: 3.8 points, 4% of a zero-based axis, so it is cut.
    // Padded by 4% of 3.8 (0.152) to 90.848–94.952; 4.104 / 6 ticks = 0.684 (between √10 and √50
    // tenths): step 0.5, ends 90.5 and 95.0; that span, 4.5 / 6 = 0.75 (over √50 tenths), wants
    // step 1, so the ends round out again to 90 and 95.
    expect(y.axis.title).toBe('% of sessions (axis starts at 90.0%)');
    expect(y.scale.domain).toEqual([90, 95]);
    expect(y.axis.values).toEqual([90, 91, 92, 93, 94, 95]);
    expect(y.axis.domain).toBe(true);
    expect(layerNames(spec)).toContain('axis_break');
  });
});

describe('baselineChartSpec: a weekly series of 400 points', () => {
  const spec = baselineChartSpec(weeklyReferrals());

  it('thins the tick labels to a natural step and labels the baseline week', () => {
    const axis = plotOf(spec).encoding.x.axis;
    expect(axis.values.length).toBeLessThanOrEqual(10);
    expect(axis.values).toContain(2295 + 199);
    const steps = new Set(axis.values.slice(1).map((v: number, i: number) => v - axis.values[i]));
    // Labels such as "w/c 30 Dec 2013" are about 80px wide and a week is 560 / 601 ≈ 0.93px, so
    // a label needs about 99 weeks: the natural step is two years (104 weeks), never less.
    expect([...steps]).toEqual([104]);
  });

  it('draws the line without a dot per week, and one code for a run of missing weeks', () => {
    // The layer is there (every baseline chart has it, so charts share a shape), with no rows.
    expect((spec as any).datasets.history_points).toEqual([]);
    expect(layer(spec, 'history_line').mark.strokeWidth).toBeLessThan(2);
    const input = weeklyReferrals();
    // Two missing weeks in a row: one code, not two overprinted.
    expect(input.history[120]!.value).toBeNull();
    expect(input.history[121]!.value).toBeNull();
    expect((spec as Json).datasets.missing_labels.map((r: Json) => r.text)).toEqual(['x']);
  });
});

describe('baselineChartSpec: input checks', () => {
  const cases: [string, (input: BaselineChartInput) => void, RegExp][] = [
    ['a null written as NaN', (i) => (i.history[2]!.value = Number.NaN), /history\[2\]\.value to be a finite number, got NaN/],
    ['periods out of order', (i) => i.history.reverse(), /history in period order with no repeats \(t increasing\), got t = 2014 after t = 2015/],
    ['a fractional period', (i) => (i.history[0]!.t = 2007.5), /history\[0\]\.t to be a whole number/],
    ['two labels for one period', (i) => (i.forecast[0]!.label = '2013/14'), /period 2013 to have one label/],
    ['an interval given in per cent', (i) => (i.interval = 95), /interval between 0 and 1 \(0\.95, not 95\), got 95/],
    ['a forecast outside its interval', (i) => (i.forecast[0]!.lower = 1600), /forecast\[0\] to have lower ≤ value ≤ upper/],
    ['an empty title', (i) => (i.title = ' '), /title to be non-empty text/],
    ['no history', (i) => (i.history = []), /history to have at least one period/],
    [
      'nothing to draw',
      (i) => {
        i.history = i.history.map((p) => ({ ...p, value: null }));
        i.forecast = [];
        delete i.trajectory;
        delete i.target;
      },
      /at least one value to draw/,
    ],
    ['too many comparators', (i) => (i.comparators = Array(5).fill({ name: 'x', points: [] })), /at most 4 comparators, got 5/],
  ];
  it.each(cases)('refuses %s with a coded ChartInputError', (_, change, message) => {
    const input = structuredClone(leedsCla);
    change(input);
    let error: unknown;
    try {
      baselineChartSpec(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ChartInputError);
    expect((error as ChartInputError).message).toMatch(message);
    expect((error as ChartInputError).message).toMatch(/^baselineChartSpec requires /);
  });
});

describe('spcChartSpec', () => {
  const spec = spcChartSpec(frozen(spcExample));

  it('draws the mean solid and the limits dashed, across the whole plot', () => {
    const mean = layer(spec, 'mean_rule');
    const limits = layer(spec, 'limits_rule');
    expect(mean.mark.strokeDash).toBeUndefined();
    expect(limits.mark.strokeDash).toEqual([...DASHES.limits]);
    expect(mean.encoding.x).toBeUndefined();
    expect((spec as Json).datasets.limits.map((r: Json) => r.value)).toEqual([165, 255]);
  });

  it('gives each kind of point its own colour and shape, and names them in the key', () => {
    const kinds = ['common', 'improvement', 'concern', 'neutral'].map((k) => layer(spec, `points_${k}`).mark);
    expect(new Set(kinds.map((m) => m.shape)).size).toBe(4);
    expect(new Set(kinds.map((m) => m.color)).size).toBe(4);
    expect((spec as Json).datasets.points_improvement).toHaveLength(7);
    expect(keyLabels(spec)).toEqual([
      CHART_TEXT.spcCommon,
      CHART_TEXT.spcImprovement,
      CHART_TEXT.spcConcern,
      CHART_TEXT.spcNeutral,
      'mean (210)',
      'process limits (165 and 255)',
    ]);
  });

  it('refuses limits that do not bracket the mean', () => {
    expect(() => spcChartSpec({ ...spcExample, lower: 220 })).toThrow(/spcChartSpec requires lower ≤ mean ≤ upper/);
  });
});
