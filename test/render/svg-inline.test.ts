import { describe, expect, it } from 'vitest';
import { inlineSvg } from '../../src/render/svg-inline.js';

const chart = (n: number) =>
  `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="t d"><title id="t">Chart ${n}</title><desc id="d">About ${n}</desc>` +
  `<defs><clipPath id="clip1"><rect/></clipPath></defs><g clip-path="url(#clip1)"><use href="#clip1"/><use xlink:href="#other"/></g></svg>`;

describe('inlining an SVG chart', () => {
  it('gives every id the prefix and follows every reference to it', () => {
    const svg = inlineSvg(chart(1), 'p-01__c1', 'Chart 1');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('aria-labelledby="p-01__c1-t p-01__c1-d"');
    expect(svg).toContain('<title id="p-01__c1-t">');
    expect(svg).toContain('clip-path="url(#p-01__c1-clip1)"');
    expect(svg).toContain('<use href="#p-01__c1-clip1"/>');
    // An id the chart does not define is not its to rename.
    expect(svg).toContain('xlink:href="#other"');
  });

  it('lets two copies of one chart share a page without a clash', () => {
    const html = inlineSvg(chart(1), 'a', 'x') + inlineSvg(chart(1), 'b', 'x');
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
  });

  it('drops the ARIA roles and labels of the marks inside a chart, which is one image', () => {
    const svg = inlineSvg('<svg role="img" aria-label="x"><g class="mark" role="graphics-symbol" aria-roledescription="line mark" aria-label="a line"><path role="graphics-object"/></g></svg>', 'c', 'x');
    expect(svg).toBe('<svg role="img" aria-label="x"><g class="mark"><path/></g></svg>');
  });

  it('names a chart that has no accessible name, escaping the name', () => {
    expect(inlineSvg('<svg width="10"><rect/></svg>', 'c', 'A & "B"')).toBe('<svg role="img" aria-label="A &amp; &quot;B&quot;" width="10"><rect/></svg>');
  });
});
