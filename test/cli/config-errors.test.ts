/**
 * Mistakes in the configuration and plan: every one reported at once, each at its file, line
 * and column; paths read as a person means them; what is refused says why.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oba, tempFolder } from '../helpers/cli.js';

const leedsPlan = readFileSync(join(process.cwd(), 'data', 'plan.yaml'), 'utf8');

describe('configuration and plan errors', () => {
  it('lists every problem in both files at once, each as file:line:column', async () => {
    const config = ['plan: plan.yaml', 'narratives: [a, b]', 'templates: 3', 'plna: x', 'measures:', '  looked-after:', '    target: { valu: 3 }', ''].join('\n');
    // The first measure's unit is on line 35 of the bundled plan, at column 23.
    const plan = leedsPlan.replace('unit: count', 'unit: dozens');
    expect(leedsPlan.split('\n')[34]).toBe('                unit: count');
    const dir = tempFolder({ 'oba.config.yaml': config, 'plan.yaml': plan });
    const run = await oba(['validate'], dir);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('oba.config.yaml:2:13: narratives: expected the path of a folder (relative to this file, absolute, or starting ~/), got a list [CONFIG]');
    expect(lines[1]).toMatch(/^oba\.config\.yaml:3:12: templates: expected the path of a folder/);
    expect(lines[2]).toMatch(/^oba\.config\.yaml:4:1: plna: unknown setting; did you mean plan\?/);
    expect(lines[3]).toMatch(/^oba\.config\.yaml:7:13: measures\.looked-after\.target: give exactly one of value, change or match/);
    expect(lines[4]).toMatch(/^oba\.config\.yaml:7:15: measures\.looked-after\.target: unknown setting "valu"/);
    expect(lines[5]).toBe('plan.yaml:35:23: unit: expected one of count, percent, rate-per-1000, rate-per-10000, rate-per-100000; got "dozens" [PLAN]');
    expect(lines.at(-1)).toBe('✘ 6 errors in the configuration and plan; the data is checked once they are fixed');
  });

  it('checks the source mappings in the same run as the other settings and the plan', async () => {
    const config = 'plan: plan.yaml\nnarratives: [a]\nsources:\n  - file: cla.csv\n    measure: looked-after\n    colums: {}\n';
    const dir = tempFolder({ 'oba.config.yaml': config, 'plan.yaml': leedsPlan.replace('unit: count', 'unit: dozens') });
    const lines = (await oba(['validate'], dir)).stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^oba\.config\.yaml:2:13: narratives: /);
    expect(lines).toContain('oba.config.yaml:6:5: colums: unknown field; did you mean columns? (allowed: preset, file, title, description, measure, measureColumn, measureMap, columns, period, periodFormat, headerRow, filter, areas, wide, markers, emptyAs, periodStatus, note, unknownAreas) [CONFIG]');
    expect(lines.some((l) => l.startsWith('plan.yaml:35:23: unit: '))).toBe(true);
  });

  it('gives the same places as JSON, and on stderr from any other command', async () => {
    const dir = tempFolder({ 'oba.config.yaml': 'plan: plan.yaml\nnarratives: notes/\n', 'plan.yaml': leedsPlan });
    const json = JSON.parse((await oba(['validate', '--json'], dir)).stdout) as { errors: unknown[] };
    expect(json.errors).toEqual([
      { file: 'oba.config.yaml', line: 2, column: 13, code: 'CONFIG', message: `narratives: the folder "notes/" does not exist (looked for ${join(dir, 'notes')}); create it or correct the path` },
    ]);
    const run = await oba(['status'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^oba\.config\.yaml:2:13: narratives: the folder "notes\/" does not exist/);
    expect(run.stderr).toMatch(/\noba: 1 problem in the configuration or plan; fix it and run again/);
  });

  it('refuses a __proto__ key anywhere, at its place, saying why', async () => {
    const dir = tempFolder({ 'oba.config.yaml': 'plan: plan.yaml\nmeasures:\n  __proto__: { target: { value: 3 } }\n', 'plan.yaml': leedsPlan });
    const run = await oba(['validate'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^oba\.config\.yaml:3:3: a key named "__proto__" is refused: in JavaScript it would reach every object's prototype/m);
  });

  it('says a narratives: that names a file is not a folder', async () => {
    const dir = tempFolder({ 'oba.config.yaml': 'plan: plan.yaml\nnarratives: plan.yaml\n', 'plan.yaml': leedsPlan });
    const run = await oba(['validate'], dir);
    expect(run.stdout).toContain('oba.config.yaml:2:13: narratives: "plan.yaml" is a file, not a folder; give the folder that holds the files [CONFIG]');
  });
});

describe('paths in the configuration', () => {
  const row = 'measure,area,period,value\nlooked-after,Leeds,2010-03-31,1417\n';
  it('reads absolute paths as they are and ../ from the configuration folder', async () => {
    const root = tempFolder({ 'shared/a.csv': row, 'elsewhere/b.csv': row.replace('2010', '2011'), 'project/plan.yaml': leedsPlan });
    const config = `plan: plan.yaml\ndata: [../shared/a.csv, ${join(root, 'elsewhere', 'b.csv')}]\n`;
    const project = join(root, 'project');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(project, 'oba.config.yaml'), config);
    const run = await oba(['validate'], project);
    expect(run.stdout).toContain('0 errors, 0 warnings in 2 data files (2 observations)');
  });

  it('refuses a web address in data:, saying why', async () => {
    const dir = tempFolder({ 'oba.config.yaml': 'plan: plan.yaml\ndata: [https://example.org/cla.csv]\n', 'plan.yaml': leedsPlan });
    const run = await oba(['validate'], dir);
    expect(run.stdout).toMatch(/^oba\.config\.yaml:2:8: "https:\/\/example\.org\/cla\.csv" is a web address; oba reads files on this computer only and fetches nothing, so download the file and give its path \[CONFIG\]$/m);
  });
});
