/**
 * `--format md,html,pdf`: which files a pack is written as. Markdown (the default) is the pack's
 * pages and charts as they are; HTML is one self-contained page made from those same pages; PDF
 * is that page printed by an installed browser. One run can write several, from one build.
 */
import type { Pack } from '../report/document.js';
import type { PackFiles } from '../io/write.js';
import type { Renderer } from '../render/templates.js';
import { findBrowser, NO_BROWSER_MESSAGE } from '../io/browser.js';
import { packageVersion } from '../io/package-root.js';
import { CliError } from './errors.js';

export type Format = 'md' | 'html' | 'pdf';
const FORMATS: readonly Format[] = ['md', 'html', 'pdf'];

/** The formats asked for, in a fixed order; `md` when none is given. */
export function readFormats(text: string | undefined): Format[] {
  if (text === undefined) return ['md'];
  const asked = text.split(',').map((f) => f.trim().toLowerCase());
  const unknown = asked.filter((f) => !FORMATS.includes(f as Format));
  if (asked.length === 0 || unknown.length > 0) {
    throw new CliError(`--format "${text}" is not known; give md, html or pdf, or several as md,html,pdf`, 2);
  }
  return FORMATS.filter((f) => asked.includes(f));
}

export interface FormatWriter {
  /** The files `pack` is written as, relative to its folder. */
  files(pack: Pack): Promise<PackFiles>;
  close(): Promise<void>;
}

export interface FormatOptions {
  renderer: Renderer;
  /** The configuration's `author`, for the HTML and PDF. */
  author?: string;
  /** ISO date the run reports as at: the PDF's creation date. */
  date?: string;
}

/**
 * Before any work: a PDF needs a browser, and a run that cannot print should say so at once.
 * Returns the browser to print with, if PDF is asked for.
 */
export function checkFormats(formats: readonly Format[]): string | undefined {
  if (!formats.includes('pdf')) return undefined;
  const browser = findBrowser();
  if (!browser) throw new CliError(NO_BROWSER_MESSAGE, 1);
  return browser;
}

/** Writes packs in `formats`; `browser` (from `checkFormats`) prints the PDFs. */
export async function formatWriter(formats: readonly Format[], browser: string | undefined, options: FormatOptions): Promise<FormatWriter> {
  const generator = `oba ${packageVersion()}`;
  const pdf = formats.includes('pdf') ? await import('../io/pdf.js') : undefined;
  const printer = pdf?.pdfPrinter(browser ?? checkFormats(formats)!);
  const { packHtml } = formats.includes('html') || pdf ? await import('../report/document.js') : { packHtml: undefined };
  const byAuthor = options.author ? { author: options.author } : {};
  return {
    async files(pack) {
      const files: PackFiles = formats.includes('md') ? new Map(pack.files) : new Map();
      if (!packHtml) return files;
      const html = packHtml(pack, options.renderer, { generator, ...byAuthor });
      const name = pack.document.name;
      if (formats.includes('html')) files.set(`${name}.html`, html);
      if (pdf && printer) {
        const metadata = { title: pack.document.title, creator: generator, ...byAuthor, ...(options.date ? { date: options.date } : {}) };
        let printed = await printer.print(html, metadata);
        // The printed contents give each page's number, known only once it is printed: print
        // again with them (and once more should they move a page on, which they should not).
        for (let pass = 0, before = ''; pack.document.contents && pass < 2; pass++) {
          const pageNumbers = await pdf.destinationPages(printed);
          const now = JSON.stringify([...pageNumbers]);
          if (now === before) break;
          before = now;
          printed = await printer.print(packHtml(pack, options.renderer, { generator, pageNumbers, ...byAuthor }), metadata);
        }
        files.set(`${name}.pdf`, printed);
      }
      return files;
    },
    close: async () => printer?.close(),
  };
}
