/**
 * The data memo of a working folder (`.oba-cache/data/`): what reading and checking the data
 * files gave (every observation, every issue), kept under a key of everything that decides it
 * (the bytes and paths of the configuration, the plan and each data file, the working folder,
 * oba's code), so the next command on the same data reads one file instead of parsing and
 * checking every CSV again: `oba report`, then `oba sheet`, then `oba tracker`, or a rerun after
 * a narrative was edited.
 *
 * An entry is the payload in V8's serialization format (which keeps what JSON would lose: fields
 * set to undefined, objects shared between observations), after a line with the SHA-256 of its
 * key and payload, so an entry is trusted only under the key it was written for. Like the YAML
 * memo it is only ever a speed-up: an entry that cannot be read, fails its checksum or does not
 * deserialize is deleted and the data are read; one that cannot be written is not kept.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { DataIssue, Observation } from '../data/types.js';
import { sha256 } from './hash.js';
import { writeFileAtomic } from './write-file.js';

const HEADER = 'oba-data v1 sha256=';

/**
 * Entries kept: this run's, and the one before it (the data as they were before the last edit,
 * which an undo brings back). An entry is about 4 bytes for each byte of CSV read.
 */
export const DATA_MEMO_ENTRIES = 2;

/** What reading and checking the data gave. */
export interface ReadData {
  observations: Observation[];
  issues: DataIssue[];
}

export interface DataMemo {
  /** The data read under this key, if an earlier run kept them. */
  get(): ReadData | undefined;
  /** Keeps `data` under this key, and lets older entries go. */
  set(data: ReadData): void;
}

/**
 * The memo's entry for `key` (the SHA-256 of everything that decides what reading the data
 * gives: see `dataKey` in `cli/output-run.ts`).
 */
export function openDataMemo(cacheDir: string, key: string): DataMemo {
  const dir = join(cacheDir, 'data');
  const file = join(dir, key);
  return {
    get() {
      if (!existsSync(file)) return undefined;
      try {
        const bytes = readFileSync(file);
        const newline = bytes.indexOf(0x0a);
        const payload = bytes.subarray(newline + 1);
        if (newline > 0 && bytes.subarray(0, newline).toString('latin1') === HEADER + sha256(key, payload)) {
          const data = deserialize(payload) as ReadData;
          if (Array.isArray(data?.observations) && Array.isArray(data?.issues)) {
            touch(file);
            return data;
          }
        }
      } catch {
        // unreadable, or not what serialize wrote: dropped below
      }
      rmSync(file, { force: true });
      return undefined;
    },
    set(data) {
      try {
        const payload = serialize(data);
        writeFileAtomic(file, [Buffer.from(`${HEADER}${sha256(key, payload)}\n`, 'latin1'), payload], { sync: false });
        dropOlder(dir, file);
      } catch {
        // A folder that cannot be written (read-only, full): the run goes on without the memo.
      }
    },
  };
}

/** Marks an entry as used now: entries are let go oldest first. */
function touch(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // Only an ordering: an entry that cannot be touched may go sooner.
  }
}

/** Deletes all but the {@link DATA_MEMO_ENTRIES} entries used last (`kept` always among them). */
function dropOlder(dir: string, kept: string): void {
  const entries = readdirSync(dir)
    .filter((name) => /^[0-9a-f]{64}$/.test(name))
    .map((name) => join(dir, name))
    .filter((file) => file !== kept)
    .flatMap((file) => {
      try {
        return [{ file, used: statSync(file).mtimeMs }];
      } catch {
        return []; // deleted meanwhile
      }
    })
    .sort((a, b) => b.used - a.used || (a.file < b.file ? -1 : 1));
  for (const { file } of entries.slice(DATA_MEMO_ENTRIES - 1)) rmSync(file, { force: true });
}
