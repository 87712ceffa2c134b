/**
 * Runs a command as a child process and measures its wall time and peak memory.
 *
 * Peak resident set size comes from two places, and the larger is kept:
 * - GNU time (`/usr/bin/time -v`, "Maximum resident set size"): exact for the process and its
 *   threads (a worker-thread pool is inside it), written to a file so it never mixes with the
 *   command's own output;
 * - a poll of the child's process group every 100 ms (`/proc` on Linux, else `ps`): the sum over
 *   every process of the group, which also counts worker *processes*, at the cost of missing a
 *   peak shorter than the interval.
 * The child runs in its own process group so that a timeout kills it and everything it started.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ChildRun {
  command: string;
  /** Wall time from spawn to exit, milliseconds. */
  wallMs: number;
  /** Peak resident set size, kilobytes (undefined when it could not be measured). */
  peakRssKb: number | undefined;
  /** How the peak was measured. */
  rssMethod: string;
  /** Each measurement of the peak, kilobytes: GNU time's and the process-group poll's. */
  rssBy: { gnuTimeKb?: number; pollKb?: number };
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** The last few kilobytes of each stream. */
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  /** Kill the child (and its group) after this long. */
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
}

const TAIL = 8192;
const POLL_MS = 100;

let gnuTime: boolean | undefined;

/** Whether `/usr/bin/time -v` is GNU time and reports the maximum resident set size. */
export function hasGnuTime(): boolean {
  if (gnuTime !== undefined) return gnuTime;
  if (!existsSync('/usr/bin/time')) return (gnuTime = false);
  const r = spawnSync('/usr/bin/time', ['-v', 'true'], { encoding: 'utf8' });
  return (gnuTime = r.status === 0 && /Maximum resident set size/.test(r.stderr ?? ''));
}

/** "Maximum resident set size (kbytes): 188120" → 188120. */
export function parseGnuTimeRss(report: string): number | undefined {
  const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(report);
  return m ? Number(m[1]) : undefined;
}

let pageKb: number | undefined;
function pageSizeKb(): number {
  if (pageKb !== undefined) return pageKb;
  const r = spawnSync('getconf', ['PAGESIZE'], { encoding: 'utf8' });
  const bytes = Number((r.stdout ?? '').trim());
  return (pageKb = Number.isFinite(bytes) && bytes > 0 ? bytes / 1024 : 4);
}

/** Sum of the resident set sizes (kB) of the processes in group `pgid`, leaving out `exclude`. */
function groupRssKb(pgid: number, exclude: number | undefined): number | undefined {
  if (existsSync('/proc/self/stat')) {
    let sum = 0;
    let entries: string[];
    try {
      entries = readdirSync('/proc');
    } catch {
      return undefined;
    }
    for (const entry of entries) {
      const c = entry.charCodeAt(0);
      if (c < 48 || c > 57) continue;
      const pid = Number(entry);
      if (pid === exclude) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
      } catch {
        continue; // gone already
      }
      // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime priority nice threads itrealvalue starttime vsize rss
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      sum += Number(fields[21]) * pageSizeKb();
    }
    return sum;
  }
  const r = spawnSync('ps', ['-A', '-o', 'pid=,pgid=,rss='], { encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  let sum = 0;
  for (const line of (r.stdout ?? '').split('\n')) {
    const [pid, group, rss] = line.trim().split(/\s+/).map(Number);
    if (group === pgid && pid !== exclude && Number.isFinite(rss)) sum += rss!;
  }
  return sum;
}

const children = new Set<number>();
let cleanupInstalled = false;

function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', () => {
    for (const pgid of children) killGroup(pgid);
  });
}

/** Runs `command args…` and measures it. Never throws for a failing command: see `exitCode`. */
export async function runMeasured(command: string, args: readonly string[], options: RunOptions): Promise<ChildRun> {
  installCleanup();
  const useTime = hasGnuTime();
  const scratch = useTime ? mkdtempSync(join(tmpdir(), 'oba-bench-time-')) : undefined;
  const report = scratch ? join(scratch, 'time.txt') : undefined;
  const [file, argv] = report ? ['/usr/bin/time', ['-v', '-o', report, command, ...args]] : [command, [...args]];
  const shown = [command, ...args].join(' ');
  const started = performance.now();
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pgid = child.pid;
  if (pgid !== undefined) children.add(pgid);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout = (stdout + s).slice(-TAIL)));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr = (stderr + s).slice(-TAIL)));

  let polledKb: number | undefined;
  const poll = () => {
    if (pgid === undefined) return;
    const kb = groupRssKb(pgid, useTime ? pgid : undefined);
    if (kb !== undefined) polledKb = Math.max(polledKb ?? 0, kb);
  };
  const poller = setInterval(poll, POLL_MS);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (pgid !== undefined) killGroup(pgid);
  }, options.timeoutMs);

  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('error', (e) => {
      stderr += `\n${e.message}`;
      resolve({ code: null, signal: null });
    });
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  const wallMs = performance.now() - started;
  clearInterval(poller);
  clearTimeout(timer);
  if (pgid !== undefined) {
    killGroup(pgid); // anything the command left running
    children.delete(pgid);
  }

  let timeKb: number | undefined;
  let exitCode = code;
  if (report && scratch) {
    try {
      const text = readFileSync(report, 'utf8');
      timeKb = parseGnuTimeRss(text);
      // GNU time exits with the command's status; when the command was killed it says so.
      const status = /Exit status:\s*(\d+)/.exec(text);
      if (status) exitCode = Number(status[1]);
    } catch {
      // killed before it wrote: keep the poll
    }
    rmSync(scratch, { recursive: true, force: true });
  }
  const methods = [timeKb !== undefined ? 'GNU time -v' : '', polledKb !== undefined ? `process-group poll (${existsSync('/proc/self/stat') ? '/proc' : 'ps'}, ${POLL_MS} ms)` : '']
    .filter(Boolean)
    .join(' + ');
  const peak = timeKb === undefined && polledKb === undefined ? undefined : Math.max(timeKb ?? 0, polledKb ?? 0);
  return {
    command: shown,
    wallMs,
    peakRssKb: peak,
    rssMethod: methods || 'none',
    rssBy: { ...(timeKb !== undefined ? { gnuTimeKb: timeKb } : {}), ...(polledKb !== undefined ? { pollKb: polledKb } : {}) },
    exitCode: timedOut ? null : exitCode,
    signal: timedOut ? 'SIGKILL' : signal,
    timedOut,
    stdout,
    stderr,
  };
}
