/**
 * `oba tracker --check`, as a CI job runs it on a committed tracker: up to date when nothing
 * changed (from the folder's manifest, without drawing), and out of date, naming the files, when
 * the data or a committed file changed.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { oba, tempFolder } from '../helpers/cli.js';

const data = fileURLToPath(new URL('../../data/', import.meta.url));

function project(): string {
  const root = tempFolder({ 'oba.config.yaml': `plan: ${data}plan.yaml\ndata: [series/]\n` });
  cpSync(join(data, 'series'), join(root, 'series'), { recursive: true });
  return root;
}

describe('oba tracker --check', () => {
  it('passes on a tracker as written, with or without --no-cache, and fails naming what a data change would rewrite', async () => {
    const root = project();
    expect((await oba(['tracker', '--out', 'tracker', '--quiet'], root)).code).toBe(0);
    const fresh = await oba(['tracker', '--check', '--out', 'tracker'], root);
    expect(fresh.code).toBe(0);
    expect(fresh.stderr).toContain('The tracker in tracker is up to date.');
    expect((await oba(['tracker', '--check', '--out', 'tracker', '--no-cache'], root)).code).toBe(0);

    // The latest Leeds week changes: the committed tracker no longer shows the data.
    const file = join(root, 'series', 'looked-after-weekly.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    const last = lines.findLastIndex((line) => line.startsWith('looked-after-weekly,Leeds,'));
    const cells = lines[last]!.split(',');
    cells[3] = String(Number(cells[3]) + 25);
    lines[last] = cells.join(',');
    writeFileSync(file, lines.join('\n'));
    const stale = await oba(['tracker', '--check', '--out', 'tracker'], root);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/The tracker in tracker is out of date; run `oba tracker --out tracker` and commit the result/);
    expect(stale.stderr).toMatch(/^ {2}.*looked-after.*\.svg$/m);
  }, 120_000);

  it('fails when a committed file was edited by hand, naming it', async () => {
    const root = project();
    expect((await oba(['tracker', '--out', 'tracker', '--quiet'], root)).code).toBe(0);
    const index = join(root, 'tracker', 'index.md');
    writeFileSync(index, readFileSync(index, 'utf8') + '\nAn edit.\n');
    const edited = await oba(['tracker', '--check', '--out', 'tracker'], root);
    expect(edited.code).toBe(1);
    expect(edited.stderr).toMatch(/^ {2}index\.md$/m);
  }, 120_000);
});
