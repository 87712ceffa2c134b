/**
 * The bundled Leeds data, end to end: what the README's main command produces.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { oba, tempFolder } from '../helpers/cli.js';
import { linesWithNestedBrackets } from '../helpers/words.js';
import { parseXml, elements, textOf } from '../charts/xml.js';
import { loadWorkspace } from '../../src/cli/workspace.js';
import { analyseMeasure } from '../../src/analysis/scorecard.js';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

describe('oba report on the bundled data', () => {
  let out: string;
  let files: string[];
  beforeAll(async () => {
    out = join(tempFolder(), 'board-pack');
    const run = await oba(['report', '--out', out, '--no-cache']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^oba: no oba\.config\.yaml here: using the bundled Leeds example; `oba init` starts your own\nWrote \d+ files to .* \(18 pages, \d+ charts\); 0 warnings\.\n$/);
    files = walk(out);
  }, 60_000);

  it('writes the scorecard and a report card for each of the 17 indicators', () => {
    const pages = files.filter((f) => f.endsWith('.md')).map((f) => f.slice(out.length + 1)).sort();
    expect(pages).toHaveLength(18);
    expect(pages[0]).toBe('01-number-of-children-looked-after.md');
    expect(pages).toContain('index.md');
    const index = readFileSync(join(out, 'index.md'), 'utf8');
    expect(index).toMatch(/^## The three obsessions$/m);
    for (let n = 1; n <= 17; n++) expect(index).toMatch(new RegExp(`^\\| ${n} \\| \\[`, 'm'));
  });

  it('puts a snapshot date "at" and a year "in", beside England\'s figure as everywhere', () => {
    const card = readFileSync(join(out, '01-number-of-children-looked-after.md'), 'utf8');
    expect(card).toContain('(England 61.1 per 10,000 at 31 March 2015)');
    expect(readFileSync(join(out, '04-percentage-of-young-people-neet.md'), 'utf8')).toMatch(/\(England [\d.]+% in 20\d\d\)/);
    const pages = files.filter((f) => f.endsWith('.md')).map((f) => readFileSync(f, 'utf8'));
    expect(pages.some((text) => / in \d{1,2} [A-Z][a-z]+ \d{4}/.test(text))).toBe(false);
    // A date in words, never as the ISO text of the data files, beside a rating.
    expect(pages.some((text) => /(?:Against the trajectory|Against England): [^\n]*\d{4}-\d{2}-\d{2}/.test(text))).toBe(false);
    // A rating's rule is a sentence of its own, not brackets after the rating's brackets.
    expect(card).toMatch(/Against the trajectory: ● green \(example target\)\. The rule: green at or below the trajectory \(1,250 for this period\);/);
  });

  it('writes every SVG as valid XML with a <title> and <desc>', () => {
    const charts = files.filter((f) => f.endsWith('.svg'));
    expect(charts.length).toBeGreaterThanOrEqual(22);
    for (const chart of charts) {
      const root = parseXml(readFileSync(chart, 'utf8'));
      const title = [...elements(root)].find((e) => e.name === 'title');
      expect(title && textOf(title).length, chart).toBeGreaterThan(0);
      expect([...elements(root)].some((e) => e.name === 'desc'), chart).toBe(true);
    }
  });

  it('writes no brackets inside brackets', () => {
    const nested = files.filter((f) => f.endsWith('.md')).flatMap((f) => linesWithNestedBrackets(readFileSync(f, 'utf8')).map((line) => `${f.slice(out.length + 1)}: ${line}`));
    expect(nested).toEqual([]);
  });

  it('has no Markdown link or image that points at a missing file', () => {
    for (const page of files.filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(page, 'utf8');
      for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = match[1]!;
        if (/^[a-z]+:/.test(target) || target.startsWith('#')) continue;
        expect(existsSync(resolve(dirname(page), target)), `${page} → ${target}`).toBe(true);
      }
    }
  });
});

describe('the analysis on the bundled data', () => {
  it('gives the real Leeds children looked after counts, frozen at 2012, the verdict turned', async () => {
    const run = await oba(['baseline', 'looked-after', '--baseline-at', '2012', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.baselineAt).toBe('2012-03-31');
    expect(json.since.map((s: { value: number }) => s.value)).toEqual([1373, 1339, 1245]);
    expect(json.verdict.status).toBe('turned');
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['measure', 'area', 'method', 'level', 'baselineAt', 'history', 'forecast', 'trajectory', 'since', 'verdict', 'rag', 'direction']));
    for (const s of json.since) expect(Object.keys(s).sort()).toEqual(['forecast', 'illustrative', 'lower', 'period', 'position', 'trajectory', 'upper', 'value']);
  });

  it("applies the city's value targets to the city only, and % targets everywhere", async () => {
    const value = JSON.parse((await oba(['baseline', 'looked-after', '--area', 'Seacroft', '--json'])).stdout);
    expect(value.target).toBeNull();
    expect(value.rag.rule).toMatch(/the target is set for Leeds as a value/);
    const percent = JSON.parse((await oba(['baseline', 'looked-after-rate', '--area', 'Seacroft', '--json'])).stdout);
    // −10% on Seacroft's own baseline value.
    const baselineValue = percent.history.at(-1).value;
    expect(percent.target.value).toBeCloseTo(baselineValue * 0.9, 9);
  });

  it('analyses every measure in every area without an error', async () => {
    const workspace = await loadWorkspace({}, process.cwd());
    let analysed = 0;
    for (const measure of workspace.plan.measures) {
      for (const area of workspace.dataset.areasWith(measure.id)) {
        const a = analyseMeasure(workspace.dataset, workspace.config, measure, area);
        const where = `${measure.id} ${area}`;
        expect(a.verdict.evidence.length, where).toBeGreaterThan(0);
        // No interval leaves what the unit allows, in any JSON field.
        const upper = measure.unit.kind === 'percent' ? 100 : Infinity;
        for (const f of [...a.forecast, ...a.since.filter((s) => s.lower !== null)]) {
          expect(f.lower!, where).toBeGreaterThanOrEqual(0);
          expect(f.upper!, where).toBeLessThanOrEqual(upper);
        }
        // No verdict rests on fewer than five baseline values, or spans a break.
        if (a.judgement) {
          expect(a.judgement.basis === 'values' ? a.model!.values : Infinity, where).toBeGreaterThanOrEqual(5);
          const fitted = a.history.filter((h) => h.period >= a.model!.from);
          const observations = workspace.dataset.series(measure.id, area)!.observations;
          const breaks = observations.filter((o) => o.status.includes('b') && fitted.some((h) => h.period === o.period.label) && o.period.label !== a.model!.from);
          expect(breaks, where).toEqual([]);
        }
        // No stale value is rated.
        if (a.stale.stale) expect(a.rag.rag, where).toBe('none');
        analysed++;
      }
    }
    expect(analysed).toBeGreaterThan(500);
  });

  it('prints the scorecard for the city and for a cluster, as text and JSON', async () => {
    const text = await oba(['status']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^1★\s+looked-after\s+1,245 \(31 March 2015\)/m);
    const json = await oba(['status', '--area', 'Seacroft', '--json']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.area).toBe('Seacroft');
    expect(parsed.rows.filter((r: { obsession: boolean }) => r.obsession).length).toBeGreaterThanOrEqual(4);
  });
});

describe('the bundled narratives agree with the bundled data', () => {
  it('has no figure that contradicts the data and no placeholder left unfilled', async () => {
    const run = await oba(['validate', '--json']);
    const warnings = (JSON.parse(run.stdout) as { warnings: { code: string; message: string }[] }).warnings;
    expect(warnings.filter((w) => w.code === 'NARRATIVE_FIGURE')).toEqual([]);
  });
});
