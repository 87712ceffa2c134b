import { describe, expect, it } from 'vitest';
import { clampToBounds, MIN_FILL, planValueAxis, tickStep, unitBounds } from '../../src/charts/value-axis.js';
import { boxAround, offsetsAround, placeLabels, segmentHitsBox } from '../../src/charts/placement.js';
import { oneElementPerLine } from '../../src/charts/svg.js';
import { layoutKey } from '../../src/charts/key.js';
import { SIZES } from '../../src/charts/theme.js';
import { parseXml, textOf, elements } from './xml.js';

describe('value axis', () => {
  const counts = unitBounds(false);
  const percent = unitBounds(true);

  it('steps 1, 2 or 5 times a power of ten, as d3’s tickIncrement', () => {
    // 300 / 6 = 50: error 5 ≥ √10 → 5 × 10.
    expect(tickStep(300, 6, 0)).toBe(50);
    // 13.3 / 6 = 2.2: 2.2 ≥ √2 → 2.
    expect(tickStep(13.3, 6, 1)).toBe(2);
    // 0.3 / 6 = 0.05: never finer than the values' decimal places (0 → 1).
    expect(tickStep(0.3, 6, 0)).toBe(1);
  });

  it('starts a count at zero when the values fill enough of a zero-based axis', () => {
    // 500–1,550: (1,550 − 500) / 1,550 = 68% ≥ 40%. Top 1,550 + 4% of 1,550 = 1,612; 1,612 / 6 =
    // 268.7 → step 200 (error 2.69 < √10); ends 0 and 1,800; 1,800 / 6 = 300 → still 200.
    const plan = planValueAxis([500, 1550], counts, 0);
    expect(plan).toEqual({ domain: [0, 1800], ticks: [0, 200, 400, 600, 800, 1000, 1200, 1400, 1600, 1800], step: 200, cut: false });
  });

  it('cuts a count’s axis when zero would flatten the values, and says it is cut', () => {
    // 1,245–1,475 fills (1,475 − 1,245) / 1,475 = 16% < 40%. Padded by 9.2: 1,235.8–1,484.2;
    // 248.4 / 6 = 41.4 → step 50; ends 1,200 and 1,500; 300 / 6 = 50 → step 50.
    const plan = planValueAxis([1245, 1475, 1373], counts, 0);
    expect(plan.domain).toEqual([1200, 1500]);
    expect(plan.ticks).toEqual([1200, 1250, 1300, 1350, 1400, 1450, 1500]);
    expect(plan.cut).toBe(true);
  });

  it('keeps percentages inside 0–100 and counts at 0 or more, whatever the values', () => {
    // A band reaching 101.7% is drawn to 100%.
    const high = planValueAxis([96.5, 99.9, 101.7], percent, 1);
    expect(high.domain[1]).toBe(100);
    expect(Math.max(...high.ticks)).toBeLessThanOrEqual(100);
    expect(high.cut).toBe(true);
    const low = planValueAxis([-4, 0, 9], counts, 0);
    expect(low.domain[0]).toBe(0);
    expect(low.cut).toBe(false);
    expect(clampToBounds(-0.5, counts)).toBe(0);
    expect(clampToBounds(100.2, percent)).toBe(100);
  });

  it('gives a single value room around it', () => {
    const plan = planValueAxis([50, 50], percent, 1);
    expect(plan.domain[0]).toBeLessThan(50);
    expect(plan.domain[1]).toBeGreaterThan(50);
  });

  it('property: the domain holds every value, ticks sit inside it a step apart, and a cut axis leaves the values room', () => {
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    for (let k = 0; k < 500; k++) {
      const isPercent = random() < 0.5;
      const scale = isPercent ? 100 : 10 ** (1 + random() * 4);
      const a = random() * scale;
      const b = random() * scale;
      const values = [a, b, (a + b) / 2];
      const plan = planValueAxis(values, isPercent ? percent : counts, 1);
      expect(plan.domain[0]).toBeGreaterThanOrEqual(0);
      if (isPercent) expect(plan.domain[1]).toBeLessThanOrEqual(100);
      for (const v of values) {
        expect(v).toBeGreaterThanOrEqual(plan.domain[0]);
        expect(v).toBeLessThanOrEqual(plan.domain[1] + 1e-9);
      }
      for (const t of plan.ticks) {
        expect(t).toBeGreaterThanOrEqual(plan.domain[0] - 1e-9);
        expect(t).toBeLessThanOrEqual(plan.domain[1] + 1e-9);
      }
      // Zero-based exactly when the values fill at least MIN_FILL of a zero-based axis.
      const [lo, hi] = [Math.min(a, b), Math.max(a, b)];
      if (hi > 0 && hi - lo >= MIN_FILL * hi) expect(plan.cut).toBe(false);
    }
  });
});

describe('label placement', () => {
  it('tells whether a segment crosses a box', () => {
    const box = boxAround(10, 10, 5);
    expect(segmentHitsBox([0, 0, 20, 20], box)).toBe(true);
    expect(segmentHitsBox([0, 20, 4, 20], box)).toBe(false);
    expect(segmentHitsBox([0, 10, 4, 10], box)).toBe(false);
  });

  it('takes the first position that covers no point and no earlier label', () => {
    // A point right above the anchor rules out the first offset (above); below is clear.
    const offsets = offsetsAround(6, 30, 10);
    const anchor = { x: 100, y: 100 };
    const above = { x: 100, y: 100 + offsets[0]!.dy };
    const [placed] = placeLabels(
      [{ text: 'target 60%', fontSize: 10, bold: true, anchor, offsets }],
      { points: [boxAround(above.x, above.y, 4)], segments: [] },
      400,
      300,
    );
    expect(placed!.y).toBe(100 + offsets[1]!.dy);
    // Two labels wanting the same spot: the second moves.
    const two = placeLabels(
      [
        { text: '[p]', fontSize: 10, anchor, offsets },
        { text: '[r]', fontSize: 10, anchor, offsets },
      ],
      { points: [], segments: [] },
      400,
      300,
    );
    expect(two[0]!.box.y1 <= two[1]!.box.y0 || two[1]!.box.y1 <= two[0]!.box.y0 || two[0]!.box.x1 <= two[1]!.box.x0 || two[1]!.box.x1 <= two[0]!.box.x0).toBe(true);
  });

  it('stays inside the plot: a point at the top edge gets its label below', () => {
    const offsets = offsetsAround(6, 30, 10);
    const [placed] = placeLabels([{ text: 'target 1,250', fontSize: 10, anchor: { x: 200, y: 2 }, offsets }], { points: [], segments: [] }, 400, 300);
    expect(placed!.box.y0).toBeGreaterThanOrEqual(0);
  });
});

describe('key layout', () => {
  const entry = (label: string) => ({ label, glyphs: [] });
  it('wraps an entry too wide for one column onto more lines and makes its row taller', () => {
    const words = Array.from({ length: 30 }, () => 'neighbourhood').join(' ');
    const layout = layoutKey([entry('actual'), entry(words)], 0, 300);
    expect(layout.columns).toBe(1);
    const lines = layout.placed[1]!.lines;
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join(' ')).toBe(words);
    expect(layout.height).toBe(2 * SIZES.keyRow + (lines.length - 1) * SIZES.keyLine);
  });
});

describe('oneElementPerLine', () => {
  it('puts each element on a line of its own, leaving text and its spans untouched', () => {
    const svg = '<svg><title id="t">A &amp; B</title><g><text x="1"><tspan>one</tspan><tspan dy="17">two</tspan></text><path d="M0,0"/></g></svg>';
    const out = oneElementPerLine(svg);
    expect(out).toBe('<svg>\n<title id="t">A &amp; B</title>\n<g>\n<text x="1"><tspan>one</tspan><tspan dy="17">two</tspan></text>\n<path d="M0,0"/>\n</g>\n</svg>');
    const root = parseXml(out);
    expect([...elements(root)].map((e) => (e.name === 'title' || e.name === 'text' ? textOf(e) : e.name))).toEqual(['svg', 'A & B', 'g', 'onetwo', 'tspan', 'tspan', 'path']);
  });

  it('knows an empty or self-closing text from an element whose name starts with "text"', () => {
    const svg = '<svg><text x="1"/><textPath><tspan>a</tspan></textPath><text>b<tspan>c</tspan></text><!-- note --><g/></svg>';
    expect(oneElementPerLine(svg)).toBe('<svg>\n<text x="1"/>\n<textPath>\n<tspan>a</tspan>\n</textPath>\n<text>b<tspan>c</tspan></text>\n<!-- note -->\n<g/>\n</svg>');
    expect(oneElementPerLine('<svg><text></text><g/></svg>')).toBe('<svg>\n<text></text>\n<g/>\n</svg>');
  });
});
