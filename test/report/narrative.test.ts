/** Narratives are untrusted: every link form is checked, and no line or front matter can stall the reader. */
import { describe, expect, it } from 'vitest';
import { parseNarrative, sectionHeading } from '../../src/report/narrative.js';
import { sanitiseNarrative } from '../../src/render/markdown.js';
import MarkdownIt, { type Token } from 'markdown-it';

/** A Markdown reader that, like some viewers, follows any link: to see every target the text makes. */
const reader = new MarkdownIt({ html: false, linkify: false });
reader.validateLink = () => true;

/** Every link and image target CommonMark makes of this text (inline or by reference, in any block). */
function hrefs(markdown: string): string[] {
  const found: string[] = [];
  const visit = (tokens: Token[]) => {
    for (const token of tokens) {
      if (token.type === 'link_open') found.push(String(token.attrGet('href')));
      if (token.type === 'image') found.push(String(token.attrGet('src')));
      if (token.children) visit(token.children);
    }
  };
  visit(reader.parse(markdown, {}));
  return found;
}

describe('links in narratives', () => {
  it('keeps web, mail and relative links in every form', () => {
    const text = sanitiseNarrative('See [the plan](https://example.org/plan_(2011)) and [minutes][m], [mail](mailto:a@b.org).\n\n[m]: minutes/2013.md "Minutes"\n');
    expect(text).toContain('[the plan](https://example.org/plan_(2011))');
    expect(text).toContain('[m]: minutes/2013.md "Minutes"');
    expect(hrefs(text)).toEqual(['https://example.org/plan_(2011)', 'minutes/2013.md', 'mailto:a@b.org']);
  });

  it('drops javascript:, data: and other schemes from inline links, images and reference definitions', () => {
    const hostile = [
      '[a](javascript:alert(1))',
      '![b](data:text/html;base64,PHNjcmlwdD4=)',
      '[c](  JavaScript:alert(1) "title")',
      '[d][x]\n\n[x]: javascript:alert(1)',
      '[e][y]\n\n   [y]:   data:text/html,<script>',
      '[f][z]\n\n[z]:\n  javascript:alert(1)',
      '> [g][q]\n>\n> [q]: vbscript:msgbox',
      '- [h][r]\n\n  [r]: javascript:alert(1)',
      '[i][s\\\\]\n\n[s\\\\]: javascript:alert(1)',
      '[j](jav&#x61;script:alert(1))',
      '[k]: <javascript:alert(1)>\n\n[k]',
    ];
    for (const text of hostile) {
      const safe = sanitiseNarrative(text);
      expect(safe, text).not.toMatch(/\]\(\s*(javascript|data|vbscript):/i);
      expect(hrefs(text).length, `${text} is a link`).toBeGreaterThan(0);
      for (const href of hrefs(safe)) expect(href, `${text} → ${safe}`).not.toMatch(/^\s*(javascript|data|vbscript):/i);
    }
  });

  it('reads a long line with no closing parenthesis or a long run of spaces in one pass', () => {
    // Inputs a backtracking pattern could not finish within the test's time.
    const long = '[x](' + 'a'.repeat(200_000) + ' ' + 'b'.repeat(200_000);
    expect(sanitiseNarrative(long)).toBe(long);
    expect(sectionHeading('## a' + ' '.repeat(200_000) + 'x')).toBe('a' + ' '.repeat(200_000) + 'x');
    const narrative = parseNarrative('## What works' + ' '.repeat(300_000) + '#\n\nText.\n' + ('## a' + ' '.repeat(50_000) + 'x\n').repeat(4), 'n.md');
    expect(narrative.sections.get('What works')).toBe('Text.');
  });
});

describe('section headings', () => {
  it('reads `## ` headings with or without a closing run of #', () => {
    expect(sectionHeading('## Partners')).toBe('Partners');
    expect(sectionHeading('##   What works?   ## ')).toBe('What works?');
    expect(sectionHeading('## C#')).toBe('C#');
    expect(sectionHeading('### Partners')).toBeUndefined();
    expect(sectionHeading('##Partners')).toBeUndefined();
    expect(sectionHeading('## ')).toBeUndefined();
  });
});

describe('front matter', () => {
  it('refuses front matter larger than a few lines could be, without reading it', () => {
    const keys = Array.from({ length: 40_000 }, (_, i) => `k${i}: v`).join('\n');
    const narrative = parseNarrative(`---\n${keys}\n---\n\n## Partners\n\nAll.\n`, 'big.md');
    expect(narrative.problems).toEqual([expect.stringMatching(/^big\.md: the YAML is \d+ KB, more than oba reads \(16 KB\)/)]);
    expect(narrative.sections.get('Partners')).toBe('All.');
  });
});

describe('front matter problems', () => {
  it('are placed at their line in the file, not in the front matter', () => {
    // Line 3 of the file is the second line of the front matter.
    const narrative = parseNarrative('---\nindicator: 1\nowner: a: b\n---\n\n## Partners\n\nText.\n', 'n.md');
    expect(narrative.problems).toEqual(['n.md:3:8: Nested mappings are not allowed in compact mappings; fix the YAML syntax']);
  });
});
