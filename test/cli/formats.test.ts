import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFormats } from '../../src/cli/formats.js';
import { oba, tempFolder } from '../helpers/cli.js';

describe('--format', () => {
  it('reads one format or several, in a fixed order, md by default', () => {
    expect(readFormats(undefined)).toEqual(['md']);
    expect(readFormats('PDF')).toEqual(['pdf']);
    expect(readFormats('pdf, md,html,md')).toEqual(['md', 'html', 'pdf']);
  });

  it('refuses a format it does not know, saying which it knows', async () => {
    expect(() => readFormats('md,docx')).toThrow(/--format "md,docx" is not known; give md, html or pdf/);
    const run = await oba(['report', '--format', 'word', '--out', join(tempFolder(), 'out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^oba: --format "word" is not known/m);
  });

  it('writes only the HTML page with --format html, and the Markdown beside it with md,html', async () => {
    const root = tempFolder();
    expect((await oba(['report', '--format', 'html', '--out', join(root, 'html'), '--quiet'])).code).toBe(0);
    expect(readdirSync(join(root, 'html')).sort()).toEqual(['.oba-output', 'board-pack.html']);
    expect((await oba(['report', '--format', 'md,html', '--out', join(root, 'both'), '--quiet'])).code).toBe(0);
    const both = readdirSync(join(root, 'both'));
    expect(both).toContain('board-pack.html');
    expect(both).toContain('index.md');
    expect(existsSync(join(root, 'both', 'charts', 'looked-after-leeds.svg'))).toBe(true);
    // The same HTML either way, and the same again on a second run.
    const html = readFileSync(join(root, 'html', 'board-pack.html'), 'utf8');
    expect(readFileSync(join(root, 'both', 'board-pack.html'), 'utf8')).toBe(html);
    expect((await oba(['report', '--format', 'html', '--out', join(root, 'again'), '--quiet', '--no-cache'])).code).toBe(0);
    expect(readFileSync(join(root, 'again', 'board-pack.html'), 'utf8')).toBe(html);
  });

  it("lays the HTML out with a user's own page templates when they have them", async () => {
    const data = fileURLToPath(new URL('../../data/', import.meta.url));
    const project = tempFolder({
      'oba.config.yaml': `plan: ${data}plan.yaml\ndata: [${data}series/]\ntemplates: my-templates/\n`,
      'my-templates/pack-style.html.liquid': 'body { font-family: "Council Sans", serif; }',
    });
    expect((await oba(['tracker', '--format', 'html', '--out', 'out', '--quiet'], project)).code).toBe(0);
    const html = readFileSync(join(project, 'out', 'tracker.html'), 'utf8');
    expect(html).toContain('body { font-family: "Council Sans", serif; }');
    expect(html).not.toContain('font-family: Arial');
  });

  it('checks a committed tracker in the formats it was written in', async () => {
    const out = join(tempFolder(), 'tracker');
    expect((await oba(['tracker', '--format', 'html', '--out', out, '--quiet'])).code).toBe(0);
    expect((await oba(['tracker', '--check', '--format', 'html', '--out', out])).code).toBe(0);
    const md = await oba(['tracker', '--check', '--out', out]);
    expect(md.code).toBe(1);
    expect(md.stderr).toContain('tracker.html (no longer written)');
  });

  it('gives one turn-the-curve sheet, with no index, for --indicator', async () => {
    const out = join(tempFolder(), 'out');
    const run = await oba(['sheet', '--cluster', 'Seacroft', '--indicator', '4', '--format', 'md,html', '--out', out, '--quiet']);
    expect(run.code).toBe(0);
    expect(readdirSync(join(out, 'seacroft')).sort()).toEqual(['04-percentage-of-young-people-neet.md', 'charts', 'index.md', 'turn-the-curve.html']);
    const html = readFileSync(join(out, 'seacroft', 'turn-the-curve.html'), 'utf8');
    expect(html.match(/<section class="page page--sheet"/g)).toHaveLength(1);
    expect(html).not.toContain('page--index');
    const bad = await oba(['sheet', '--cluster', 'Seacroft', '--indicator', '4,99', '--out', join(tempFolder(), 'x')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"99" is not an indicator number of the plan; give numbers from 1 to 17/);
  });
});
