/**
 * Writing outputs so a crash never leaves a half-written file or a half-replaced pack.
 * A pack is built in a staging folder beside the output folder, then swapped in with renames.
 */
import { closeSync, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { CliError } from '../cli/errors.js';
import { sha256 } from './hash.js';

/** Writes a file atomically: a temporary file in the same folder, flushed, then renamed into place. */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  const fd = openSync(temp, 'w');
  try {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}

/** The marker file that says a folder is an `oba` output and may be replaced by the next run. */
export const PACK_MARKER = '.oba-output';
const MARKER_TEXT = 'Written by oba. The whole folder is replaced on every run.\n';

/** The manifest part of a folder's marker file, or undefined when there is none. */
export function readManifest(outDir: string): string | undefined {
  try {
    const text = readFileSync(join(outDir, PACK_MARKER), 'utf8');
    return text.startsWith(MARKER_TEXT) ? text.slice(MARKER_TEXT.length) : undefined;
  } catch {
    return undefined;
  }
}

/** The files of a pack, by path relative to the output folder (always `/`-separated): text or bytes. */
export type PackFiles = Map<string, string | Uint8Array>;

/** Resolves a pack-relative path, refusing anything that would land outside the folder. */
export function insideFolder(folder: string, relativePath: string): string {
  const full = resolve(folder, relativePath);
  const rel = relative(resolve(folder), full);
  if (rel === '' || rel.startsWith('..') || rel.split(sep).includes('..') || resolve(rel) === rel) {
    throw new CliError(`refusing to write "${relativePath}": it is outside the output folder`, 2);
  }
  return full;
}

/**
 * Replaces `outDir` with exactly `files` (see `openPack`). The new pack is written to a staging
 * folder beside it and swapped in with two renames (old folder aside, new folder in), so the folder holds the old
 * pack or the new one, never a mix. Should a run die between the two renames, the next run (and
 * `recoverPack`) puts the old pack back. A folder that has files but no marker was not written by
 * oba: it is left alone and the run refused. The caller holds the folder's lock (`lockFolder`).
 */
export function writePack(outDir: string, files: PackFiles, inputs: readonly string[] = [], manifest = ''): void {
  const pack = openPack(outDir, inputs);
  try {
    for (const [path, content] of files) pack.add(path, content);
  } catch (error) {
    pack.discard();
    throw error;
  }
  pack.commit(manifest);
}

/** A pack being written: files go to the staging folder as they come, so none is held in memory. */
export interface PackWriter {
  add(path: string, content: string | Uint8Array): void;
  /** The SHA-256 of every file added, by path, sorted by path. */
  hashes(): [string, string][];
  /** Writes the marker (with the manifest) and swaps the new pack in. */
  commit(manifest: string): void;
  /** Throws the staging folder away, leaving the old pack as it was. */
  discard(): void;
}

export function openPack(outDir: string, inputs: readonly string[] = []): PackWriter {
  const target = resolve(outDir);
  for (const input of inputs) {
    const inputPath = resolve(input);
    if (inputPath === target || inputPath.startsWith(target + sep)) {
      throw new CliError(`--out ${outDir} holds input files (${input}); choose another output folder`, 2);
    }
  }
  recoverPack(target);
  if (existsSync(target)) {
    if (lstatSync(target).isSymbolicLink()) throw new CliError(`--out ${outDir} is a symbolic link; give a real folder`, 2);
    if (!statSync(target).isDirectory()) throw new CliError(`--out ${outDir} is a file; give a folder`, 2);
    const entries = readdirSync(target);
    if (entries.length > 0 && !entries.includes(PACK_MARKER)) {
      throw new CliError(`--out ${outDir} already has files that oba did not write; choose an empty or new folder`, 2);
    }
  }
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const staging = join(parent, `.${basename(target)}.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const written = new Map<string, string>();
  return {
    add(path, content) {
      if (path === PACK_MARKER || written.has(path)) throw new Error(`the pack writes ${path} twice`);
      writeFileAtomic(insideFolder(staging, path), content);
      written.set(path, sha256(content));
    },
    hashes: () => [...written].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    commit(manifest) {
      writeFileAtomic(join(staging, PACK_MARKER), `${MARKER_TEXT}${manifest}`);
      const old = join(parent, `.${basename(target)}.old-${process.pid}`);
      if (existsSync(target)) renameSync(target, old);
      renameSync(staging, target);
      rmSync(old, { recursive: true, force: true });
    },
    discard: () => rmSync(staging, { recursive: true, force: true }),
  };
}

/**
 * Repairs what a run killed part-way may have left: if the folder is missing but an old copy
 * was set aside, the old copy is put back; staging folders of dead runs are removed.
 */
export function recoverPack(outDir: string): void {
  const target = resolve(outDir);
  const parent = dirname(target);
  if (!existsSync(parent)) return;
  const name = basename(target);
  const leftovers = readdirSync(parent).filter((n) => n.startsWith(`.${name}.old-`) || n.startsWith(`.${name}.staging-`));
  for (const leftover of leftovers.sort()) {
    const pid = Number(leftover.slice(leftover.lastIndexOf('-') + 1));
    if (pid !== process.pid && processAlive(pid)) continue;
    const full = join(parent, leftover);
    if (leftover.startsWith(`.${name}.old-`) && !existsSync(target)) renameSync(full, target);
    else rmSync(full, { recursive: true, force: true });
  }
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock on an output folder for this process: a `.<name>.lock` file beside it, created
 * exclusively, holding the pid. A lock left by a process that no longer runs is taken over.
 * Returns the function that releases it.
 */
export function lockFolder(outDir: string): () => void {
  const target = resolve(outDir);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const lock = join(parent, `.${basename(target)}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lock, 'utf8').trim());
      if (processAlive(holder) && holder !== process.pid) {
        throw new CliError(`another oba run (process ${holder}) is writing ${outDir}; wait for it to finish, or delete ${lock} if it is not running`, 1);
      }
      rmSync(lock, { force: true });
    }
  }
  throw new CliError(`cannot take the lock ${lock}; delete it if no oba run is writing ${outDir}`, 1);
}

/** Reads every file of a pack folder (except the marker) as bytes, for `--check` comparisons. */
export function readPack(outDir: string): PackFiles {
  const files: PackFiles = new Map();
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full, prefix + name + '/');
      else if (!(prefix === '' && name === PACK_MARKER)) files.set(prefix + name, readFileSync(full));
    }
  };
  if (existsSync(outDir)) walk(outDir, '');
  return files;
}
