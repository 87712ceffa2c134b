/**
 * The last step of `npm run build`: bundles `src/stats/distributions.cjs` and the stdlib packages
 * it requires into the one module `dist/src/stats/distributions.cjs`, which the compiled
 * `quantiles.js` loads. The packages are some 430 small modules; loading them one by one cost
 * every command that analyses about 0.1 s before it started. Their licence notices are kept at
 * the end of the file. esbuild's WebAssembly build does the bundling: it runs no install script.
 */
import { build } from 'esbuild-wasm';
import { packageRoot } from '../io/package-root.js';
import { join } from 'node:path';

const root = packageRoot();
await build({
  entryPoints: [join(root, 'src/stats/distributions.cjs')],
  outfile: join(root, 'dist/src/stats/distributions.cjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Smaller to read at every start; names are kept, so a stack trace still says where.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'eof',
  logLevel: 'warning',
});
