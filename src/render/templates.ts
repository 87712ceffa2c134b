/**
 * Markdown from templates, with LiquidJS. Templates are given as text (the shell reads the
 * bundled `templates/` folder and a user's own folder, which overrides bundled templates by
 * name), so rendering never touches the file system, the environment or the process.
 *
 * Every `{{ value }}` is escaped for Markdown by default; a template opts out with `| raw`
 * only for text `oba` has already made safe (rendered tables, sanitised narratives).
 */
import { Liquid } from 'liquidjs';
import { escapeMarkdown } from './markdown.js';

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
  render(name: string, data: object): string;
}

const EXTENSION = '.md.liquid';

/** Builds a renderer over a set of templates named like `report-card.md.liquid`. */
export function createRenderer(templates: TemplateSet): Renderer {
  const engine = new Liquid({
    templates: { ...templates },
    extname: EXTENSION,
    outputEscape: (value: unknown) => escapeMarkdown(value === null || value === undefined ? '' : String(value)),
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
  engine.registerFilter('pad', (value: unknown, width: number) => String(value ?? '').padEnd(Number(width) || 0));
  const cache = new Map<string, ReturnType<Liquid['parse']>>();
  return {
    render(name, data) {
      const file = name.endsWith(EXTENSION) ? name : name + EXTENSION;
      const text = templates[file];
      if (text === undefined) throw new TemplateError(file, `no such template; expected one of ${Object.keys(templates).sort().join(', ')}`);
      try {
        let parsed = cache.get(file);
        if (!parsed) {
          parsed = engine.parse(text, file);
          cache.set(file, parsed);
        }
        return engine.renderSync(parsed, data) as string;
      } catch (error) {
        throw new TemplateError(file, error instanceof Error ? error.message.split('\n')[0]! : String(error));
      }
    },
  };
}
