/**
 * The terminal: where output goes and whether it may be coloured. Passed into commands so
 * tests can capture output and pin colour off.
 */
import { createRequire } from 'node:module';
import type { ChalkInstance } from 'chalk';

/** Colours at a level; chalk is loaded on first use, so a command that colours nothing never loads it. */
function chalkAt(level: 0 | 1): ChalkInstance {
  const { Chalk } = createRequire(import.meta.url)('chalk') as typeof import('chalk');
  return new Chalk({ level });
}

export interface Terminal {
  out(text: string): void;
  err(text: string): void;
  /** Colours for stdout; plain when stdout is not a terminal or NO_COLOR is set. */
  colour: ChalkInstance;
  /** Whether stderr is an interactive terminal (progress bars go there). */
  interactive: boolean;
  /** Rewrites the progress line on stderr; an empty text clears it. */
  progress(text: string): void;
}

/**
 * Text from the data made safe to print on a terminal: control characters (which could move the
 * cursor, retitle the window or hide text) and bidirectional overrides are shown as `\xNN` or
 * `\u{NNNN}`, never sent raw.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

/** Colour only on a TTY and never with NO_COLOR set (to anything, https://no-color.org). */
export function wantsColour(isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  return isTTY === true && env['TERM'] !== 'dumb';
}

/** Whether stdout and stderr can still be written to: a reader that went away (`oba list | head`) closes one. */
const open = { stdout: true, stderr: true };
let watching = false;

/**
 * Stop writing to a stream whose reader has gone, rather than die of an unhandled 'error' event
 * with a stack trace: `oba status | head -3` is normal use. The command itself runs on and
 * finishes (a pack half written would be worse than lines nobody reads). Any other failure to
 * write stdout is said on stderr and makes the exit code non-zero.
 */
function watchStreams(): void {
  if (watching) return;
  watching = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    open.stdout = false;
    if (error.code === 'EPIPE') return;
    if (open.stderr) process.stderr.write(`oba: cannot write to standard output: ${error.message}\n`);
    process.exitCode = 1;
  });
  process.stderr.on('error', () => {
    open.stderr = false;
  });
}

export function processTerminal(): Terminal {
  let colour: ChalkInstance | undefined;
  watchStreams();
  return {
    out: (text) => void (open.stdout && process.stdout.write(text.endsWith('\n') ? text : text + '\n')),
    err: (text) => void (open.stderr && process.stderr.write(text.endsWith('\n') ? text : text + '\n')),
    get colour() {
      return (colour ??= chalkAt(wantsColour(process.stdout.isTTY, process.env) ? 1 : 0));
    },
    interactive: process.stderr.isTTY === true && process.env['CI'] === undefined,
    progress: (text) => void (open.stderr && process.stderr.write(`\r\u001b[2K${text}`)),
  };
}

/** A terminal that records what is written, for tests. */
export function recordingTerminal(): Terminal & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (text) => void stdout.push(text.endsWith('\n') ? text : text + '\n'),
    err: (text) => void stderr.push(text.endsWith('\n') ? text : text + '\n'),
    colour: chalkAt(0),
    interactive: false,
    progress: () => {},
  };
}
