/**
 * The build bundles vega and vega-lite into one module (`npm run build`, see
 * src/charts/vega-libraries.ts). The bundle is the packages' own code: it must draw exactly what
 * the packages draw. Charts of every kind the bundled pack has are compiled and drawn with each,
 * and the SVGs compared byte for byte.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { packChartSpecs } from '../../src/bench/run.js';
import * as packages from '../../src/charts/vega-libraries.js';

const bundleFile = new URL('../../dist/src/charts/vega-libraries.js', import.meta.url).pathname;

type Libraries = typeof packages;

async function draw({ vega, vl }: Libraries, spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

describe('the bundled vega and vega-lite', () => {
  it('are built (npm run build), as one file with every module inside, saying what it holds and under which licences', () => {
    expect(existsSync(bundleFile), `${bundleFile} is missing: run npm run build`).toBe(true);
    const text = readFileSync(bundleFile, 'utf8');
    expect(text).not.toMatch(/from\s*["']vega/);
    expect(text.slice(0, 400)).toContain(`vega ${packages.vega.version} (BSD-3-Clause; see node_modules/vega/LICENSE)`);
    expect(text.slice(0, 400)).toContain(`vega-lite ${packages.vl.version} (BSD-3-Clause; see node_modules/vega-lite/LICENSE)`);
  });

  it('draw byte for byte what the packages draw, for charts of every kind in the pack', async () => {
    const bundled = (await import(bundleFile)) as Libraries;
    expect(bundled.vega).not.toBe(packages.vega);
    expect(bundled.vega.version).toBe(packages.vega.version);
    expect(bundled.vl.version).toBe(packages.vl.version);
    const specs = await packChartSpecs();
    // Every seventh chart of the board pack, five clusters' sheets and the tracker: a few of each kind.
    const chosen = specs.filter((_, i) => i % 7 === 0);
    expect(chosen.length).toBeGreaterThan(10);
    for (const spec of chosen) expect(await draw(bundled, spec)).toBe(await draw(packages, spec));
  }, 120_000);
});
