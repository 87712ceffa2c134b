/** SHA-256 of several parts, each ended by a NUL so that ("ab", "c") and ("a", "bc") differ. */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export function sha256(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(typeof part === 'string' ? Buffer.from(part, 'utf8') : part);
    hash.update('\u0000');
  }
  return hash.digest('hex');
}

/** The kind of a file that is not a regular file or a folder, in words (or undefined). */
export function specialKind(stat: import('node:fs').Stats): string | undefined {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return undefined;
}

/**
 * The SHA-256 of a file's bytes (as `sha256(bytes)` gives), read a chunk at a time so a file of
 * any size is hashed in bounded memory; undefined for a file that cannot be opened (missing, under
 * a path that runs through a file, unreadable): whoever reads it next reports why, at the file. Anything but a
 * regular file (a FIFO, a device, a folder) is refused with `refuse`, never read.
 */
export function hashFile(path: string, refuse: (what: string) => Error): string | undefined {
  let fd: number;
  try {
    // Non-blocking, so opening a FIFO with no writer cannot hang the run.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw refuse('a folder');
    const special = specialKind(stat);
    if (special) throw refuse(special);
    const hash = createHash('sha256');
    const chunk = Buffer.allocUnsafe(1 << 20);
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) hash.update(chunk.subarray(0, n));
    hash.update('\u0000');
    return hash.digest('hex');
  } finally {
    closeSync(fd);
  }
}
