/** The user's files in a folder `oba` writes: kept by every rerun and named, and by `--clean`. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oba, tempFolder } from '../helpers/cli.js';

describe("a user's files in an output folder", () => {
  it('survive reruns, with and without the cache, and --clean; another command is refused the folder', async () => {
    const root = tempFolder();
    const out = join(root, 'tracker');
    expect((await oba(['tracker', '--out', out, '--quiet'])).code).toBe(0);
    const written = readdirSync(out).sort();
    writeFileSync(join(out, 'board-pack.pdf'), 'printed');
    writeFileSync(join(out, 'notes.md'), 'minutes');

    const rerun = await oba(['tracker', '--out', out, '--no-cache']);
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).toMatch(/Kept 2 files oba did not write: board-pack\.pdf, notes\.md\.\n$/);
    expect(readFileSync(join(out, 'notes.md'), 'utf8')).toBe('minutes');
    expect((await oba(['tracker', '--out', out, '--quiet'])).code).toBe(0);
    expect(readFileSync(join(out, 'board-pack.pdf'), 'utf8')).toBe('printed');

    const wrongCommand = await oba(['report', '--out', out, '--quiet']);
    expect(wrongCommand.code).toBe(2);
    expect(wrongCommand.stderr).toMatch(/holds the output of `oba tracker`; give `oba report` a folder of its own/);

    const clean = await oba(['tracker', '--out', out, '--clean']);
    expect(clean.code).toBe(0);
    expect(clean.stderr).toMatch(/Removed the files oba wrote in .*tracker\. Kept 2 files oba did not write: board-pack\.pdf, notes\.md/);
    expect(readdirSync(out).sort()).toEqual(['.oba-output', 'board-pack.pdf', 'notes.md']);
    // And written again beside them.
    expect((await oba(['tracker', '--out', out, '--quiet'])).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([...written, 'board-pack.pdf', 'notes.md'].sort());
  });

  it('keeps narratives inside the output folder out of harm: the run is refused', async () => {
    const data = new URL('../../data/', import.meta.url).pathname;
    const project = tempFolder({
      'oba.config.yaml': `plan: ${data}plan.yaml\ndata: [${data}series/]\nnarratives: pack/narratives/\n`,
      'pack/narratives/indicator-01.md': '---\nindicator: 1\n---\n\n## Partners\n\nEveryone.\n',
    });
    const run = await oba(['report', '--out', 'pack', '--quiet'], project);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--out .*pack holds input files/);
    expect(existsSync(join(project, 'pack/narratives/indicator-01.md'))).toBe(true);
  });
});
