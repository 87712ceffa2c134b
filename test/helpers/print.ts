/**
 * What the print tests need: an installed browser (as `oba` finds it) and poppler-utils
 * (`pdfinfo`, `pdftotext`, `pdftoppm`) to read the PDFs back. `.ci/run` installs both. On a
 * machine without them the print tests are skipped with a note, except under CI, where a
 * missing browser fails the run instead of hiding the tests.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { findBrowser } from '../../src/io/browser.js';
import { tempFolder } from './cli.js';

function browser(): string | undefined {
  try {
    return findBrowser();
  } catch {
    return undefined;
  }
}

export const browserPath = browser();
const poppler = spawnSync('pdfinfo', ['-v']).error === undefined;
const missing = [...(browserPath ? [] : ['a browser (Chromium, Chrome or Edge)']), ...(poppler ? [] : ['poppler-utils'])];

/** A describe block that runs only with a browser and poppler-utils, and fails under CI without them. */
export function describePrint(name: string, body: () => void): void {
  if (missing.length === 0) {
    describe(name, body);
  } else if (process.env['CI']) {
    describe(name, () =>
      it('has what the print tests need', () => {
        throw new Error(`${missing.join(' and ')} missing: run \`bash .ci/run\`, which installs them (apt-get install chromium poppler-utils)`);
      }),
    );
  } else {
    describe.skip(`${name} (skipped: ${missing.join(' and ')} not installed)`, body);
  }
}

/** The text of each page of a PDF, whitespace squeezed to single spaces. */
export function pdfPages(file: string): string[] {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return text.split('\f').slice(0, -1).map((page) => page.replace(/\s+/g, ' ').trim());
}

/** Each page's size in points, from `pdfinfo`. */
export function pdfPageSizes(file: string): { width: number; height: number }[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '100000', file], { encoding: 'utf8' });
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

/** The document information `pdfinfo` reads (Title, Author, CreationDate, Pages, ...). */
export function pdfInfo(file: string): Record<string, string> {
  const info = execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' });
  return Object.fromEntries([...info.matchAll(/^([A-Za-z ]+):\s*(.*)$/gm)].map((m) => [m[1]!.trim(), m[2]!.trim()]));
}

export interface Greyscale {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** One page drawn by `pdftoppm` in greyscale at `dpi`, as a PGM image. */
export function pageImage(file: string, page: number, dpi: number): Greyscale {
  const out = join(tempFolder(), 'page');
  execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(dpi), '-gray', '-singlefile', file, out]);
  return readPgm(readFileSync(`${out}.pgm`));
}

/** Reads a binary PGM (P5, 8-bit) image. */
export function readPgm(bytes: Uint8Array): Greyscale {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(Buffer.from(bytes.subarray(0, 40)).toString('latin1'));
  if (!header) throw new Error('not an 8-bit binary PGM image');
  const [width, height] = [Number(header[1]), Number(header[2])];
  return { width, height, pixels: bytes.subarray(header[0].length, header[0].length + width * height) };
}

export function writePgm(image: Greyscale): Uint8Array {
  return Buffer.concat([Buffer.from(`P5\n${image.width} ${image.height}\n255\n`, 'latin1'), image.pixels]);
}

/** How far apart two images of one size are: the mean absolute difference, 0 to 255. */
export function meanDifference(a: Greyscale, b: Greyscale): number {
  if (a.width !== b.width || a.height !== b.height) return 255;
  let sum = 0;
  for (let i = 0; i < a.pixels.length; i++) sum += Math.abs(a.pixels[i]! - b.pixels[i]!);
  return sum / a.pixels.length;
}
