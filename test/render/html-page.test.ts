import { describe, expect, it } from 'vitest';
import { markdownPage, type PageLinks } from '../../src/render/html-page.js';

const links: PageLinks = {
  anchor: (target) => ({ 'index.md': '#p-index', '02-two.md': '#p-02-two' })[target],
  image: (src, alt) => (src === 'charts/a.svg' ? `<svg role="img" aria-label="${alt}"></svg>` : undefined),
};

describe('a Markdown page as HTML', () => {
  it('takes its title from the first top-level heading and gives every heading an id unique on the page', () => {
    const page = markdownPage('# 1. Looked after\n\n## Partners\n\ntext\n\n## Partners\n', 'p-01', links);
    expect(page.title).toBe('1. Looked after');
    expect(page.html).toContain('<h1 id="p-01--1-looked-after">1. Looked after</h1>');
    expect(page.html).toContain('<h2 id="p-01--partners">Partners</h2>');
    expect(page.html).toContain('<h2 id="p-01--partners-2">Partners</h2>');
  });

  it('keeps headings in order: none more than one level below the one before', () => {
    const page = markdownPage('# Card\n\n## Story\n\n#### From the narrative\n\n###### Deeper\n\n## Next\n', 'p', links);
    expect([...page.html.matchAll(/<(h\d)/g)].map((m) => m[1])).toEqual(['h1', 'h2', 'h3', 'h4', 'h2']);
  });

  it('links to other pages of the document by anchor, keeps web links, and keeps links to pages it lacks as text', () => {
    const html = markdownPage('[back](index.md) [next](02-two.md) [web](https://example.org/a) [gone](03-three.md) [mail](mailto:a@b.c)', 'p', links).html;
    expect(html).toContain('<a href="#p-index">back</a>');
    expect(html).toContain('<a href="#p-02-two">next</a>');
    expect(html).toContain('<a href="https://example.org/a">web</a>');
    expect(html).toContain('<a href="mailto:a@b.c">mail</a>');
    expect(html).toContain(' gone ');
    expect(html).not.toContain('03-three');
  });

  it('puts a chart in a figure of its own, and says so when a chart is missing', () => {
    const html = markdownPage('![Baseline chart](charts/a.svg)\n\n![Other chart](charts/b.svg)\n', 'p', links).html;
    expect(html).toContain('<figure class="chart"><svg role="img" aria-label="Baseline chart"></svg></figure>');
    expect(html).toContain('<em>Other chart (not available)</em>');
  });

  it('marks header cells as column headers', () => {
    const html = markdownPage('| a | b |\n|---|---|\n| 1 | 2 |\n', 'p', links).html;
    expect(html).toContain('<th scope="col">a</th>');
    expect(html).toContain('<td>1</td>');
  });

  it('turns a run of ___ lines into a box with that many lines to write on; a --- break stays a break', () => {
    const html = markdownPage('## Story\n\n___\n\n___\n\n___\n\n---\n\nafter\n', 'p', links).html;
    expect(html.match(/class="write-in"/g)).toHaveLength(1);
    expect(html.match(/class="write-line"/g)).toHaveLength(3);
    expect(html.match(/<hr>/g)).toHaveLength(1);
  });

  it('passes no raw HTML through: tags and entities in the text stay text', () => {
    const html = markdownPage('<script>alert(1)</script> <img src=x onerror=y> &lt;b&gt;', 'p', links).html;
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;');
  });
});
