/**
 * Markdown and HTML from templates, with LiquidJS. Templates are given as text (the shell reads
 * the bundled `templates/` folder and a user's own folder, which overrides bundled templates by
 * name), so rendering never touches the file system, the environment or the process.
 *
 * A template's name says what it writes: `report-card.md.liquid` writes Markdown, and every
 * `{{ value }}` in it is escaped for Markdown; `pack.html.liquid` writes HTML, and every value
 * in it is escaped for HTML. A template opts out with `| raw` only for text `oba` has already
 * made safe (rendered tables, sanitised narratives, HTML made from the Markdown pages).
 */
import { Liquid } from 'liquidjs';
import { escapeMarkdown } from './markdown.js';
import { escapeHtml, cssString } from './html-escape.js';

export type TemplateSet = Readonly<Record<string, string>>;

export class TemplateError extends Error {
  constructor(
    readonly template: string,
    message: string,
  ) {
    super(`template ${template}: ${message}`);
    this.name = 'TemplateError';
  }
}

export interface Renderer {
  /** Renders a template by name: `report-card` (Markdown) or `pack.html` (HTML), or the full file name. */
  render(name: string, data: object): string;
}

const MARKDOWN = '.md.liquid';
const HTML = '.html.liquid';

function engine(templates: TemplateSet, extname: string, escape: (text: string) => string): Liquid {
  const liquid = new Liquid({
    templates: { ...templates },
    extname,
    outputEscape: (value: unknown) => escape(value === null || value === undefined ? '' : String(value)),
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    jsTruthy: false,
    // Bounds, so a template mistake cannot hang a run or exhaust memory.
    parseLimit: 1e7,
    renderLimit: 60_000,
    memoryLimit: 1e8,
  });
  // Plain-text helpers templates may use.
  liquid.registerFilter('pad', (value: unknown, width: number) => String(value ?? '').padEnd(Number(width) || 0));
  return liquid;
}

/** Builds a renderer over a set of templates named like `report-card.md.liquid` and `pack.html.liquid`. */
export function createRenderer(templates: TemplateSet): Renderer {
  const markdown = engine(templates, MARKDOWN, escapeMarkdown);
  const html = engine(templates, HTML, escapeHtml);
  // A value inside a `<style>` element, as a CSS string: `content: {{ text | css_string | raw }}`.
  html.registerFilter('css_string', (value: unknown) => cssString(String(value ?? '')));
  const cache = new Map<string, ReturnType<Liquid['parse']>>();
  return {
    render(name, data) {
      const file = name.endsWith('.liquid') ? name : name.endsWith('.html') ? name + '.liquid' : name + MARKDOWN;
      const text = templates[file];
      if (text === undefined) throw new TemplateError(file, `no such template; expected one of ${Object.keys(templates).sort().join(', ')}`);
      const liquid = file.endsWith(HTML) ? html : markdown;
      try {
        let parsed = cache.get(file);
        if (!parsed) {
          parsed = liquid.parse(text, file);
          cache.set(file, parsed);
        }
        return liquid.renderSync(parsed, data) as string;
      } catch (error) {
        throw new TemplateError(file, error instanceof Error ? error.message.split('\n')[0]! : String(error));
      }
    },
  };
}
