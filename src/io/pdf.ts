/**
 * Printing a pack's HTML to PDF with an installed Chromium, Chrome or Edge, driven headless by
 * playwright-core: the browser's own print engine lays out the pages (A4, margins, running
 * header and page numbers from the print stylesheet), and its outline gives a bookmark per
 * heading. The page is shown with scripts off and every request refused, so nothing leaves
 * the machine.
 *
 * The browser stamps the time of printing into the PDF; pdf-lib then rewrites the document
 * information: the title, the author, the creator, and a creation date only when the run has
 * one (`--as-of`), so the same input prints the same bytes with the same browser. It also puts
 * back the spaces the browser drops from a bookmark where its heading wraps onto a new line.
 */
import type { Browser } from 'playwright-core';
import { CliError } from '../cli/errors.js';

export interface PdfMetadata {
  title: string;
  author?: string;
  /** What wrote the document, e.g. `oba 0.1.0`. */
  creator: string;
  /** ISO date (YYYY-MM-DD) for the creation date; none is written without one. */
  date?: string;
}

export interface PdfPrinter {
  print(html: string, metadata: PdfMetadata): Promise<Uint8Array>;
  close(): Promise<void>;
}

/**
 * Flags for a headless browser on a machine with no network: no background connections, no
 * first-run work, no GPU. Playwright adds `--headless` and a new empty profile folder.
 */
const FLAGS = ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-extensions', '--mute-audio'];

/** Starts the browser at `executable` headless; a browser that will not start is the user's to fix. */
export async function launchBrowser(executable: string): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launch({ executablePath: executable, args: FLAGS, timeout: 60_000 });
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new CliError(`cannot start the browser ${executable} (${detail}); set OBA_BROWSER to a working Chromium, Chrome or Edge`, 1);
  }
}

/** Pages printed at once: each holds a whole pack's layout in the browser's memory. */
const PAGES_AT_ONCE = 2;

/** A printer over the browser at `executable`, started on the first print and shared by the rest. */
export function pdfPrinter(executable: string): PdfPrinter {
  let browser: Promise<Browser> | undefined;
  let busy = 0;
  const waiting: (() => void)[] = [];
  return {
    async print(html, metadata) {
      // A page at a time per slot; a finished print hands its slot straight to the next in line.
      if (busy < PAGES_AT_ONCE) busy++;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        browser ??= launchBrowser(executable);
        const context = await (await browser).newContext({ javaScriptEnabled: false, offline: true });
        try {
          await context.route('**/*', (route) => route.abort());
          const page = await context.newPage();
          await page.setContent(html, { waitUntil: 'load' });
          const headings = await page.locator('h1, h2, h3, h4, h5, h6').allTextContents();
          const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
          return await withMetadata(pdf, metadata, headings);
        } finally {
          await context.close();
        }
      } finally {
        const next = waiting.shift();
        if (next) next();
        else busy--;
      }
    },
    async close() {
      if (browser) await (await browser.catch(() => undefined))?.close();
    },
  };
}

/**
 * The PDF with its document information set as the run says, no time of printing, and each
 * bookmark titled with the text of its heading (one of `headings`).
 */
export async function withMetadata(pdf: Uint8Array, metadata: PdfMetadata, headings: readonly string[] = []): Promise<Uint8Array> {
  const { PDFDocument, PDFDict, PDFName, PDFRef, PDFString, PDFHexString } = await import('pdf-lib');
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const byLetters = new Map(headings.map((h) => h.replace(/\s+/g, ' ').trim()).map((h) => [h.replace(/\s+/g, ''), h]));
  const retitle = (first: unknown): void => {
    for (let item = first; item instanceof PDFRef; ) {
      const entry = doc.context.lookup(item, PDFDict);
      const title = entry.lookup(PDFName.of('Title'));
      const heading = title instanceof PDFString || title instanceof PDFHexString ? byLetters.get(title.decodeText().replace(/\s+/g, '')) : undefined;
      if (heading) entry.set(PDFName.of('Title'), PDFHexString.fromText(heading));
      retitle(entry.get(PDFName.of('First')));
      item = entry.get(PDFName.of('Next'));
    }
  };
  retitle(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.get(PDFName.of('First')));
  doc.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.author) doc.setAuthor(metadata.author);
  doc.setCreator(metadata.creator);
  if (metadata.date) {
    const date = new Date(`${metadata.date}T00:00:00Z`);
    doc.setCreationDate(date);
    doc.setModificationDate(date);
  } else {
    const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
    info.delete(PDFName.of('CreationDate'));
    info.delete(PDFName.of('ModDate'));
  }
  return doc.save({ useObjectStreams: true });
}

/**
 * The page (from 1) each named destination of a PDF is on: the browser names a destination
 * after the id of every element a link inside the document points to.
 */
export async function destinationPages(pdf: Uint8Array): Promise<Map<string, number>> {
  const { PDFDocument, PDFDict, PDFName, PDFArray, PDFRef } = await import('pdf-lib');
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const pageOf = new Map(doc.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const pages = new Map<string, number>();
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [name, value] of dests?.entries() ?? []) {
    const target = doc.context.lookup(value);
    const array = target instanceof PDFDict ? target.lookup(PDFName.of('D')) : target;
    const page = array instanceof PDFArray ? array.get(0) : undefined;
    const number = page instanceof PDFRef ? pageOf.get(page.toString()) : undefined;
    if (number !== undefined) pages.set(name.decodeText(), number);
  }
  return pages;
}
