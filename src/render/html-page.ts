/**
 * One Markdown page of a pack as an HTML fragment, through markdown-it, for a document that
 * holds many pages. Raw HTML in the Markdown is not passed through (the templates escape data,
 * narratives are sanitised); what the page needs beyond plain Markdown is done on markdown-it's
 * tokens:
 *
 * - every heading gets an id, unique in the document (the page's id, `--`, the heading's words),
 *   and no heading is more than one level below the one before it, so headings stay in order;
 * - a link to another page of the pack becomes a link to that page's anchor; a link to a page
 *   that is not in the document is kept as its text; web and mail links are kept as they are;
 * - an image is replaced by what the caller makes of it (an inlined chart), and a paragraph
 *   holding only an image becomes a `<figure>`;
 * - header cells say they head a column;
 * - a run of two or more `___` lines (thematic breaks, the writing lines of a printed sheet)
 *   becomes a box with that many ruled lines to write on; any other break stays a break.
 */
import MarkdownIt, { type Token } from 'markdown-it';
import { slugify } from './slug.js';
import { escapeHtml } from './html-escape.js';

export interface PageLinks {
  /** The anchor (`#…`) a link to this pack-relative target goes to, or undefined when it is not in the document. */
  anchor(target: string): string | undefined;
  /** The markup for an image, or undefined when there is none (its alt text is shown instead). */
  image(src: string, alt: string): string | undefined;
}

export interface HtmlPage {
  /** The text of the page's first top-level heading ('' if it has none). */
  title: string;
  html: string;
}

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** Renders `markdown` as the page `id` of a document. */
export function markdownPage(markdown: string, id: string, links: PageLinks): HtmlPage {
  const tokens = md.parse(markdown, {});
  const title = headings(tokens, id);
  for (const token of tokens) {
    if (token.type === 'inline' && token.children) inline(token.children, links);
    if (token.type === 'th_open') token.attrSet('scope', 'col');
  }
  figures(tokens);
  writeIns(tokens);
  return { title, html: md.renderer.render(tokens, md.options, {}) };
}

/** Ids and levels for headings; returns the first h1's text. */
function headings(tokens: Token[], pageId: string): string {
  const used = new Set<string>();
  let previous = 0;
  let title = '';
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    if (open.type !== 'heading_open') continue;
    const text = plainText(tokens[i + 1]!);
    const level = Math.min(Number(open.tag.slice(1)), previous + 1);
    previous = level;
    open.tag = tokens[i + 2]!.tag = `h${level}`;
    if (level === 1 && title === '') title = text;
    const base = `${pageId}--${slugify(text, 'section')}`;
    let anchor = base;
    for (let n = 2; used.has(anchor); n++) anchor = `${base}-${n}`;
    used.add(anchor);
    open.attrSet('id', anchor);
  }
  return title;
}

function plainText(inline: Token): string {
  return (inline.children ?? [])
    .map((t) => (t.type === 'text' || t.type === 'code_inline' ? t.content : t.type === 'softbreak' || t.type === 'hardbreak' ? ' ' : t.type === 'image' ? plainText(t) : ''))
    .join('')
    .trim();
}

function inline(children: Token[], links: PageLinks): void {
  const dropped: Token[] = [];
  for (const token of children) {
    if (token.type === 'link_open') {
      const href = String(token.attrGet('href') ?? '');
      if (/^(https?:|mailto:)/i.test(href)) continue;
      if (href.startsWith('#')) continue;
      const anchor = links.anchor(decodeURI(href.split('#')[0]!));
      if (anchor) token.attrSet('href', anchor);
      else dropped.push(token);
    } else if (token.type === 'link_close' && dropped.length > 0 && token.level === dropped.at(-1)!.level) {
      asText(dropped.pop()!);
      asText(token);
    } else if (token.type === 'image') {
      const alt = plainText(token);
      const markup = links.image(String(token.attrGet('src') ?? ''), alt);
      token.type = 'html_inline';
      token.content = markup ?? `<em>${escapeHtml(alt)} (not available)</em>`;
      token.children = null;
    }
  }
}

function asText(token: Token): void {
  token.type = 'text';
  token.content = '';
}

/** A paragraph that holds only an inlined image becomes a figure. */
function figures(tokens: Token[]): void {
  for (let i = 1; i + 1 < tokens.length; i++) {
    const [open, body, close] = [tokens[i - 1]!, tokens[i]!, tokens[i + 1]!];
    if (open.type !== 'paragraph_open' || close.type !== 'paragraph_close' || body.type !== 'inline') continue;
    const parts = (body.children ?? []).filter((t) => !(t.type === 'text' && t.content.trim() === '') && t.type !== 'softbreak');
    if (parts.length === 1 && parts[0]!.type === 'html_inline' && parts[0]!.content.startsWith('<svg')) {
      open.tag = close.tag = 'figure';
      open.attrJoin('class', 'chart');
    }
  }
}

/** Runs of `___` breaks become ruled boxes to write in, one line per break. */
function writeIns(tokens: Token[]): void {
  const writingLine = (token: Token | undefined) => token?.type === 'hr' && token.markup.startsWith('_');
  for (let i = 0; i < tokens.length; i++) {
    if (!writingLine(tokens[i])) continue;
    let end = i;
    while (writingLine(tokens[end + 1])) end++;
    const lines = end - i + 1;
    if (lines < 2) continue;
    const box = tokens[i]!;
    box.type = 'html_block';
    box.content = `<div class="write-in" aria-hidden="true">${'<div class="write-line"></div>'.repeat(lines)}</div>\n`;
    tokens.splice(i + 1, lines - 1);
  }
}
