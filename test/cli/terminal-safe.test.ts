/** Text from the data never reaches a terminal as control codes: `oba show` and error messages make them visible. */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../src/cli/terminal.js';
import { oba, tempFolder } from '../helpers/cli.js';

describe('control characters from the data', () => {
  it('are shown as escapes, never sent raw', () => {
    expect(terminalSafe('a\u001b]0;owned\u0007b\u009bc\u202eevil')).toBe('a\\x1b]0;owned\\x07b\\x9bc\\u{202e}evil');
    expect(terminalSafe('Leeds – 2013/14 ✓')).toBe('Leeds – 2013/14 ✓');
  });

  it('in the table `oba show` prints, and in the problems it reports', async () => {
    const root = tempFolder({
      'neet.csv': 'measure,area,period,value,numerator,denominator,status,note\nneet,Leeds,2012,8.1,,,,"\u001b[2J\u001b]0;title\u0007cleared"\nneet,"Lee\u001b[31mds",2013,7.9,,,,\n',
    });
    const run = await oba(['show', 'neet', '--area', 'Leeds', '--data', `${root}/neet.csv`]);
    const printed = run.stdout + run.stderr;
    expect(printed).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(run.stdout).toContain('\\x1b[2J\\x1b]0;title\\x07cleared');
  });
});

describe('a reader that goes away', () => {
  // The built CLI, as a shell runs it: its stdout a pipe whose reading end is closed before
  // anything is written (as `oba status | head -1` closes it after the first line).
  const run = (args: string[]) =>
    new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = spawn(process.execPath, [fileURLToPath(new URL('../../bin/oba', import.meta.url)), ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => done({ code, stderr }));
    });

  it('ends the command quietly with its own exit code, not an unhandled EPIPE and a stack trace', async () => {
    const config = fileURLToPath(new URL('../../data/oba.config.yaml', import.meta.url));
    for (const args of [['status', '--config', config], ['tracker', '--help'], ['list', '--config', config]]) {
      const result = await run(args);
      expect(result.stderr, args.join(' ')).not.toMatch(/EPIPE|at \S+ \(|node:internal/);
      expect(result.code, args.join(' ')).toBe(0);
    }
  }, 60_000);

  it('says so, with exit code 1, when standard output cannot be written (a full disk)', async () => {
    if (!existsSync('/dev/full')) return; // Linux's always-full device
    const full = openSync('/dev/full', 'w');
    try {
      const child = spawnSync(process.execPath, [fileURLToPath(new URL('../../bin/oba', import.meta.url)), 'list', '--config', fileURLToPath(new URL('../../data/oba.config.yaml', import.meta.url))], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(child.stderr).toMatch(/^oba: cannot write to standard output: ENOSPC/m);
      expect(child.stderr).not.toMatch(/at \S+ \(|node:internal/);
      expect(child.status).toBe(1);
    } finally {
      closeSync(full);
    }
  }, 60_000);
});
