/**
 * The lock on an output folder: a `.<name>.lock` file beside it, holding the owner's pid, the
 * time its process started and a random token. The file is written whole under a temporary name
 * and then linked into place, so it never exists empty, and `link` fails if a lock is already
 * there. On a file system without hard links (FAT and exFAT drives, some network shares) it is
 * created exclusively instead, then written; a lock found empty counts as held. A lock is stale only when its process is gone (or the pid now belongs to a process that
 * started at another time); only then is it taken over, and a run checks the lock is still its
 * own before it swaps the new pack in.
 */
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError } from '../cli/errors.js';

export interface FolderLock {
  /** Throws when the lock is no longer this run's (someone deleted or replaced it). */
  check(): void;
  release(): void;
}

/** When a process started, as the kernel counts it (Linux), or '' where that cannot be read. */
export function processStartTime(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces; start time is field 22.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface Holder {
  pid: number;
  start: string;
}

function parseHolder(text: string): Holder | undefined {
  const [pid, start] = text.trim().split(' ');
  const n = Number(pid);
  return Number.isInteger(n) && n > 0 ? { pid: n, start: start ?? '' } : undefined;
}

/** Whether the process that wrote this lock still runs. An unreadable lock counts as held. */
function holderRuns(holder: Holder | undefined): boolean {
  if (!holder) return true;
  if (!processAlive(holder.pid)) return false;
  if (holder.start === '' || holder.start === '-') return true;
  const now = processStartTime(holder.pid);
  return now === '' || now === holder.start;
}

/** How a file system that makes no hard links refuses one (FAT and exFAT: EPERM; some shares: ENOTSUP or ENOSYS). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/**
 * Puts a lock holding `text` at `lock`, only if there is none (else EEXIST): the whole `draft`
 * linked into place, or where links are refused, the file created exclusively and written.
 */
function placeLock(draft: string, lock: string, text: string): void {
  try {
    linkSync(draft, lock);
  } catch (error) {
    if (!NO_HARD_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    writeFileSync(lock, text, { flag: 'wx' });
  }
}

function readLock(lock: string): string | undefined {
  try {
    return readFileSync(lock, 'utf8');
  } catch {
    return undefined;
  }
}

export function lockFolder(outDir: string): FolderLock {
  const target = resolve(outDir);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const lock = join(parent, `.${basename(target)}.lock`);
  const mine = `${process.pid} ${processStartTime(process.pid) || '-'} ${randomBytes(8).toString('hex')}\n`;
  const draft = `${lock}.${process.pid}.tmp`;
  writeFileSync(draft, mine);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        placeLock(draft, lock, mine);
        return {
          check() {
            if (readLock(lock) !== mine) throw new CliError(`the lock ${lock} was taken away while this run was writing ${outDir}; nothing was changed: run again when no other oba run is writing it`, 1);
          },
          release() {
            if (readLock(lock) === mine) rmSync(lock, { force: true });
          },
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const text = readLock(lock);
      if (text === undefined) continue;
      const holder = parseHolder(text);
      if (holderRuns(holder)) {
        throw new CliError(`another oba run (process ${holder?.pid ?? 'unknown'}) is writing ${outDir}; wait for it to finish, or delete ${lock} if it is not running`, 1);
      }
      // Stale: set it aside under a name of our own, and delete it only if it is still the stale one.
      const aside = `${lock}.${process.pid}.stale`;
      try {
        renameSync(lock, aside);
      } catch {
        continue;
      }
      const taken = readLock(aside);
      if (taken !== text) {
        // Another run took the stale lock over first: put its lock back and give way.
        try {
          placeLock(aside, lock, taken ?? '');
        } finally {
          rmSync(aside, { force: true });
        }
        throw new CliError(`another oba run is writing ${outDir}; wait for it to finish`, 1);
      }
      rmSync(aside, { force: true });
    }
    throw new CliError(`cannot take the lock ${lock}; delete it if no oba run is writing ${outDir}`, 1);
  } finally {
    rmSync(draft, { force: true });
  }
}
