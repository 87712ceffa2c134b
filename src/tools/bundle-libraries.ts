/**
 * The last step of `npm run build`: replaces two compiled modules with bundles of what they
 * import, so that a command loads one file where it loaded hundreds.
 *
 * - `dist/src/stats/distributions.cjs`: the stdlib distribution functions (some 430 small
 *   modules; loading them one by one cost every command that analyses about 0.1 s).
 * - `dist/src/charts/vega-libraries.js`: vega and vega-lite (200-odd modules; about 0.2 s for
 *   every process and chart worker that draws).
 * - `dist/src/config/yaml-library.cjs`: the YAML library (70-odd modules; about 30 ms).
 *
 * The code is the packages' own, unchanged. The licence notices in their sources are kept at the
 * end of each file, and a first comment names the packages bundled, their versions and licences.
 * esbuild's WebAssembly build does the bundling: it runs no install script.
 *
 * A bundle already built from the same entry, lockfile and options is kept: `npx oba` in a clone
 * installs the clone into npx's cache, which runs `prepare` (this build) again, and starting
 * esbuild's WebAssembly alone takes several seconds. That first comment carries the build's
 * stamp; a bundle that `tsc` has overwritten has none, and is built again.
 */
import type { BuildOptions } from 'esbuild-wasm';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from '../io/hash.js';
import { packageRoot } from '../io/package-root.js';

const root = packageRoot();
const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Smaller to read at every start; names are kept, so a stack trace still says where.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'eof',
  logLevel: 'warning',
};

/** The first comment of a bundle: what it holds, where each package's licence is, and the build's stamp. */
function banner(packages: string[], stamp: string): { js: string } {
  const lines = packages.map((name) => {
    const manifest = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string; license: string };
    return ` *   ${name} ${manifest.version} (${manifest.license}; see node_modules/${name}/LICENSE)`;
  });
  return { js: ['/*!', ' * Bundled for oba at build time, unchanged, with the modules they import:', ...lines, ` * (build ${stamp})`, ' */'].join('\n') };
}

const readOrEmpty = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
/** What decides a bundle: this tool, the installed packages (by the lockfile), the entry and the options. */
const inputs = [readFileSync(fileURLToPath(import.meta.url), 'utf8'), readOrEmpty(join(root, 'package-lock.json'))];

async function bundle(entry: string, outfile: string, packages: string[], options: BuildOptions): Promise<void> {
  const entryFile = join(root, entry);
  const out = join(root, outfile);
  const stamp = sha256(...inputs, readFileSync(entryFile, 'utf8'), JSON.stringify(options)).slice(0, 16);
  if (readOrEmpty(out).slice(0, 2048).includes(`(build ${stamp})`)) return;
  const { build } = await import('esbuild-wasm');
  await build({ ...common, ...options, entryPoints: [entryFile], outfile: out, allowOverwrite: true, banner: banner(packages, stamp) });
}

const stdlib = ['normal-quantile', 't-quantile', 'chisquare-quantile', 'f-quantile', 'f-cdf'].map((name) => `@stdlib/stats-base-dists-${name}`);
await bundle('src/stats/distributions.cjs', 'dist/src/stats/distributions.cjs', stdlib, { format: 'cjs' });
await bundle('src/config/yaml-library.cjs', 'dist/src/config/yaml-library.cjs', ['yaml'], { format: 'cjs' });
await bundle('src/charts/vega-libraries.ts', 'dist/src/charts/vega-libraries.js', ['vega', 'vega-lite'], { format: 'esm' });
