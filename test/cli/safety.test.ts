/**
 * Hostile names and narratives: Markdown and HTML in an area name and a narrative are escaped,
 * and `../` in a name cannot take output outside the output folder.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oba, tempFolder } from '../helpers/cli.js';

const plan = readFileSync(new URL('../../data/plan.yaml', import.meta.url), 'utf8');
const hostile = '../../<script>alert(1)</script> | *Evil* [x](javascript:alert(1))';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

function fixture(): string {
  const quoted = JSON.stringify(hostile);
  const rows = ['2008', '2009', '2010', '2011', '2012', '2013']
    .map((y, i) => `neet,${JSON.stringify(hostile)},${y},${(9 - i * 0.5).toFixed(1)},,,,`)
    .join('\n');
  return tempFolder({
    'project/plan.yaml': plan.replace('  - { name: Wetherby, type: cluster }', `  - { name: Wetherby, type: cluster }\n  - { name: ${quoted}, type: cluster }`),
    'project/series/neet.csv': `measure,area,period,value,numerator,denominator,status,note\n${rows}\n`,
    'project/narratives/clusters/script-alert-1-script-evil-x-javascript-alert-1/indicator-04.md':
      '---\nindicator: 4\n---\n\n## How are we doing?\n\n<img src=x onerror=alert(1)> | not | a table [click](javascript:alert(1))\n\n# Take over\n',
    'project/oba.config.yaml': 'plan: plan.yaml\ndata: [series/]\nnarratives: narratives/\n',
  });
}

describe('hostile names and narratives', () => {
  it('escapes the area name and narrative and writes only inside --out', async () => {
    const root = fixture();
    const project = join(root, 'project');
    const out = join(root, 'out', 'sheets');
    const run = await oba(['sheet', '--cluster', hostile, '--out', out, '--quiet'], project);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);

    // Nothing was written outside the output folder.
    const written = walk(out).map((f) => relative(out, f));
    expect(written.every((f) => !f.startsWith('..'))).toBe(true);
    expect(readdirSync(root).sort()).toEqual(['out', 'project']);
    expect(readdirSync(join(root, 'out'))).toEqual(['sheets']);

    const folder = readdirSync(out).find((n) => n !== 'index.md' && n !== '.oba-output')!;
    expect(folder).toMatch(/^[a-z0-9-]+$/);
    const sheet = readFileSync(join(out, folder, '04-percentage-of-young-people-neet.md'), 'utf8');
    // No raw HTML, no injected table cell, no javascript: link.
    expect(sheet).not.toMatch(/<script|<img/i);
    expect(sheet).toContain('&lt;script&gt;');
    expect(sheet).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(sheet).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(sheet).toContain('\\| \\*Evil\\*');
    expect(sheet).not.toMatch(/^# Take over/m);
    // Chart text is escaped XML.
    const chart = readFileSync(join(out, folder, 'charts', readdirSync(join(out, folder, 'charts'))[0]!), 'utf8');
    expect(chart).not.toContain('<script');
    expect(chart).toContain('&lt;script&gt;');
  });

  it('writes the same name and narrative into the HTML as text, with no script, handler or javascript: link', async () => {
    const root = fixture();
    const out = join(root, 'out');
    const run = await oba(['sheet', '--cluster', hostile, '--format', 'html', '--out', out, '--quiet'], join(root, 'project'));
    expect(run.code).toBe(0);
    const folder = readdirSync(out).find((n) => n !== '.oba-output')!;
    const html = readFileSync(join(out, folder, 'turn-the-curve.html'), 'utf8');
    expect(html).not.toMatch(/<script|<img|<[^>]*\son\w+=/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // The running header is a CSS string: the name cannot end it or the style element.
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });

  it('refuses an output folder that holds the input data', async () => {
    const root = fixture();
    const project = join(root, 'project');
    const run = await oba(['report', '--out', '.', '--quiet'], project);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/holds input files|files that oba did not write/);
    expect(existsSync(join(project, 'index.md'))).toBe(false);
  });
});
