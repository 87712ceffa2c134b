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

describe('renderSvg: missing values are gaps, never zeros', () => {
  const input: BaselineChartInput = {
    ...leedsCla,
    history: [
      { label: '2008', t: 2008, value: 1350 },
      { label: '2009', t: 2009, value: 1390 },
      { label: '2010', t: 2010, value: null, marker: 'c' },
      { label: '2011', t: 2011, value: 1448 },
      { label: '2012', t: 2012, value: 1475 },
    ],
    forecast: leedsCla.forecast,
    trajectory: undefined,
    target: undefined,
  };

  it('breaks the history line at a null: two subpaths, one vertex per value', async () => {
    const root = parseXml(await render(baselineChartSpec(input)));
    const [line] = marksOf(root, 'history_line');
    const parts = subpaths(line!.attributes.d!);
    expect(parts.map((p) => p.length)).toEqual([2, 2]);
    // The plot is 260px tall and the y scale does not reach zero: every vertex is inside it,
    // and no vertex sits on the bottom edge where a zero would be drawn.
    for (const [, y] of parts.flat()) {
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThan(260);
    }
    expect(marksOf(root, 'history_points')).toHaveLength(4);
    // The y axis does not start at zero (nothing is zero).
    const labels = [...elements(root)].filter((e) => e.name === 'text').map(textOf);
    expect(labels).not.toContain('0');
    // The gap's code is written at its foot.
    expect(labels).toContain('c');
  });

  it('(why the spec says so) with `invalid: null`, Vega-Lite 6 draws the null as a vertex', async () => {
    const spec = baselineChartSpec(input) as any;
    spec.vconcat[0].layer.find((l: any) => l.name === 'history_line').mark.invalid = null;
    const root = parseXml(await renderSvg(spec));
    const [line] = marksOf(root, 'history_line');
    expect(subpaths(line!.attributes.d!).map((p) => p.length)).toEqual([5]);
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

  it('handles a self-closing root', () => {
    const svg = finalizeSvg('<svg xmlns="http://www.w3.org/2000/svg"/>', { title: 't', description: 'd', id: 'i' });
    expect(parseXml(svg).children).toHaveLength(2);
  });
});
