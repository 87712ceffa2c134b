import { describe, expect, it, vi } from 'vitest';
import {
  baselineChartSpec,
  ChartInputError,
  chartId,
  escapeXml,
  finalizeSvg,
  RENDERER_VERSIONS,
  renderSvg,
  sparklineSpec,
  spcChartSpec,
  type BaselineChartInput,
} from '../../src/charts/index.js';
import { dropEmptyMarks } from '../../src/charts/svg.js';
import { attendance, leedsCla, spcExample, weeklyReferrals } from './fixtures.js';
import { childElements, elements, parseXml, textOf, type XmlElement } from './xml.js';


/** Render, failing on any vega or vega-lite warning. */
async function render(spec: Parameters<typeof renderSvg>[0]): Promise<string> {
  const warnings: string[] = [];
  const svg = await renderSvg(spec, { onWarning: (m) => warnings.push(m) });
  expect(warnings).toEqual([]);
  return svg;
}

/** The root's first two element children must be <title> and <desc> with these texts. */
function expectAccessible(svg: string, title: string, description: string): XmlElement {
  const root = parseXml(svg);
  expect(root.name).toBe('svg');
  expect(root.attributes.role).toBe('img');
  const [first, second] = childElements(root);
  expect(first!.name).toBe('title');
  expect(second!.name).toBe('desc');
  expect(textOf(first!)).toBe(title);
  expect(textOf(second!)).toBe(description);
  expect(root.attributes['aria-labelledby']).toBe(`${first!.attributes.id} ${second!.attributes.id}`);
  return root;
}

/** Elements whose class names the Vega-Lite layer `name` (Vega calls its marks `<name>_marks`). */
function marksOf(root: XmlElement, name: string): XmlElement[] {
  const group = [...elements(root)].find((e) => (e.attributes.class ?? '').split(' ').includes(`${name}_marks`));
  return group ? childElements(group) : [];
}

/** The vertices of an SVG path made only of M and L commands, split into its subpaths. */
function subpaths(d: string): [number, number][][] {
  const parts: [number, number][][] = [];
  for (const [, command, x, y] of d.matchAll(/([ML])(-?[\d.]+),(-?[\d.]+)/g)) {
    if (command === 'M') parts.push([]);
    parts[parts.length - 1]!.push([Number(x), Number(y)]);
  }
  return parts;
}

describe('renderSvg: valid, accessible XML', () => {
  it.each([
    ['Leeds children looked after', () => baselineChartSpec(leedsCla), leedsCla.title, leedsCla.description],
    ['attendance, with gaps and comparators', () => baselineChartSpec(attendance), attendance.title, attendance.description],
    ['weekly referrals', () => baselineChartSpec(weeklyReferrals()), weeklyReferrals().title, weeklyReferrals().description],
    ['an SPC chart', () => spcChartSpec(spcExample), spcExample.title, spcExample.description],
  ])('%s', async (_, build, title, description) => {
    const svg = await render(build());
    expectAccessible(svg, title, description);
    expect(svg).toContain(`<!-- drawn by oba with ${RENDERER_VERSIONS} -->`);
    expect(svg).toContain('font-family="Helvetica, Arial, sans-serif"');
  });

  it('a sparkline SVG has a title and a generated description', async () => {
    const svg = await render(sparklineSpec({ values: [1, 3, null, 2] }));
    expectAccessible(svg, 'Sparkline', 'A sparkline of 4 periods: first 1, latest 2, lowest 1, highest 3.');
  });

  it('escapes a hostile title and description: no <script> element, valid XML', async () => {
    const hostile: BaselineChartInput = {
      ...leedsCla,
      title: `</title><script>alert(1)</script> & "quotes" 'apostrophes' <!-- ]]>`,
      description: `</desc><script>alert(2)</script>&amp; \u0001control`,
      unitLabel: '<b>children</b>',
      comparators: [{ name: '<script>England</script>', points: [{ label: '2015', t: 2015, value: 1300 }] }],
    };
    const svg = await render(baselineChartSpec(hostile));
    const root = expectAccessible(svg, hostile.title, `</desc><script>alert(2)</script>&amp; control`);
    expect([...elements(root)].map((e) => e.name)).not.toContain('script');
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('refuses a spec without a title or description', async () => {
    await expect(renderSvg({ mark: 'point', data: { values: [] } })).rejects.toBeInstanceOf(ChartInputError);
  });
});

describe('renderSvg: deterministic', () => {
  it('gives byte-identical SVG for the same spec, however renders interleave', async () => {
    const spec = baselineChartSpec(attendance);
    const first = await renderSvg(spec);
    // Other charts rendered in between and at the same time must not leak ids or state.
    const [, again, , andAgain] = await Promise.all([
      renderSvg(spcChartSpec(spcExample)),
      renderSvg(spec),
      renderSvg(baselineChartSpec(leedsCla)),
      renderSvg(baselineChartSpec(attendance)),
    ]);
    expect(again).toBe(first);
    expect(andAgain).toBe(first);
  });

  it('gives the same SVG from a fresh import of the module', async () => {
    const before = await renderSvg(baselineChartSpec(leedsCla));
    vi.resetModules();
    const fresh = await import('../../src/charts/index.js');
    const after = await fresh.renderSvg(fresh.baselineChartSpec(leedsCla));
    expect(after).toBe(before);
  });

  it('contains no random or counter ids and no clock values', async () => {
    const svg = await render(baselineChartSpec(attendance));
    const ids = [...svg.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
    const id = chartId(attendance.title, attendance.description);
    expect(ids).toEqual([`${id}-title`, `${id}-desc`]);
    expect(svg).not.toMatch(/\b20[2-9]\d-\d\d-\d\dT/);
  });

  it('lays text out the same whatever measure vega has (canvas or not)', async () => {
    const vega = (await import('vega')) as unknown as { textMetrics: { width: unknown } };
    const spec = baselineChartSpec(leedsCla);
    const pinned = await renderSvg(spec);
    const before = vega.textMetrics.width;
    vega.textMetrics.width = () => 999; // as if a canvas measured every label as very wide
    try {
      expect(await renderSvg(spec)).toBe(pinned);
    } finally {
      vega.textMetrics.width = before;
    }
  });

  it('puts back vega’s own text measure after drawing', async () => {
    const vega = (await import('vega')) as unknown as { textMetrics: { width: unknown } };
    const before = vega.textMetrics.width;
    await render(baselineChartSpec(leedsCla));
    expect(vega.textMetrics.width).toBe(before);
  });
});

describe('renderSvg: gaps and breaks are gaps, never zeros or joins', () => {
  const input: BaselineChartInput = {
    ...leedsCla,
    history: [
      { label: '2008', t: 2008, value: 1350 },
      { label: '2009', t: 2009, value: 1390 },
      { label: '2010', t: 2010, value: null, marker: 'c' },
      { label: '2011', t: 2011, value: 1448 },
      { label: '2012', t: 2012, value: 1475 },
      { label: '2013', t: 2013, value: 1373, marker: 'b' },
      { label: '2014', t: 2014, value: 1339 },
    ],
    forecast: leedsCla.forecast,
    trajectory: undefined,
    target: undefined,
  };

  /** Every path the layer drew (one per run), as vertex lists. */
  function linePaths(root: XmlElement, name: string): [number, number][][] {
    const groups = [...elements(root)].filter((e) => (e.attributes.class ?? '').split(' ').includes(`${name}_marks`));
    return groups.flatMap((g) => childElements(g)).filter((e) => e.name === 'path').flatMap((p) => subpaths(p.attributes.d!));
  }

  it('draws a run a path: broken at the null and before the break, one vertex per value', async () => {
    const root = parseXml(await render(baselineChartSpec(input)));
    const parts = linePaths(root, 'history_line');
    // 2008–2009 | gap | 2011–2012 | break | 2013–2014
    expect(parts.map((p) => p.length)).toEqual([2, 2, 2]);
    // Every vertex is inside the 260px plot; none sits on the foot where a zero would be drawn.
    for (const [, y] of parts.flat()) {
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThan(260);
    }
    // No path joins 2012 to 2013: no vertex pair of one path is a period apart across the break.
    const x2012 = parts[1]![1]![0];
    const x2013 = parts[2]![0]![0];
    expect(x2013).toBeGreaterThan(x2012);
    expect(marksOf(root, 'history_points')).toHaveLength(6);
    expect(marksOf(root, 'break_marks')).toHaveLength(1);
    const labels = [...elements(root)].filter((e) => e.name === 'text').map(textOf);
    // 1,339–1,475 fills 9% of a zero-based axis: the axis is cut, and says so.
    expect(labels).toContain('number (axis starts at 1,300)'.replace('number', leedsCla.unitLabel));
    expect(labels).toContain('c');
    expect(labels).toContain('break in series');
  });

  it('dashes the segments into and out of an illustrative value, and draws it as a hollow diamond', async () => {
    const spec = baselineChartSpec({
      ...input,
      history: input.history.map((p) => (p.t === 2012 ? { ...p, illustrative: true } : p)),
    });
    const root = parseXml(await render(spec));
    // 2011–2012 and 2012 is also the end of its run (a break follows): one dashed segment.
    expect(linePaths(root, 'history_dashed').map((p) => p.length)).toEqual([2]);
    expect(linePaths(root, 'history_line').map((p) => p.length)).toEqual([2, 2]);
    expect(marksOf(root, 'history_illustrative')).toHaveLength(1);
    const labels = [...elements(root)].filter((e) => e.name === 'text').map(textOf);
    expect(labels).toContain('◇ illustrative, not a published figure');
  });
});

describe('escapeXml and finalizeSvg', () => {
  it('escapes the five XML specials and drops characters XML cannot hold', () => {
    expect(escapeXml(`</title><script>&"'`)).toBe('&lt;/title&gt;&lt;script&gt;&amp;&quot;&apos;');
    expect(escapeXml('a\u0000b\u001Fc\uFFFEd\uD800e')).toBe('abcde');
    expect(escapeXml('tab\tnewline\n😀')).toBe('tab\tnewline\n😀');
  });

  it('replaces the root’s own ARIA attributes and puts <title> and <desc> first', () => {
    const svg = finalizeSvg('<svg xmlns="http://www.w3.org/2000/svg" role="graphics-document" aria-label="x" width="10"><g/></svg>', {
      title: 'A & B',
      description: 'Rising.',
      id: 'c1',
      comment: 'a -- b -',
    });
    expect(svg).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" role="img" aria-labelledby="c1-title c1-desc">' +
        '<title id="c1-title">A &amp; B</title><desc id="c1-desc">Rising.</desc><!-- a - b  --><g/></svg>',
    );
    parseXml(svg);
  });

  it('drops the groups of marks and lines with nothing in them, and nothing else', () => {
    const empty = '<g class="mark-symbol role-mark target_point_marks" role="graphics-symbol" aria-roledescription="symbol mark container"/>';
    const emptyLines = '<g class="mark-group role-scope history_line_pathgroup" role="graphics-object" aria-roledescription="group mark container"/>';
    const drawn = '<g class="mark-symbol role-mark history_points_marks" role="graphics-symbol"><path d="M0,0"/></g>';
    const other = '<g class="mark-group role-axis" role="graphics-symbol"/><g transform="translate(0,0)"/>';
    expect(dropEmptyMarks(`<svg>${empty}${drawn}${emptyLines}${other}</svg>`)).toBe(`<svg>${drawn}${other}</svg>`);
  });

  it('writes no group for a layer a chart leaves empty', async () => {
    const svg = await render(baselineChartSpec({ ...leedsCla, target: undefined, trajectory: undefined }));
    expect(svg).not.toContain('target_point_marks');
    expect(svg).not.toContain('trajectory_line_marks');
    expect(svg).toContain('history_points_marks');
    expect(svg).not.toMatch(/role-(?:mark|scope)[^>]*\/>/);
  });

  it('handles a self-closing root', () => {
    const svg = finalizeSvg('<svg xmlns="http://www.w3.org/2000/svg"/>', { title: 't', description: 'd', id: 'i' });
    expect(parseXml(svg).children).toHaveLength(2);
  });
});
