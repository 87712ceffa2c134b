/**
 * Golden files: one report card, one cluster sheet and the tracker, from the fixed inputs in
 * test/golden/input, compared byte for byte with test/golden/expected.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oba, tempFolder } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';
import { readTree } from '../helpers/files.js';

const input = new URL('./input/', import.meta.url).pathname;
const expected = new URL('./expected/', import.meta.url).pathname;

async function build(args: string[]): Promise<string> {
  const out = join(tempFolder(), 'out');
  const run = await oba([...args, '--out', out, '--quiet', '--no-cache'], input);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  // Every picture a page shows is a file of the output (a chart that was not drawn is not named).
  for (const [path, content] of readTree(out)) {
    if (!path.endsWith('.md')) continue;
    for (const [, target] of content.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)) expect(existsSync(join(out, dirname(path), target!)), `${path} shows ${target}`).toBe(true);
  }
  return out;
}


describe('golden files', () => {
  it('a report card and its chart', async () => {
    const out = await build(['report']);
    expectGolden(readFileSync(join(out, '01-number-of-children-looked-after.md'), 'utf8'), join(expected, 'report/01-number-of-children-looked-after.md'));
    expectGolden(readFileSync(join(out, 'charts/looked-after-leeds.svg'), 'utf8'), join(expected, 'report/charts/looked-after-leeds.svg'));
    expectGolden(readFileSync(join(out, 'index.md'), 'utf8'), join(expected, 'report/index.md'));
  });

  it('a cluster turn-the-curve sheet and its chart', async () => {
    const out = await build(['sheet', '--cluster', 'Seacroft']);
    expectGolden(readFileSync(join(out, 'seacroft/04-percentage-of-young-people-neet.md'), 'utf8'), join(expected, 'sheet/seacroft/04-percentage-of-young-people-neet.md'));
    expectGolden(readFileSync(join(out, 'seacroft/charts/neet-seacroft.svg'), 'utf8'), join(expected, 'sheet/seacroft/charts/neet-seacroft.svg'));
  });

  it('the obsession tracker and its charts', async () => {
    const out = await build(['tracker']);
    for (const [path, content] of readTree(out)) {
      if (path === '.oba-output') continue;
      expectGolden(content, join(expected, 'tracker', path));
    }
  });

  it('gives identical bytes when run twice', async () => {
    for (const command of [['report'], ['sheet', '--all-clusters'], ['tracker']]) {
      const first = readTree(await build(command));
      const second = readTree(await build(command));
      expect([...second.keys()]).toEqual([...first.keys()]);
      for (const [path, content] of first) expect(second.get(path), path).toBe(content);
    }
  });
});
