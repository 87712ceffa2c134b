/**
 * Errors that are not bugs in `oba` but a problem with what it was given or where it runs: a
 * template that does not work, a disk that refuses the write. Each becomes one line saying what
 * to do, and exit 1.
 */

/** What to do about a file-system error, by its code; codes not here are unexpected. */
const DISK: Record<string, string> = {
  ENOSPC: 'the disk is full; free some space, or choose an output folder on another disk',
  EDQUOT: 'your disk quota is used up; free some space, or choose an output folder on another disk',
  EFBIG: 'the file is larger than this disk allows; choose an output folder on another disk',
  EROFS: 'the disk is read-only; choose an output folder you can write to',
  EACCES: 'permission denied; check that you may read it (an input) or write there (the output folder), or ask for access',
  EPERM: 'the operation is not permitted here; check that you may read it (an input) or write there (the output folder)',
  EMFILE: 'too many files are open; close other programs or raise the limit (ulimit -n) and run again',
  ENFILE: 'too many files are open on this system; run again when fewer are',
  EIO: 'the disk reported an input/output error; check the disk and run again',
  ENAMETOOLONG: 'a path is too long for this file system; choose a shorter output folder',
};

/** The one-line message for an error that is the environment's, or undefined for any other. */
export function environmentMessage(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  // By name, not class: the template engine is loaded only when a command renders.
  if (error.name === 'TemplateError') return `${error.message}; fix the template (a file of that name in your templates: folder replaces the bundled one)`;
  const { code, path, syscall } = error as NodeJS.ErrnoException;
  if (!code || !syscall || !(code in DISK)) return undefined;
  return `cannot ${syscall}${path ? ` ${path}` : ''}: ${DISK[code]} (${code})`;
}
