/** File names as a person at the terminal reads them. */
import { relative } from 'node:path';

/** Paths relative to where the user is, when that is shorter. */
export function displayPath(file: string, cwd: string): string {
  if (!file.startsWith('/')) return file;
  const rel = relative(cwd, file);
  return rel.startsWith('..') && rel.split('/').filter((p) => p === '..').length > 2 ? file : rel;
}
