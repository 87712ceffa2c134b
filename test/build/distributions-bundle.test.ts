/**
 * The build bundles the stdlib distribution functions into one module (`npm run build`, see
 * src/stats/distributions.cjs). The bundle must compute exactly what the packages do: every
 * function, on a grid of arguments through the tails, bit for bit.
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Distributions = typeof import('../../src/stats/distributions.cjs');

const require = createRequire(import.meta.url);
const bundleFile = new URL('../../dist/src/stats/distributions.cjs', import.meta.url).pathname;
const probabilities = [1e-12, 1e-6, 0.001, 0.025, 0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 0.95, 0.975, 0.999, 1 - 1e-9];
const freedoms = [0.5, 1, 2, 3, 4.5, 7, 10, 30, 120, 1e6];

describe('the bundled distribution functions', () => {
  it('are built (npm run build), as one file with the packages inside and their licence notices kept', () => {
    expect(existsSync(bundleFile), `${bundleFile} is missing: run npm run build`).toBe(true);
    const text = readFileSync(bundleFile, 'utf8');
    expect(text).not.toMatch(/require\(["']@stdlib\//);
    expect(text).toContain('@license Apache-2.0');
    expect(text.slice(0, 600)).toMatch(/@stdlib\/stats-base-dists-t-quantile \d+\.\d+\.\d+ \(Apache-2\.0; see node_modules\/@stdlib\/stats-base-dists-t-quantile\/LICENSE\)/);
  });

  it('give exactly what the packages give', () => {
    const bundled = require(bundleFile) as Distributions;
    const packages = require('../../src/stats/distributions.cjs') as Distributions;
    expect(bundled).not.toBe(packages);
    for (const p of probabilities) {
      expect(bundled.normalQuantile(p, 0, 1)).toBe(packages.normalQuantile(p, 0, 1));
      for (const d1 of freedoms) {
        expect(bundled.tQuantile(p, d1)).toBe(packages.tQuantile(p, d1));
        expect(bundled.chiSquareQuantile(p, d1)).toBe(packages.chiSquareQuantile(p, d1));
        for (const d2 of freedoms) {
          expect(bundled.fQuantile(p, d1, d2)).toBe(packages.fQuantile(p, d1, d2));
          const x = packages.fQuantile(p, d1, d2);
          expect(bundled.fCdf(x, d1, d2)).toBe(packages.fCdf(x, d1, d2));
        }
      }
    }
  });
});
