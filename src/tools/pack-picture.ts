/**
 * Draws the picture of the board pack's first two pages that the README shows
 * (`docs/board-pack.png`), from the real output: `oba report --format pdf` on the bundled data,
 * the two pages drawn by pdftoppm (poppler-utils), laid side by side and photographed by the
 * browser that printed them.
 *
 *     npm run picture
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../cli/main.js';
import { processTerminal } from '../cli/terminal.js';
import { findBrowser } from '../io/browser.js';
import { launchBrowser } from '../io/pdf.js';
import { packageRoot } from '../io/package-root.js';

/** Dots per inch of each page in the picture: small, with the layout plain to see. */
const DPI = 56;
const GAP = 16;

async function picture(): Promise<string> {
  const root = packageRoot();
  const work = mkdtempSync(join(tmpdir(), 'oba-picture-'));
  try {
    const pack = join(work, 'board-pack');
    const code = await main(['report', '--format', 'pdf', '--out', pack, '--quiet'], processTerminal(), root);
    if (code !== 0) throw new Error(`oba report exited ${code}`);
    const pages = [1, 2].map((page) => {
      const file = join(work, `page-${page}`);
      execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(DPI), '-png', '-singlefile', join(pack, 'board-pack.pdf'), file]);
      return readFileSync(`${file}.png`).toString('base64');
    });
    const browser = await launchBrowser(findBrowser() ?? 'chromium');
    try {
      const page = await browser.newPage({ viewport: { width: 2 * Math.round((210 / 25.4) * DPI) + 3 * GAP, height: 200 } });
      await page.setContent(
        `<body style="margin:0;padding:${GAP}px;background:#d0d0d0;display:flex;gap:${GAP}px;align-items:flex-start">` +
          pages.map((png) => `<img alt="" style="display:block;box-shadow:0 1px 4px rgba(0,0,0,.4)" src="data:image/png;base64,${png}">`).join('') +
          '</body>',
      );
      const out = join(root, 'docs', 'board-pack.png');
      mkdirSync(join(root, 'docs'), { recursive: true });
      await page.screenshot({ path: out, fullPage: true });
      return out;
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

picture().then(
  (file) => console.log(`Wrote ${file}`),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
