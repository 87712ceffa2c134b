/**
 * Renders every SVG chart under a folder to PNG, to look at (a chart's structure is tested; how
 * it reads is judged by eye). Uses `rsvg-convert` from librsvg (Debian: `apt-get install
 * librsvg2-bin`); nothing in the tests needs it.
 *
 *     npm run charts:png -- board-pack            # writes board-pack-png/…/*.png
 *     npm run charts:png -- board-pack --out pngs  # writes pngs/…/*.png
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Every `.svg` file under `folder`, in sorted order. */
function svgFiles(folder: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) out.push(...svgFiles(path));
    else if (name.endsWith('.svg')) out.push(path);
  }
  return out;
}

function main(args: string[]): number {
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  const folder = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--out');
  if (!folder || (outAt >= 0 && !out)) {
    process.stderr.write('usage: npm run charts:png -- <folder of charts> [--out <folder for PNGs>]\n');
    return 2;
  }
  const source = resolve(folder);
  const target = resolve(out ?? `${source.replace(/\/+$/, '')}-png`);
  const probe = spawnSync('rsvg-convert', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    process.stderr.write('charts:png needs rsvg-convert, from librsvg: on Debian or Ubuntu, apt-get install librsvg2-bin\n');
    return 1;
  }
  const files = svgFiles(source);
  for (const file of files) {
    const png = join(target, relative(source, file)).replace(/\.svg$/, '.png');
    mkdirSync(dirname(png), { recursive: true });
    const run = spawnSync('rsvg-convert', ['--zoom', '1.5', '--background-color', 'white', file, '-o', png], { encoding: 'utf8' });
    if (run.status !== 0) {
      process.stderr.write(`${relative(process.cwd(), file)}: rsvg-convert failed: ${run.stderr.trim()}\n`);
      return 1;
    }
  }
  process.stdout.write(`${files.length} charts drawn to PNG in ${relative(process.cwd(), target) || '.'}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
