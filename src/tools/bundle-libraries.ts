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
 */
import { build, type BuildOptions } from 'esbuild-wasm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** The first comment of a bundle: what it holds, and where each package's licence is. */
function banner(packages: string[]): { js: string } {
  const lines = packages.map((name) => {
    const manifest = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string; license: string };
    return ` *   ${name} ${manifest.version} (${manifest.license}; see node_modules/${name}/LICENSE)`;
  });
  return { js: ['/*!', ' * Bundled for oba at build time, unchanged, with the modules they import:', ...lines, ' */'].join('\n') };
}

const stdlib = ['normal-quantile', 't-quantile', 'chisquare-quantile', 'f-quantile', 'f-cdf'].map((name) => `@stdlib/stats-base-dists-${name}`);
await build({ ...common, entryPoints: [join(root, 'src/stats/distributions.cjs')], outfile: join(root, 'dist/src/stats/distributions.cjs'), format: 'cjs', banner: banner(stdlib) });
await build({ ...common, entryPoints: [join(root, 'src/config/yaml-library.cjs')], outfile: join(root, 'dist/src/config/yaml-library.cjs'), format: 'cjs', banner: banner(['yaml']) });
await build({ ...common, entryPoints: [join(root, 'src/charts/vega-libraries.ts')], outfile: join(root, 'dist/src/charts/vega-libraries.js'), format: 'esm', allowOverwrite: true, banner: banner(['vega', 'vega-lite']) });
