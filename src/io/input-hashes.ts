/**
 * SHA-256s of input files (configuration, plan, data, narratives, templates) remembered by their
 * stat (`.oba-cache/inputs/`), so fingerprinting a rerun's inputs need not read the unchanged
 * ones. The rule is the output memo's (`output-memo.ts`): a file's hash is remembered only when
 * both its times are before a stamp taken before it was read, so any later write to it shows in
 * its stat. The stamp is the modification time of a file written in the cache folder; a file on
 * another file system (another clock) is read every time.
 */
import { mkdirSync, statSync, writeFileSync, type BigIntStats } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkedEntries } from './cache.js';
import { hashFile } from './hash.js';
import { settledBefore, signature } from './output-memo.js';

const HEADER = 'oba-inputs v1 sha256=';
const ENTRY = 'inputs';
/** Beyond this many remembered files, only those of the latest run are kept. */
const MAX_FILES = 10_000;

export interface InputHashes {
  /** `hashFile(file, refuse)`, from memory when the file is remembered unchanged. */
  hash(file: string, refuse: (what: string) => Error): string | undefined;
  /** Writes what this run learned (nothing when it read no file). */
  save(): void;
  /** How many files this run had to read. */
  read(): number;
}

/**
 * The hashes remembered in `cacheDir`. `readOnly`: remembered hashes are used, but nothing new is
 * learned or written, for commands that add nothing to the working folder.
 */
export function openInputHashes(cacheDir: string, options: { readOnly?: boolean } = {}): InputHashes {
  const dir = join(cacheDir, 'inputs');
  const entries = checkedEntries(dir, HEADER);
  let known: Record<string, [string, string]> = {};
  try {
    const json = entries.get(ENTRY);
    if (json !== undefined) known = JSON.parse(json) as Record<string, [string, string]>;
  } catch {
    known = {};
  }
  const used: Record<string, [string, string]> = {};
  let learned = false;
  let read = 0;
  let stamp: Pick<BigIntStats, 'dev' | 'mtimeNs'> | null | undefined;
  /** The file system's time now, in the cache folder: taken once, before the first file is read. */
  const stampNow = () => {
    if (options.readOnly) stamp = null;
    if (stamp !== undefined) return stamp;
    try {
      const file = join(dir, 'stamp');
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, '');
      stamp = statSync(file, { bigint: true });
    } catch {
      stamp = null; // a cache folder that cannot be written: nothing is remembered
    }
    return stamp;
  };
  return {
    hash(file, refuse) {
      const path = resolve(file);
      let stat: BigIntStats | undefined;
      try {
        stat = statSync(path, { bigint: true });
      } catch {
        stat = undefined;
      }
      if (!stat?.isFile()) return hashFile(file, refuse); // missing, a folder or a device: as without the memo
      const seen = signature(stat);
      const entry = Object.hasOwn(known, path) ? known[path] : undefined;
      if (Array.isArray(entry) && entry[0] === seen && typeof entry[1] === 'string') {
        used[path] = entry;
        return entry[1];
      }
      const now = stampNow();
      read++;
      const hash = hashFile(file, refuse);
      if (hash !== undefined && now && stat.dev === now.dev && settledBefore(stat, now.mtimeNs)) {
        used[path] = [seen, hash];
        learned = true;
      }
      return hash;
    },
    save() {
      if (!learned) return;
      const merged = { ...known, ...used };
      try {
        entries.set(ENTRY, JSON.stringify(Object.keys(merged).length > MAX_FILES ? used : merged));
      } catch {
        // A cache folder that cannot be written: the next run reads the files again.
      }
    },
    read: () => read,
  };
}
