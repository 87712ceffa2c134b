import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFileMakingFolder } from '../../src/io/write-file.js';
import { tempFolder } from '../helpers/cli.js';

describe('writing one file in the foreground', () => {
  it('writes text and bytes given in parts, making the folder', () => {
    const root = tempFolder();
    writeFileMakingFolder(join(root, 'a', 'b.md'), ['Ünïcödé ', Uint8Array.from([0x21])]);
    writeFileAtomic(join(root, 'c', 'd.md'), ['≥ 95', '%'], { sync: false });
    expect(readFileSync(join(root, 'a', 'b.md'), 'utf8')).toBe('Ünïcödé !');
    expect(readFileSync(join(root, 'c', 'd.md'), 'utf8')).toBe('≥ 95%');
    expect(readdirSync(join(root, 'c'))).toEqual(['d.md']);
  });

  it('an atomic write that cannot be renamed into place fails with its own error and leaves no temporary file', () => {
    const root = tempFolder();
    mkdirSync(join(root, 'taken', 'inside'), { recursive: true });
    // A folder that is not empty cannot be replaced by a file.
    expect(() => writeFileAtomic(join(root, 'taken'), 'x')).toThrow(expect.objectContaining({ syscall: 'rename' }));
    expect(readdirSync(root)).toEqual(['taken']);
  });
});
