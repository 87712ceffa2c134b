import { describe, expect, it } from 'vitest';
import { childElements, elements, parseXml, textOf } from './xml.js';

// The checker the chart tests rely on: it must accept well-formed XML and refuse the rest.
describe('parseXml (test helper)', () => {
  it('builds a tree from well-formed XML with comments, CDATA, references and self-closing tags', () => {
    const root = parseXml(
      `<?xml version="1.0"?><!-- c --><svg a="1" b='&lt;2&gt;'><title>A &amp; B &#x263A; &#65;</title><g/><![CDATA[<raw>]]></svg>\n`,
    );
    expect(root.name).toBe('svg');
    expect(root.attributes).toEqual({ a: '1', b: '<2>' });
    const [title, g] = childElements(root);
    expect(title!.name).toBe('title');
    expect(textOf(title!)).toBe('A & B ☺ A');
    expect(g!.name).toBe('g');
    expect([...elements(root)].map((e) => e.name)).toEqual(['svg', 'title', 'g']);
    expect(textOf(root)).toContain('<raw>');
  });

  it.each([
    ['unclosed element', '<a><b></a>'],
    ['mismatched end tag', '<a></b>'],
    ['raw < in text', '<a>1 < 2</a>'],
    ['raw & in text', '<a>R&D</a>'],
    ['unknown entity', '<a>&nbsp;</a>'],
    ['raw < in an attribute', '<a t="<"/>'],
    ['unquoted attribute', '<a t=1/>'],
    ['duplicate attribute', '<a t="1" t="2"/>'],
    ['two roots', '<a/><b/>'],
    ['text outside the root', '<a/>x'],
    ['-- in a comment', '<a><!-- a -- b --></a>'],
    ['forbidden control character', '<a>\u0001</a>'],
    ['reference to a forbidden character', '<a>&#1;</a>'],
    ['no root', '<!-- only a comment -->'],
    ['a DOCTYPE', '<!DOCTYPE svg><svg/>'],
    [']]> in text', '<a>]]></a>'],
  ])('refuses %s', (_, source) => {
    expect(() => parseXml(source)).toThrow(/XML/);
  });
});
