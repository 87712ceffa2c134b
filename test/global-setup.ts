/**
 * Builds the project once before the tests (`npm run build`: compile, then bundle vega and the
 * stdlib functions), for the tests that run the built CLI as a child process (the worker pool and
 * crash-safety tests) and those that check the bundles: they must test the code as it is now.
 * Also gives the tests one scratch folder, removed at the end.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): () => void {
  const root = fileURLToPath(new URL('../', import.meta.url));
  execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tsconfig.json`], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [`${root}dist/src/tools/bundle-libraries.js`], { cwd: root, stdio: 'inherit' });
  // One folder for every temporary folder the tests make, removed when they finish.
  const scratch = mkdtempSync(join(tmpdir(), 'oba-tests-'));
  process.env['OBA_TEST_TMP'] = scratch;
  return () => rmSync(scratch, { recursive: true, force: true });
}
