/**
 * Writing outputs so that a crash never leaves a half-written file or a half-replaced pack, and
 * no run ever deletes a file `oba` did not write.
 *
 * A pack is built in a staging folder beside the output folder. The user's files in the old
 * folder (anything the manifest does not list as `oba`'s, unchanged: see `manifest.ts`) are
 * linked into it, the whole staging folder is made durable once, and it is swapped in (`swap.ts`).
 * An output folder that is a mount point cannot be swapped; there the new files are staged inside
 * it and moved into place one by one after a commit point, and a run killed part-way is rolled
 * forward by the next.
 */
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { CliError } from '../cli/errors.js';
import { sha256 } from './hash.js';
import { folderState, formatManifest, parseManifest, PACK_MARKER, sortContents, type FolderState, type Manifest, type UserEntry } from './manifest.js';
import { flushFolder, swapFolders, syncFolder } from './swap.js';
import { processAlive } from './lock.js';
import { startWriterThread } from './writer-thread.js';
import { writeFileAtomic } from './write-file.js';

export { PACK_MARKER, readManifest, keptLine } from './manifest.js';
export { lockFolder } from './lock.js';

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

export interface PackOptions {
  /** Input files and folders (configuration, plan, data, narratives, templates): never inside the output. */
  inputs?: readonly string[];
  /** The command writing the pack; a folder written by another command is refused. */
  command?: string;
  /**
   * Write staged files on a thread of their own (`writer-thread.ts`), so a long build does not
   * wait on the disk for each; `settle()` must then be awaited before `commit` or `discard`.
   */
  background?: boolean;
}

/** Replaces `oba`'s files in `outDir` with exactly `files` (see `openPack`). */
export function writePack(outDir: string, files: PackFiles, options: PackOptions = {}, key = ''): PackWriter {
  const pack = openPack(outDir, options);
  try {
    for (const [path, content] of files) pack.add(path, content);
  } catch (error) {
    pack.discard();
    throw error;
  }
  pack.commit(key);
  return pack;
}

/** A pack being written: files go to the staging folder as they come, so none is held in memory. */
export interface PackWriter {
  /** Stages a file: at once, or with `background`, by the writer thread while the caller goes on. */
  add(path: string, content: string | Uint8Array): void;
  /** Waits for the files being written in the background; throws the first write that failed. */
  settle(): Promise<void>;
  /** The SHA-256 of every file added, by path, sorted by path. */
  hashes(): [string, string][];
  /** Writes the manifest (with this fingerprint of the inputs) and swaps the new pack in. */
  commit(key: string): void;
  /** Throws the staging folder away, leaving the old pack as it was. */
  discard(): void;
  /** The user's entries the commit kept (files, links and folders). */
  kept(): UserEntry[];
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isMountPoint(dir: string): boolean {
  return statSync(dir).dev !== statSync(dirname(dir)).dev;
}

/** Refuses an output folder that holds an input, or lies inside an input folder. */
function checkInputs(target: string, outDir: string, inputs: readonly string[]): void {
  for (const input of inputs) {
    const inputPath = resolve(input);
    if (inputPath === target || inputPath.startsWith(target + sep)) {
      throw new CliError(`--out ${outDir} holds input files (${input}); choose another output folder`, 2);
    }
    if (target.startsWith(inputPath + sep)) {
      throw new CliError(`--out ${outDir} is inside the input folder ${input}; choose an output folder outside it`, 2);
    }
  }
}

function refuseState(state: FolderState, outDir: string, command: string | undefined): Manifest | undefined {
  if (state.kind === 'foreign') throw new CliError(`--out ${outDir} already has files that oba did not write; choose an empty or new folder`, 2);
  if (state.kind === 'legacy') {
    throw new CliError(
      `--out ${outDir} was written by an older version of oba, which kept no list of its own files, so oba cannot tell them from yours. ` +
        `Move any files of yours out of it, then delete it (\`rm -r ${outDir}\`) and run again`,
      1,
    );
  }
  if (state.kind !== 'pack') return undefined;
  const owner = state.manifest.command;
  if (command && owner && owner !== command) {
    throw new CliError(`--out ${outDir} holds the output of \`oba ${owner}\`; give \`oba ${command}\` a folder of its own`, 2);
  }
  return state.manifest;
}

/** Whether a pack path and a user's entry are in each other's way (the same path, or one inside the other). */
function clash(path: string, entry: UserEntry): boolean {
  if (entry.path === path) return true;
  if (path.startsWith(entry.path + '/')) return entry.kind !== 'dir';
  return entry.path.startsWith(path + '/');
}

function clashError(outDir: string, entry: UserEntry): CliError {
  return new CliError(
    `${join(outDir, entry.path)} is not a file oba wrote (or it was changed since), and the new output needs that name; ` +
      `oba will not overwrite it: move it out of ${outDir} and run again`,
    1,
  );
}

/** The longest `afterClockTick` waits: a few clock ticks of a file system with fine times. */
const TICK_WAIT_MS = 50;

/**
 * Waits, at most `TICK_WAIT_MS`, until the file system's clock in `dir` has moved on from the
 * time of the files just written there, so that the manifest, written next, is in a later tick
 * than every file: a rerun may then take each file as unchanged from its stat (`output-memo.ts`
 * trusts only files older than the manifest). Linux stamps files from a clock that moves every
 * few milliseconds, so the wait is that long at most; on a file system with coarse times (whole
 * seconds) it gives up, and those files are read and hashed by each rerun instead.
 */
function afterClockTick(dir: string): void {
  const probe = join(dir, `.oba-tick-${process.pid}`);
  if (lstatExists(probe)) return; // never touch a file of the user's
  const now = () => {
    writeFileSync(probe, '');
    return statSync(probe, { bigint: true }).mtimeNs;
  };
  try {
    const first = now();
    const pause = new Int32Array(new SharedArrayBuffer(4));
    for (const until = Date.now() + TICK_WAIT_MS; Date.now() < until; ) {
      Atomics.wait(pause, 0, 0, 1);
      if (now() > first) return;
    }
  } catch {
    // Only a speed-up for later reruns: a probe that cannot be written is no reason to fail.
  } finally {
    rmSync(probe, { force: true });
  }
}

export function openPack(outDir: string, options: PackOptions = {}): PackWriter {
  const target = resolve(outDir);
  checkInputs(target, outDir, options.inputs ?? []);
  recoverPack(target);
  if (lstatExists(target)) {
    if (lstatSync(target).isSymbolicLink()) throw new CliError(`--out ${outDir} is a symbolic link; give a real folder`, 2);
    if (!statSync(target).isDirectory()) throw new CliError(`--out ${outDir} is a file; give a folder`, 2);
  }
  const initial = folderState(target);
  refuseState(initial, outDir, options.command);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const inside = initial.kind !== 'absent' && isMountPoint(target);
  const staging = inside ? join(target, `.oba-staging-${process.pid}`) : join(parent, `.${basename(target)}.oba-staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  let user = initial.kind === 'pack' ? sortContents(target, initial.manifest).user : [];
  const written = new Map<string, string>();
  const writer = options.background ? startWriterThread() : undefined;
  // Folders made so far by files written here (the writer thread makes its own): a national run
  // writes thousands of files into a few hundred folders.
  const folders = new Set<string>();
  const add = (path: string, content: string | Uint8Array) => {
    if (path === PACK_MARKER || written.has(path)) throw new Error(`the pack writes ${path} twice`);
    const file = insideFolder(staging, path);
    const entry = user.find((e) => clash(path, e));
    if (entry) throw clashError(outDir, entry);
    // Written here without a writer thread, or when its queue is full (a disk slower than the
    // build), so memory stays bounded.
    if (!writer?.write(file, content)) {
      const folder = dirname(file);
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      writeFileSync(file, content);
    }
    written.set(path, sha256(content));
  };
  const settle = async () => {
    await writer?.settle();
  };
  return {
    add,
    settle,
    hashes: () => [...written].sort(([a], [b]) => byPath(a, b)),
    commit(key) {
      if (writer?.busy() || writer?.failed()) throw new Error('the pack was committed before its files were written (settle first)');
      writer?.close();
      // Look again: the user may have added or changed files while the pack was built.
      const state = folderState(target);
      const manifest = refuseState(state, outDir, options.command);
      // No manifest now: the folder is empty, or was removed while the pack was built.
      user = manifest ? sortContents(target, manifest).user : [];
      for (const path of written.keys()) {
        const entry = user.find((e) => clash(path, e));
        if (entry) throw clashError(outDir, entry);
      }
      const text = formatManifest(options.command ?? 'oba', key, [...written].sort(([a], [b]) => byPath(a, b)));
      afterClockTick(staging);
      if (inside) {
        writeFileSync(join(staging, PACK_MARKER), text);
        syncFolder(staging);
        renameSync(staging, join(target, COMMIT));
        flushFolder(target);
        finishInsideCommit(target);
        return;
      }
      for (const entry of user) carry(join(target, entry.path), join(staging, entry.path), entry);
      writeFileSync(join(staging, PACK_MARKER), text);
      syncFolder(staging);
      if (state.kind === 'absent') renameSync(staging, target);
      else {
        const old = swapFolders(staging, target, join(parent, `.${basename(target)}.oba-old-${process.pid}`));
        // Files the user saved in the old folder since it was sorted: moved across, never lost.
        if (manifest) for (const late of sortContents(old, manifest).user) if (!lstatExists(join(target, late.path))) carry(join(old, late.path), join(target, late.path), late, true);
        rmSync(old, { recursive: true, force: true });
      }
      flushFolder(parent);
    },
    discard: () => {
      if (writer?.busy()) throw new Error('the pack was discarded while its files were being written (settle first)');
      writer?.close();
      rmSync(staging, { recursive: true, force: true });
    },
    kept: () => user,
  };
}

function lstatExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Puts a user's entry into the new folder: a hard link to the same file (a copy where links fail), the same link, or a folder. */
function carry(from: string, to: string, entry: UserEntry, move = false): void {
  mkdirSync(dirname(to), { recursive: true });
  if (move) return renameSync(from, to);
  if (entry.kind === 'dir') mkdirSync(to, { recursive: true });
  else if (entry.kind === 'link') symlinkSync(readlinkSync(from), to);
  else {
    try {
      linkSync(from, to);
    } catch {
      copyFileSync(from, to);
    }
  }
}

/** Inside a mount point: the staged pack, renamed here once complete; its presence is the commit point. */
const COMMIT = '.oba-commit';

/**
 * Moves a committed pack into a mount-point folder: `oba`'s old files that the new pack does not
 * have are removed (only while unchanged), the new files moved in, the manifest last. Safe to
 * repeat, so a run killed part-way is finished by the next.
 */
function finishInsideCommit(target: string): void {
  const commit = join(target, COMMIT);
  const next = parseManifest(readFileSync(join(commit, PACK_MARKER), 'utf8'));
  if (next === 'legacy') throw new Error(`the staged manifest in ${commit} cannot be read`);
  const state = folderState(target);
  if (state.kind === 'pack') {
    for (const [path, hash] of state.manifest.files) {
      const file = join(target, path);
      if (next.files.has(path) || !lstatExists(file) || !lstatSync(file).isFile() || sha256(readFileSync(file)) !== hash) continue;
      rmSync(file);
      removeEmptyParents(target, dirname(file));
    }
  }
  for (const path of [...next.files.keys()].sort(byPath)) {
    const from = join(commit, path);
    if (!lstatExists(from)) continue;
    mkdirSync(dirname(join(target, path)), { recursive: true });
    renameSync(from, join(target, path));
  }
  renameSync(join(commit, PACK_MARKER), join(target, PACK_MARKER));
  rmSync(commit, { recursive: true, force: true });
  flushFolder(target);
}

function removeEmptyParents(root: string, dir: string): void {
  while (dir !== root && dir.startsWith(root + sep) && readdirSync(dir).length === 0) {
    rmdirSync(dir);
    dir = dirname(dir);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Repairs what a run killed part-way may have left: if the folder is missing but an old copy
 * was set aside, the old copy is put back; a pack committed inside a mount point is moved into
 * place; staging folders and lock drafts of dead runs are removed. Only names `oba` makes are
 * touched (`.<name>.oba-staging-<pid>`, `.<name>.oba-old-<pid>`, `.<name>.lock.<pid>.tmp`).
 */
export function recoverPack(outDir: string): void {
  const target = resolve(outDir);
  const parent = dirname(target);
  if (!existsSync(parent)) return;
  const name = escapeRegExp(basename(target));
  const ours = new RegExp(`^\\.${name}\\.(?:oba-(old|staging)-(\\d+)|lock\\.(\\d+)\\.(?:tmp|stale))$`);
  for (const leftover of readdirSync(parent).sort()) {
    const match = ours.exec(leftover);
    if (!match) continue;
    const pid = Number(match[2] ?? match[3]);
    if (pid !== process.pid && processAlive(pid)) continue;
    const full = join(parent, leftover);
    if (match[1] === 'old' && !lstatExists(target)) renameSync(full, target);
    else rmSync(full, { recursive: true, force: true });
  }
  if (!lstatExists(target) || !lstatSync(target).isDirectory()) return;
  for (const entry of readdirSync(target)) {
    const staged = /^\.oba-staging-(\d+)$/.exec(entry);
    if (staged && (Number(staged[1]) === process.pid || !processAlive(Number(staged[1])))) rmSync(join(target, entry), { recursive: true, force: true });
  }
  if (existsSync(join(target, COMMIT, PACK_MARKER))) finishInsideCommit(target);
  else rmSync(join(target, COMMIT), { recursive: true, force: true });
}

/**
 * Removes `oba`'s own files from a folder (those its manifest lists, still unchanged), keeping
 * everything else; the folder itself goes only if nothing else is left in it.
 * Returns the user's entries kept.
 */
export function cleanPack(outDir: string, command?: string): UserEntry[] {
  const target = resolve(outDir);
  recoverPack(target);
  const state = folderState(target);
  if (state.kind === 'absent' || state.kind === 'empty') return [];
  const manifest = refuseState(state, outDir, command)!;
  const { oba, user } = sortContents(target, manifest);
  for (const path of oba) {
    rmSync(join(target, path));
    removeEmptyParents(target, dirname(join(target, path)));
  }
  // What is left is the user's; an empty manifest keeps the folder open to the next run. A mount
  // point cannot be removed, so it keeps an empty manifest too.
  if (readdirSync(target).length === 1 && !isMountPoint(target)) rmSync(target, { recursive: true });
  else writeFileAtomic(join(target, PACK_MARKER), formatManifest(manifest.command ?? command ?? 'oba', '', []));
  return user;
}

/** Reads `oba`'s files of a pack folder (those its manifest lists; every file when it has none) as bytes. */
export function readPack(outDir: string): PackFiles {
  const files: PackFiles = new Map();
  const manifest = folderState(outDir);
  if (manifest.kind === 'pack') {
    for (const path of [...manifest.manifest.files.keys()].sort(byPath)) {
      const file = join(outDir, path);
      if (lstatExists(file) && lstatSync(file).isFile()) files.set(path, readFileSync(file));
    }
    return files;
  }
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
