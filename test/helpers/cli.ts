import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { recordingTerminal } from '../../src/cli/terminal.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `oba` in-process with the given arguments, in `cwd`. */
export async function oba(args: string[], cwd: string = process.cwd()): Promise<Run> {
  const terminal = recordingTerminal();
  const code = await main(args, terminal, cwd);
  return { code, stdout: terminal.stdout.join(''), stderr: terminal.stderr.join('') };
}

/** A fresh temporary folder with the given files written into it. */
export function tempFolder(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(process.env['OBA_TEST_TMP'] ?? tmpdir(), 'oba-test-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}
