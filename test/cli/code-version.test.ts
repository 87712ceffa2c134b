/**
 * A run's fingerprint covers oba's own code, not only its version number: a clone updated with
 * `git pull` keeps `version` in package.json, and its first rerun must rebuild, not find the
 * folders the old code wrote up to date.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeFingerprint, codeVersion } from '../../src/cli/output-run.js';
import { openInputHashes } from '../../src/io/input-hashes.js';
import { tempFolder } from '../helpers/cli.js';

describe('the code fingerprint', () => {
  it('changes with a module\'s bytes or name, and only with modules', () => {
    const root = tempFolder({ 'cli/main.js': 'export const a = 1;\n', 'charts/render.js': 'export const b = 2;\n', 'cli/main.d.ts': 'export declare const a: number;\n' });
    const first = codeFingerprint(root);
    expect(codeFingerprint(root)).toBe(first);
    // Declarations, source maps and other files are not code that runs.
    writeFileSync(join(root, 'cli/main.d.ts'), 'export declare const a: 1;\n');
    writeFileSync(join(root, 'cli/main.js.map'), '{}');
    expect(codeFingerprint(root)).toBe(first);
    writeFileSync(join(root, 'charts/render.js'), 'export const b = 3;\n');
    const changed = codeFingerprint(root);
    expect(changed).not.toBe(first);
    renameSync(join(root, 'charts/render.js'), join(root, 'charts/draw.js'));
    expect(codeFingerprint(root)).not.toBe(changed);
  });

  it('is the same from remembered hashes as from reading every module', () => {
    const root = tempFolder({ 'a.js': 'export {};\n', 'b/c.ts': 'export const c = 1;\n' });
    const remembered = openInputHashes(join(tempFolder(), '.oba-cache'));
    expect(codeFingerprint(root, remembered)).toBe(codeFingerprint(root));
  });

  it('of the running oba is taken from its own modules', () => {
    expect(codeVersion()).toMatch(/^[0-9a-f]{16}$/);
    expect(codeVersion()).toBe(codeFingerprint(new URL('../../src/', import.meta.url).pathname));
  });
});
