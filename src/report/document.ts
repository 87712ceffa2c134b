/**
 * A pack as one document: its Markdown pages in reading order, with what a one-file format
 * needs besides (a title, a running header, whether it opens with a contents list). The HTML is
 * made from the very Markdown the templates wrote, page by page, with the charts inlined, and
 * laid out by the `pack.html` template (which a user can override like any other). Pure: the
 * caller writes the file, and prints it to PDF if asked.
 */
import type { PackFiles } from '../io/write.js';
import type { Renderer } from '../render/templates.js';
import { markdownPage } from '../render/html-page.js';
import { inlineSvg } from '../render/svg-inline.js';
import { slugify } from '../render/slug.js';

export type PageKind = 'index' | 'card' | 'sheet' | 'tracker';

export interface PackDocument {
  /** The one-file outputs' name, without the extension: `board-pack` gives `board-pack.html`. */
  name: string;
  /** The document's title: the browser tab, the PDF's title, the cover. */
  title: string;
  /** The running header of every printed page: the plan, the area and how recent the data is. */
  header: string;
  /** Whether the document opens with a cover and a contents list. */
  contents: boolean;
  /** The Markdown pages of the pack, in reading order. */
  pages: { path: string; kind: PageKind }[];
}

/** What a builder makes: the pack's files (Markdown and charts) and how they read as one document. */
export interface Pack {
  files: PackFiles;
  document: PackDocument;
}

export interface HtmlOptions {
  /** Who the document is by (the configuration's `author`), if anyone. */
  author?: string;
  /** The program that wrote it, for the `generator` meta element. */
  generator: string;
  /** For print: the page each page of the pack starts on (by page id), shown in the contents. */
  pageNumbers?: ReadonlyMap<string, number>;
}

/** The pack as one self-contained HTML page. */
export function packHtml(pack: Pack, renderer: Renderer, options: HtmlOptions): string {
  const { files, document } = pack;
  const ids = pageIds(document.pages.map((p) => p.path));
  const pages = document.pages.map(({ path, kind }) => {
    const id = ids.get(path)!;
    const markdown = files.get(path);
    if (typeof markdown !== 'string') throw new Error(`the document lists ${path}, which the pack does not hold`);
    let charts = 0;
    const page = markdownPage(markdown, id, {
      anchor: (target) => {
        const page = ids.get(resolveRelative(path, target));
        return page ? `#${page}` : undefined;
      },
      image: (src, alt) => {
        const svg = files.get(resolveRelative(path, src));
        return typeof svg === 'string' && src.endsWith('.svg') ? inlineSvg(svg, `${id}__c${++charts}`, alt) : undefined;
      },
    });
    return { id, kind, title: page.title, html: page.html };
  });
  return renderer.render('pack.html', {
    title: document.title,
    header: document.header,
    author: options.author ?? '',
    generator: options.generator,
    contents: document.contents ? pages.map(({ id, title }) => ({ id, title, page: options.pageNumbers?.get(id) ?? '' })) : [],
    pages,
  });
}

/** An id for each page, from its file name, unique in the document. */
function pageIds(paths: readonly string[]): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const path of paths) {
    const base = `p-${slugify(path.replace(/\.md$/, ''), 'page')}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    ids.set(path, id);
  }
  return ids;
}

/** A link target relative to the page it is on, as a pack-relative path. */
function resolveRelative(from: string, target: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const part of target.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}
