/**
 * The README's examples are kept true: its configuration parses, its `sources:` example reads
 * the real files it names, and its library example gives what it says.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/config.js';
import { parseSourceSpecs } from '../src/data/sources.js';
import { readSourceFile } from '../src/data/read.js';
import { wilsonInterval, rateInterval } from '../src/index.js';
import { bundledPlan } from './helpers/plan.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
const dataDir = fileURLToPath(new URL('../data/', import.meta.url));

describe('README', () => {
  it('gives a configuration that parses', () => {
    const config = blocks.find((b) => b.startsWith('plan: plan.yaml'))!;
    const parsed = parseConfig(config.replace(/^data: \[series\/\].*$/m, 'data: []').replace(/^sources: \[\.\.\.\].*$/m, '').replace(/^templates: .*$/m, ''), `${dataDir}oba.config.yaml`);
    expect(parsed.measures['looked-after']?.target).toEqual({ kind: 'value', value: 1250, by: '2015-03-31', source: 'CYPP 2011-15' });
    expect(parsed.analysis.level).toBe(0.95);
  });

  it('gives a sources: example that reads the real files it names', async () => {
    const block = blocks.find((b) => b.startsWith('sources:'))!;
    const { parseYaml } = await import('../src/config/yaml.js');
    const yaml = parseYaml(block, 'README');
    expect(yaml.ok).toBe(true);
    const { specs, problems } = parseSourceSpecs((yaml as { value: { sources: unknown } }).value.sources, `${dataDir}oba.config.yaml`, bundledPlan);
    expect(problems).toEqual([]);
    const cla = await readSourceFile(specs[0]!, bundledPlan);
    expect(cla.observations.find((o) => o.area === 'Leeds')?.value).toBe(1475);
    const conceptions = await readSourceFile(specs[1]!, bundledPlan);
    const leeds2008 = conceptions.observations.find((o) => o.area === 'Leeds' && o.period.label === '2008');
    expect(leeds2008?.value).toBe(54.5);
    expect(leeds2008?.numerator).toBe(691);
  });

  it('gives library examples that return what it says', () => {
    const w = wilsonInterval(65, 100);
    expect(readme).toContain(`{ lower: ${w.lower.toFixed(4)}…, upper: ${w.upper.toFixed(4)}… }`);
    expect(rateInterval(12, 30000, { multiplier: 100000 })).toMatchObject({ value: 40, method: 'byar' });
  });
});
