/**
 * The HTML pages, opened from disk in a real browser: they load nothing from elsewhere, log no
 * error, run no script of their own, every link inside them lands on something, and axe-core
 * finds no serious or critical accessibility problem.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { oba, tempFolder } from '../helpers/cli.js';
import { browserPath, describePrint } from '../helpers/print.js';
import { launchBrowser } from '../../src/io/pdf.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Seen {
  requests: string[];
  errors: string[];
  scripts: number;
  links: { href: string; lands: boolean }[];
  charts: { labelled: boolean }[];
  violations: { id: string; impact: string; targets: string[] }[];
}

async function open(browser: Browser, file: string): Promise<Seen> {
  const page = await browser.newPage();
  const url = pathToFileURL(file).href;
  const seen: Seen = { requests: [], errors: [], scripts: 0, links: [], charts: [], violations: [] };
  page.on('request', (request) => {
    if (request.url() !== url) seen.requests.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(message.text());
  });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  await page.goto(url, { waitUntil: 'load' });
  Object.assign(
    seen,
    await page.evaluate(() => ({
      scripts: document.scripts.length,
      links: [...document.querySelectorAll('a[href]')].map((a) => {
        const href = a.getAttribute('href')!;
        return { href, lands: href.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) !== null : /^(https?:|mailto:)/.test(href) };
      }),
      charts: [...document.querySelectorAll('figure.chart svg')].map((svg) => {
        const ids = (svg.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
        return { labelled: svg.getAttribute('role') === 'img' && ids.length === 2 && ids.every((id) => document.getElementById(id)?.closest('svg') === svg) };
      }),
    })),
  );
  // axe-core is put in by the test; the page itself has no script.
  await page.addScriptTag({ content: axeSource });
  const result = (await page.evaluate(() => (window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }).axe.run(document, { resultTypes: ['violations'] }))) as {
    violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
  };
  seen.violations = result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  await page.close();
  return seen;
}

describePrint('the HTML pages in a browser', () => {
  let browser: Browser;
  let folder: string;
  beforeAll(async () => {
    browser = await launchBrowser(browserPath!);
    folder = tempFolder();
    for (const args of [['report'], ['sheet', '--cluster', 'Seacroft'], ['tracker']]) {
      const run = await oba([...args, '--format', 'html', '--out', join(folder, args[0]!), '--quiet']);
      expect(run.code).toBe(0);
    }
  }, 120_000);
  afterAll(async () => browser?.close());

  it.each([
    ['the board pack', 'report/board-pack.html', 23, 50],
    ["a cluster's sheets", 'sheet/seacroft/turn-the-curve.html', 21, 30],
    ['the tracker', 'tracker/tracker.html', 3, 0],
  ])('%s: loads nothing, logs no error, runs no script, every link lands, every chart is named, no serious axe finding', async (_name, file, charts, links) => {
    const seen = await open(browser, join(folder, file));
    expect(seen.requests).toEqual([]);
    expect(seen.errors).toEqual([]);
    expect(seen.scripts).toBe(0);
    expect(seen.links.length).toBeGreaterThanOrEqual(links);
    expect(seen.links.filter((l) => !l.lands)).toEqual([]);
    expect(seen.charts).toHaveLength(charts);
    expect(seen.charts.every((c) => c.labelled)).toBe(true);
    expect(seen.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'heading-order')).toEqual([]);
  });
});
