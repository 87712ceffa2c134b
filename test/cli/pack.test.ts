/**
 * `oba pack` writes, in one run, exactly what `oba report`, `oba sheet --all-clusters` and
 * `oba tracker` write, each in its own folder.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oba, tempFolder } from '../helpers/cli.js';
import { readTree } from '../helpers/files.js';
import { linesWithNestedBrackets } from '../helpers/words.js';
import { PACK_MARKER } from '../../src/io/write.js';

const config = new URL('../../data/oba.config.yaml', import.meta.url).pathname;

/** A folder's files without the marker that each output folder has at its root. */
function contents(dir: string): Map<string, string> {
  const files = readTree(dir);
  files.delete(PACK_MARKER);
  return files;
}

describe('oba pack', () => {
  it('writes the board pack, every cluster sheet and the tracker, byte for byte as the three commands do', async () => {
    const cwd = tempFolder();
    const packed = await oba(['pack', '--out', 'pack', '--quiet', '--no-cache', '--as-of', '2015-03-31', '--config', config], cwd);
    expect(packed.stderr).toBe('');
    expect(packed.code).toBe(0);
    const commands: [string, string[]][] = [
      ['board-pack', ['report', '--as-of', '2015-03-31']],
      ['sheets', ['sheet', '--all-clusters', '--as-of', '2015-03-31']],
      ['tracker', ['tracker', '--week', '2015-03-31']],
    ];
    const pack = readTree(join(cwd, 'pack'));
    let files = 0;
    for (const [folder, args] of commands) {
      const run = await oba([...args, '--out', folder, '--quiet', '--no-cache', '--config', config], cwd);
      expect(run.code, run.stderr).toBe(0);
      const own = contents(join(cwd, folder));
      expect(own.size).toBeGreaterThan(0);
      const part = new Map([...pack].filter(([path]) => path.startsWith(`${folder}/`)).map(([path, text]) => [path.slice(folder.length + 1), text]));
      expect([...part.keys()]).toEqual([...own.keys()]);
      for (const [path, text] of own) expect(part.get(path), `${folder}/${path}`).toBe(text);
      files += own.size;
    }
    // Nothing else in the pack but its marker.
    expect(pack.size).toBe(files + 1);
    // No page of it puts brackets inside brackets (a measure's title may have its own).
    const nested = [...pack].filter(([path]) => path.endsWith('.md')).flatMap(([path, text]) => linesWithNestedBrackets(text).map((line) => `${path}: ${line}`));
    expect(nested).toEqual([]);
  }, 600_000);

  it('writes the board pack and the tracker for a plan with no clusters, and says why there are no sheets', async () => {
    const cwd = tempFolder();
    expect((await oba(['init', 'bradford', '--council', 'Bradford'], cwd)).code).toBe(0);
    const run = await oba(['pack', '--out', 'pack', '--no-cache'], join(cwd, 'bradford'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('warning: the plan lists no areas of type cluster, so the pack has no sheets/');
    const pack = contents(join(cwd, 'bradford', 'pack'));
    expect(pack.has('board-pack/index.md')).toBe(true);
    expect(pack.has('tracker/index.md')).toBe(true);
    expect([...pack.keys()].filter((path) => path.startsWith('sheets/'))).toEqual([]);
    // Its tracker, from yearly figures only: too short for SPC, so no chart is named; and the
    // year before is said once, as the period before.
    const tracker = pack.get('tracker/index.md')!;
    expect(tracker).not.toContain('](charts/');
    expect(tracker).toContain('- Children looked after at 31 March: 1,366 at 31 March 2025, −117 on 31 March 2024.\n');
  }, 120_000);

  it('refuses what its parts refuse, before any work', async () => {
    const run = await oba(['pack', '--out', 'pack', '--as-of', 'soon', '--config', config], tempFolder());
    expect(run.code).toBe(2);
  });
});
