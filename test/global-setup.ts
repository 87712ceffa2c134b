/**
 * Compiles the project once before the tests, for the tests that run the built CLI as a child
 * process (the worker pool and crash-safety tests): they must test the code as it is now.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('../', import.meta.url));
  execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tsconfig.json`], { cwd: root, stdio: 'inherit' });
}
