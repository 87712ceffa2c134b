/**
 * Paths written in the configuration, read as a person means them: relative to the file they
 * are written in, absolute as they are, `~/` as the home folder. What cannot be honoured is
 * refused with the reason.
 */
import { homedir } from 'node:os';
import { resolve } from 'node:path';

export type UserPath = { ok: true; path: string } | { ok: false; reason: string };

export function resolveUserPath(text: string, dir: string, home: string = homedir()): UserPath {
  const p = text.trim();
  if (p.includes('\0')) return { ok: false, reason: 'the path has a NUL character, which no file name can hold; retype it' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(p)) {
    return { ok: false, reason: `"${p}" is a web address; oba reads files on this computer only and fetches nothing, so download the file and give its path` };
  }
  if (p === '~' || p.startsWith('~/')) return { ok: true, path: resolve(home, p.slice(2)) };
  if (p.startsWith('~')) {
    return { ok: false, reason: `"${p}": only ~/ (your own home folder) is expanded, not another user's; write the full path` };
  }
  return { ok: true, path: resolve(dir, p) };
}
