/**
 * Swapping a staged folder in, and making it durable. Node has no call for Linux's
 * `renameat2(RENAME_EXCHANGE)`, which swaps two folders in one step; the system perl (always
 * there on Debian and Ubuntu) can make the system call, so on Linux the swap is one exchange.
 * Where that is not possible (another system, no perl, a file system without the call) the swap
 * is two renames: the old folder aside, the new one in. Between them the folder is missing for a
 * moment, and a run killed there leaves the old pack aside, put back by the next run.
 */
import { closeSync, fsyncSync, openSync, readdirSync, lstatSync, renameSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** `renameat2` by machine (the generic table for arm64, riscv64 and loong64). */
const RENAMEAT2: Partial<Record<string, number>> = { x64: 316, arm64: 276, riscv64: 276, loong64: 276, arm: 382, ia32: 353, ppc64: 357, s390x: 347 };
const RENAME_EXCHANGE = 2;
const AT_FDCWD = -100;

let exchangeWorks: boolean | undefined;

/** Swaps two existing paths in one step; false when this system cannot (nothing is changed then). */
export function exchangePaths(a: string, b: string): boolean {
  const call = RENAMEAT2[process.arch];
  if (process.platform !== 'linux' || call === undefined || exchangeWorks === false) return false;
  const script = `exit(syscall(${call}, ${AT_FDCWD}, $ARGV[0], ${AT_FDCWD}, $ARGV[1], ${RENAME_EXCHANGE}) == 0 ? 0 : 3)`;
  const result = spawnSync('perl', ['-e', script, a, b], { stdio: 'ignore' });
  const ok = result.status === 0;
  // No perl, or a kernel or file system without the call: fall back from now on.
  if (!ok && (result.error || result.status === 3)) exchangeWorks = false;
  return ok;
}

/**
 * Puts `next` in place of `current` (both folders): one exchange where possible, else two
 * renames through `aside`. Returns where the old folder now is.
 */
export function swapFolders(next: string, current: string, aside: string, options: { exchange?: boolean } = {}): string {
  if (options.exchange !== false && exchangePaths(next, current)) return next;
  renameSync(current, aside);
  renameSync(next, current);
  return aside;
}

/**
 * Makes a folder's files durable once for the whole folder: `sync -f` (one `syncfs` of its file
 * system) on Linux, else a flush of each file and folder in it.
 */
export function syncFolder(dir: string): void {
  if (process.platform === 'linux' && spawnSync('sync', ['-f', dir], { stdio: 'ignore' }).status === 0) return;
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = join(folder, name);
      const stat = lstatSync(full);
      if (stat.isDirectory()) walk(full);
      else if (stat.isFile()) {
        const fd = openSync(full, 'r');
        try {
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
      }
    }
    flushFolder(folder);
  };
  walk(dir);
}

/** Flushes a folder's entries (a rename in it); not every system allows it, so that may fail quietly. */
export function flushFolder(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported for folders on some systems: the rename that follows is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
