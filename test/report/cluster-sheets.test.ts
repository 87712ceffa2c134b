/** A cluster's sheet puts its figure beside the city's, naming the city as every page does. */
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../src/cli/workspace.js';
import { loadTemplates } from '../../src/cli/assets.js';
import { bundledConfigFile } from '../../src/config/config.js';
import { packageRoot } from '../../src/io/package-root.js';
import { createRenderer } from '../../src/render/templates.js';
import { buildClusterSheets } from '../../src/report/cluster-sheets.js';
import { possessive } from '../../src/data/illustrative.js';

describe('a cluster sheet', () => {
  it("gives a count as a share of the city's, with the city's name as the banner writes it", async () => {
    const workspace = await loadWorkspace({ config: bundledConfigFile() }, packageRoot());
    const pack = await buildClusterSheets({
      dataset: workspace.dataset,
      config: workspace.config,
      cluster: 'Seacroft',
      narratives: new Map(),
      renderer: createRenderer(loadTemplates(undefined)),
      renderChart: async () => '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
      indicators: [1],
    });
    const sheet = pack.files.get('01-number-of-children-looked-after.md') as string;
    // Seacroft's 122 of Leeds' real 1,245 at March 2015.
    expect(sheet).toContain("(9.8% of Leeds' 1,245)");
    expect(sheet).toContain("not Leeds' published statistics");
    expect(sheet).not.toContain("Leeds's");
  }, 60_000);
});

describe('possessive', () => {
  it('adds an apostrophe to a name ending in s, and apostrophe s to any other', () => {
    expect(possessive('Leeds')).toBe("Leeds'");
    expect(possessive('St Helens')).toBe("St Helens'");
    expect(possessive('Bradford')).toBe("Bradford's");
  });
});
