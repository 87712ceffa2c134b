import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import { expect } from 'vitest';

/**
 * Compares output with a committed expected file, byte for byte. On a mismatch the output is
 * written beside it as `<name>-changed.<ext>` (git-ignored) to look at. `UPDATE_GOLDEN=1`
 * rewrites the expected file; it is never set in CI.
 */
export function expectGolden(actual: string, expectedFile: string): void {
  const changed = expectedFile.slice(0, -extname(expectedFile).length) + '-changed' + extname(expectedFile);
  if (process.env['UPDATE_GOLDEN'] === '1' && !process.env['CI']) {
    mkdirSync(dirname(expectedFile), { recursive: true });
    writeFileSync(expectedFile, actual);
    return;
  }
  const expected = existsSync(expectedFile) ? readFileSync(expectedFile, 'utf8') : undefined;
  if (expected !== actual) {
    mkdirSync(dirname(changed), { recursive: true });
    writeFileSync(changed, actual);
  }
  expect(actual, `${expectedFile} differs; see ${changed}`).toBe(expected);
}
