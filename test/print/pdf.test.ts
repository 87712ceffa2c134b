/**
 * The PDFs, printed by a real browser and read back with poppler-utils: the board pack from the
 * bundled data (every card and chart, page by page), the golden inputs' pack (metadata, the
 * same bytes twice, one page drawn and compared with a committed picture), and a cluster's
 * turn-the-curve sheets (two A4 pages each).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { oba, tempFolder } from '../helpers/cli.js';
import { describePrint, meanDifference, pageImage, pdfInfo, pdfPages, pdfPageSizes, readPgm, writePgm } from '../helpers/print.js';
import { bundledConfigFile } from '../../src/config/config.js';

const goldenInput = new URL('../golden/input/', import.meta.url).pathname;
const reference = new URL('./reference/golden-card-page.pgm', import.meta.url).pathname;

// A4 is 595.28 × 841.89 points; the browser rounds to whole CSS pixels.
const A4 = { width: 595.28, height: 841.89 };

/** A Markdown page's title: its first line, less the `# ` and Markdown escapes. */
const titleOf = (markdown: string) => markdown.split('\n')[0]!.replace(/^# /, '').replace(/\\(.)/g, '$1');
/** Text with no spaces or hyphens: how lines break (and pdftotext joins them) does not matter. */
const squash = (text: string) => text.replace(/[\s-]+/g, '');
const unescapeHtml = (text: string) => text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

async function build(args: string[], cwd?: string): Promise<string> {
  const out = join(tempFolder(), 'out');
  // Without a folder of its own, the bundled example is named, so no notice says it was fallen back on.
  const config = cwd === undefined ? ['--config', bundledConfigFile()] : [];
  const run = await oba([...args, ...config, '--out', out, '--quiet'], cwd);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return out;
}

/** The titles of the outline's top-level bookmarks. */
async function topBookmarks(file: string): Promise<string[]> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const titles: string[] = [];
  let item = outlines?.get(PDFName.of('First'));
  while (item instanceof PDFRef) {
    const dict = doc.context.lookup(item, PDFDict);
    const title = dict.lookup(PDFName.of('Title'));
    if (title instanceof PDFString || title instanceof PDFHexString) titles.push(title.decodeText());
    item = dict.get(PDFName.of('Next'));
  }
  return titles;
}

describePrint('the board pack as PDF, from the bundled data', () => {
  let out: string;
  let pages: string[];
  let header: string;
  let cards: { path: string; title: string }[];
  beforeAll(async () => {
    out = await build(['report', '--format', 'md,html,pdf']);
    pages = pdfPages(join(out, 'board-pack.pdf'));
    header = unescapeHtml(/<p class="cover-line">([^<]*)<\/p>/.exec(readFileSync(join(out, 'board-pack.html'), 'utf8'))![1]!);
    const paths = ['index.md', ...readdirSync(out).filter((f) => /^\d\d-.*\.md$/.test(f)).sort()];
    cards = paths.map((path) => ({ path, title: titleOf(readFileSync(join(out, path), 'utf8')) }));
  }, 120_000);

  it('is A4 throughout, numbered "Page n of N" on every page', () => {
    const sizes = pdfPageSizes(join(out, 'board-pack.pdf'));
    expect(sizes).toHaveLength(pages.length);
    expect(Number(pdfInfo(join(out, 'board-pack.pdf'))['Pages'])).toBe(pages.length);
    for (const size of sizes) {
      expect(size.width).toBeLessThanOrEqual(A4.width + 0.5);
      expect(size.width).toBeGreaterThan(A4.width - 1);
      expect(size.height).toBeCloseTo(A4.height, 0);
    }
    pages.forEach((text, i) => expect(text.endsWith(`Page ${i + 1} of ${pages.length}`), `page ${i + 1}`).toBe(true));
  });

  it('opens with the contents and their page numbers, then the scorecard, then each report card from a page of its own', () => {
    expect(pages[0]).toContain('Contents');
    for (const card of cards) expect(pages[0]).toContain(card.title);
    // Each card's title comes first on its page, under the running header, in the plan's order.
    const starts = cards.map((card) => pages.findIndex((text) => squash(text).startsWith(squash(`${header} ${card.title}`))));
    expect(starts[0]).toBe(1);
    starts.forEach((page, i) => expect(page, cards[i]!.title).toBeGreaterThan(i === 0 ? 0 : starts[i - 1]!));
    expect(cards).toHaveLength(18);
    // The contents give the page each one starts on.
    const contents = pages[0]!.split(' Contents ')[1]!;
    expect(contents).toBe(`${cards.map((card, i) => `${card.title} ${starts[i]! + 1}`).join(' ')} Page 1 of ${pages.length}`);
  });

  it('draws every chart on its report card', () => {
    const charts = readdirSync(join(out, 'charts'));
    expect(charts.length).toBeGreaterThan(0);
    const starts = cards.map((card) => pages.findIndex((text) => squash(text).startsWith(squash(`${header} ${card.title}`))));
    for (const chart of charts) {
      const title = unescapeHtml(/<title[^>]*>([^<]*)<\/title>/.exec(readFileSync(join(out, 'charts', chart), 'utf8'))![1]!);
      const card = cards.findIndex((c) => readFileSync(join(out, c.path), 'utf8').includes(`(charts/${chart})`));
      expect(card, chart).toBeGreaterThan(0);
      const text = squash(pages.slice(starts[card]!, starts[card + 1] ?? pages.length).join(' '));
      // The chart's own title is drawn in it, as text, below the card's heading for it.
      expect(text.split(squash(title)).length - 1, chart).toBeGreaterThanOrEqual(2);
    }
  });

  it('has a bookmark for the contents, the scorecard and every card', async () => {
    const bookmarks = await topBookmarks(join(out, 'board-pack.pdf'));
    expect(bookmarks.slice(1)).toEqual(cards.map((c) => c.title));
  });
});

describePrint('the board pack as PDF, from the golden inputs', () => {
  let out: string;
  beforeAll(async () => {
    // --no-cache: no cache folder is left among the inputs.
    out = await build(['report', '--format', 'pdf', '--as-of', '2015-03-31', '--no-cache'], goldenInput);
  }, 120_000);

  it('carries the title, the configured author and the --as-of date, and no time of printing', async () => {
    const info = pdfInfo(join(out, 'board-pack.pdf'));
    expect(info['Title']).toBe("Children and Young People's Plan 2011-15: board pack for Leeds");
    expect(info['Author']).toBe("Children's Trust Board (golden test)");
    expect(info['Creator']).toMatch(/^oba \d+\.\d+\.\d+$/);
    expect(info['CreationDate']).toBe('2015-03-31T00:00:00Z');
    const undated = await build(['tracker', '--format', 'pdf', '--no-cache'], goldenInput);
    expect(pdfInfo(join(undated, 'tracker.pdf'))['CreationDate']).toBeUndefined();
  });

  it('prints the same bytes again, and skips a rerun when nothing changed', async () => {
    const again = await build(['report', '--format', 'pdf', '--as-of', '2015-03-31', '--no-cache'], goldenInput);
    expect(readFileSync(join(again, 'board-pack.pdf')).equals(readFileSync(join(out, 'board-pack.pdf')))).toBe(true);
    const rerun = await oba(['report', '--format', 'pdf', '--as-of', '2015-03-31', '--out', out], goldenInput);
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).toMatch(/is up to date \(1 files\)/);
  });

  it('draws the first report card page as the committed picture does', () => {
    // Card 1's first page, drawn at 20 dpi in grey, must match the committed picture to within
    // 3 grey levels on average; the page after it is far further off.
    const first = pdfPages(join(out, 'board-pack.pdf')).findIndex((text) => text.includes('← Back to the scorecard')) + 1;
    expect(first).toBeGreaterThan(2);
    const page = pageImage(join(out, 'board-pack.pdf'), first, 20);
    if (process.env['UPDATE_GOLDEN'] === '1' && !process.env['CI']) writeFileSync(reference, writePgm(page));
    expect(existsSync(reference), 'no reference picture; run with UPDATE_GOLDEN=1').toBe(true);
    const expected = readPgm(readFileSync(reference));
    expect(meanDifference(page, expected)).toBeLessThan(3);
    expect(meanDifference(pageImage(join(out, 'board-pack.pdf'), first + 1, 20), expected)).toBeGreaterThan(6);
  });
});

describePrint('turn-the-curve sheets as PDF', () => {
  it('gives each sheet two A4 pages, the charts and then the questions, after the index', async () => {
    const out = await build(['sheet', '--cluster', 'Seacroft', '--format', 'md,pdf']);
    const folder = join(out, 'seacroft');
    const pages = pdfPages(join(folder, 'turn-the-curve.pdf'));
    const sheets = readdirSync(folder).filter((f) => /^\d\d-.*\.md$/.test(f)).sort();
    expect(sheets.length).toBeGreaterThan(10);
    expect(pages).toHaveLength(1 + 2 * sheets.length);
    expect(pages[0]).toContain('Turn-the-curve sheets: Seacroft');
    sheets.forEach((sheet, i) => {
      const [first, second] = [pages[1 + 2 * i]!, pages[2 + 2 * i]!];
      expect(first, sheet).toContain(titleOf(readFileSync(join(folder, sheet), 'utf8')));
      for (const question of ['1. How are we doing?', '2. What is the story behind the curve?', '3. Who are the partners with a role to play?', '4. What works?', '5. What do we propose to do?']) {
        expect(second, `${sheet}: ${question}`).toContain(question);
      }
    });
    expect(pdfPageSizes(join(folder, 'turn-the-curve.pdf')).every((s) => s.width <= A4.width + 0.5)).toBe(true);
  });
});
