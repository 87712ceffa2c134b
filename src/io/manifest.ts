/**
 * The manifest of an output folder: the file `.oba-output` listing every file `oba` wrote there,
 * with its SHA-256, the command that wrote it and the fingerprint of that run's inputs. A file is
 * `oba`'s only while it is listed and its bytes still hash to what is listed; anything else in the
 * folder (a file the user added, or one of `oba`'s that the user edited) is the user's.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from './hash.js';

export const PACK_MARKER = '.oba-output';
/** Names `oba` uses inside a folder that is a mount point while it writes (see `write.ts`). */
export const INSIDE_STAGING = /^\.oba-(staging-\d+|commit)$/;

const HEADER =
  'Written by oba: the files listed below, with their SHA-256. A rerun replaces or removes only\n' +
  'these, and only while they are unchanged; every other file in this folder is kept.\n';
/** The header of folders written before the manifest said whose files are whose. */
const OLD_HEADER = 'Written by oba. The whole folder is replaced on every run.\n';

export interface Manifest {
  /** The command that wrote the folder (`report`, `sheet`, `tracker`); undefined in older manifests. */
  command: string | undefined;
  /** The fingerprint of the run's inputs. */
  key: string | undefined;
  /** SHA-256 by pack-relative path. */
  files: Map<string, string>;
}

export function formatManifest(command: string, key: string, files: readonly [string, string][]): string {
  return HEADER + `command: ${command}\nkey: ${key}\n` + files.map(([path, hash]) => `${hash}  ${path}\n`).join('');
}

/** The manifest in a marker's text; 'legacy' for a marker with no list of files. */
export function parseManifest(text: string): Manifest | 'legacy' {
  const body = text.startsWith(HEADER) ? text.slice(HEADER.length) : text.startsWith(OLD_HEADER) ? text.slice(OLD_HEADER.length) : undefined;
  if (body === undefined) return 'legacy';
  const manifest: Manifest = { command: undefined, key: undefined, files: new Map() };
  for (const line of body.split('\n')) {
    if (line.startsWith('command: ')) manifest.command = line.slice(9);
    else if (line.startsWith('key: ')) manifest.key = line.slice(5);
    else if (/^[0-9a-f]{64}  ./.test(line)) manifest.files.set(line.slice(66), line.slice(0, 64));
  }
  return manifest.key === undefined ? 'legacy' : manifest;
}

/** What a folder holds, as far as `oba` is concerned. */
export type FolderState =
  | { kind: 'absent' }
  | { kind: 'empty' }
  /** Files and no marker: never written by oba. */
  | { kind: 'foreign' }
  /** A marker from a version of oba that kept no list of its files. */
  | { kind: 'legacy' }
  | { kind: 'pack'; manifest: Manifest };

export function folderState(dir: string): FolderState {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return { kind: 'absent' };
  }
  names = names.filter((n) => !INSIDE_STAGING.test(n));
  if (names.length === 0) return { kind: 'empty' };
  if (!names.includes(PACK_MARKER)) return { kind: 'foreign' };
  let text: string;
  try {
    text = readFileSync(join(dir, PACK_MARKER), 'utf8');
  } catch {
    return { kind: 'legacy' };
  }
  const manifest = parseManifest(text);
  return manifest === 'legacy' ? { kind: 'legacy' } : { kind: 'pack', manifest };
}

export function readManifest(dir: string): Manifest | undefined {
  const state = folderState(dir);
  return state.kind === 'pack' ? state.manifest : undefined;
}

/** An entry of a folder that is not `oba`'s: kept by every run. */
export interface UserEntry {
  path: string;
  kind: 'file' | 'dir' | 'link';
}

/**
 * Sorts a folder's contents into `oba`'s files (listed and unchanged) and the user's entries
 * (files and symbolic links, and folders with nothing of oba's in them). Links are never followed.
 */
export function sortContents(dir: string, manifest: Manifest | undefined): { oba: string[]; user: UserEntry[] } {
  const oba: string[] = [];
  const user: UserEntry[] = [];
  const walk = (folder: string, prefix: string): void => {
    for (const name of readdirSync(folder).sort()) {
      if (prefix === '' && (name === PACK_MARKER || INSIDE_STAGING.test(name))) continue;
      const path = prefix + name;
      const full = join(folder, name);
      const stat = lstatSync(full);
      if (stat.isDirectory()) {
        const before = oba.length + user.length;
        walk(full, path + '/');
        if (oba.length + user.length === before) user.push({ path, kind: 'dir' });
      } else if (stat.isSymbolicLink()) user.push({ path, kind: 'link' });
      else {
        const listed = manifest?.files.get(path);
        if (listed !== undefined && stat.isFile() && sha256(readFileSync(full)) === listed) oba.push(path);
        else user.push({ path, kind: 'file' });
      }
    }
  };
  walk(dir, '');
  return { oba, user };
}

/** The one line that names the user's files a run kept (or '' when there are none). */
export function keptLine(user: readonly UserEntry[]): string {
  const files = user.filter((e) => e.kind !== 'dir').map((e) => e.path);
  if (files.length === 0) return '';
  const shown = files.length > 10 ? [...files.slice(0, 10), `and ${files.length - 10} more`] : files;
  return `kept ${files.length} file${files.length === 1 ? '' : 's'} oba did not write: ${shown.join(', ')}`;
}
