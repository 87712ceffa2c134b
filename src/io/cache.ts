/**
 * A content-addressed cache of drawn charts. An entry's name is the SHA-256 of everything that
 * decides its content (the spec, the versions of oba, vega and vega-lite). The entry's checksum
 * covers that key and its content together, so an entry is trusted only under the key it was
 * written for: one copied or renamed to another chart's name is not. Whatever its checksum, an
 * entry must also look like what the chart library draws (an SVG with no script, event handler,
 * foreign object or `javascript:` link), since anyone who can write the folder can forge a
 * checksum. A bad entry is deleted and redrawn.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './write-file.js';
import { startWriterThread, type WriterThread } from './writer-thread.js';
import { sha256 } from './hash.js';

export { sha256 };

export interface ChartCache {
  key(...parts: string[]): string;
  get(key: string): string | undefined;
  set(key: string, content: string): void;
  /** Entries found corrupt and deleted in this run. */
  corrupt(): number;
  /** Waits for the entries being written in the background; never fails (see `unsaved`). */
  settle(): Promise<void>;
  /** Entries that could not be written (a full disk, a folder made read-only), and the first reason. */
  unsaved(): { count: number; reason?: string };
  /** Stops the background writer, if one was started (after `settle`). */
  close(): void;
  /**
   * When this run added entries and the cache holds more than `maxBytes`, deletes the entries
   * used longest ago until it holds at most three quarters of it. Returns how many were deleted.
   */
  prune(maxBytes?: number): number;
}

/**
 * The most the chart cache keeps, by default. A full run of the bundled Leeds pack adds about
 * 12 MB of charts whenever its data change, and a national run (153 authorities) about 90 MB:
 * without a bound, a working folder run weekly for years would keep every chart it ever drew.
 */
export const MAX_CACHE_BYTES = 512 * 1024 * 1024;

const HEADER = 'oba-cache v2 sha256=';

/** A tag no chart drawn by the chart library has: anything that could run, fetch or link away. */
const UNSAFE_TAG = /^<\/?(?:script|foreignobject|iframe|object|embed|!doctype|!entity)|\son[a-z-]*\s*=|href\s*=\s*["']?(?!#)|javascript:/i;

/** Whether a cached text is an SVG the chart library could have drawn (one pass over its tags). */
export function plausibleSvg(content: string): boolean {
  if (!content.startsWith('<svg') || !content.trimEnd().endsWith('</svg>')) return false;
  for (const [tag] of content.matchAll(/<[^<>]*>?/g)) if (UNSAFE_TAG.test(tag)) return false;
  return true;
}

/**
 * Texts kept under `dir` by key, each file stamped with the SHA-256 of its key and text, so a
 * file is trusted only under the key it was written for. A file that fails its checksum, or
 * that `accept` refuses, is deleted and counts as corrupt.
 */
export function checkedEntries(dir: string, header: string, accept: (content: string) => boolean = () => true, touch = false) {
  let corrupt = 0;
  const path = (key: string) => join(dir, key.slice(0, 2), key);
  /** An entry's first line: the header and the checksum of its key and content. */
  const entryHead = (key: string, content: string) => `${header}${sha256(key, content)}\n`;
  return {
    get(key: string): string | undefined {
      const file = path(key);
      if (!existsSync(file)) return undefined;
      try {
        const text = readFileSync(file, 'utf8');
        const newline = text.indexOf('\n');
        const content = text.slice(newline + 1);
        if (newline > 0 && text.slice(0, newline) === header + sha256(key, content) && accept(content)) {
          if (touch) touchFile(file);
          return content;
        }
      } catch {
        // unreadable: treated as corrupt below
      }
      corrupt++;
      rmSync(file, { force: true });
      return undefined;
    },
    set(key: string, content: string): void {
      writeFileAtomic(path(key), entryHead(key, content) + content, { sync: false });
    },
    /** Where the entry for `key` is kept, and what it holds: for writing it elsewhere than `set`. */
    path,
    entryHead,
    corrupt: () => corrupt,
  };
}

/** Marks an entry as used now, for `prune` (its content, and so its checksum, stay as they are). */
function touchFile(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // Only an ordering for pruning: an entry that cannot be touched may go sooner.
  }
}

/**
 * Deletes the entries used longest ago (by modification time, which a hit renews) until those
 * left (`totalBytes` in all now) total at most `keepBytes`. Returns how many were deleted. An
 * entry another run deletes meanwhile is passed over; one a run needs again is redrawn.
 */
function dropOldest(entries: { file: string; size: number; used: number }[], totalBytes: number, keepBytes: number): number {
  let bytes = totalBytes;
  let deleted = 0;
  entries.sort((a, b) => a.used - b.used || (a.file < b.file ? -1 : 1));
  for (const entry of entries) {
    if (bytes <= keepBytes) break;
    rmSync(entry.file, { force: true });
    bytes -= entry.size;
    deleted++;
  }
  return deleted;
}

/**
 * When the entries under `dir` total more than `maxBytes`, deletes those used longest ago until
 * they total at most three quarters of it (so that the next few runs need not prune again).
 * Returns how many were deleted.
 */
export function pruneEntries(dir: string, maxBytes: number): number {
  const all = cacheEntries(dir);
  const total = all.reduce((sum, e) => sum + e.size, 0);
  return total > maxBytes ? dropOldest(all, total, Math.floor(maxBytes * 0.75)) : 0;
}

/** The entries under `dir`: files in its two-character folders (the memos' folders are not). */
function cacheEntries(dir: string): { file: string; size: number; used: number }[] {
  const entries: { file: string; size: number; used: number }[] = [];
  let buckets: string[];
  try {
    buckets = readdirSync(dir).filter((name) => /^[0-9a-f]{2}$/.test(name));
  } catch {
    return entries;
  }
  for (const bucket of buckets) {
    let names: string[];
    try {
      names = readdirSync(join(dir, bucket));
    } catch {
      continue;
    }
    for (const name of names) {
      const file = join(dir, bucket, name);
      try {
        const stat = statSync(file);
        if (stat.isFile()) entries.push({ file, size: stat.size, used: stat.mtimeMs });
      } catch {
        // deleted meanwhile
      }
    }
  }
  return entries;
}

/**
 * The chart cache in `dir`. Entries are written by a thread of their own (`writer-thread.ts`),
 * started at the first entry: a national run adds about 4,000, and creating each file blocked
 * the build for most of a millisecond on a busy disk. An entry that cannot be written is counted
 * (`unsaved`), not fatal: the chart is drawn and written to the pack all the same.
 */
export function openCache(dir: string): ChartCache {
  const entries = checkedEntries(dir, HEADER, plausibleSvg, true);
  let added = 0;
  let writer: WriterThread | undefined;
  const unsaved: { count: number; reason?: string } = { count: 0 };
  const failed = (error: unknown) => {
    unsaved.count++;
    unsaved.reason ??= error instanceof Error ? error.message : String(error);
  };
  return {
    key: (...parts) => sha256(...parts),
    get: entries.get,
    set(key, content) {
      added++;
      writer ??= startWriterThread({ onError: failed });
      if (writer.write(entries.path(key), [entries.entryHead(key, content), content], { atomic: true })) return;
      try {
        entries.set(key, content);
      } catch (error) {
        failed(error);
      }
    },
    corrupt: entries.corrupt,
    settle: async () => {
      await writer?.settle();
    },
    unsaved: () => ({ ...unsaved }),
    close: () => writer?.close(),
    prune(maxBytes = MAX_CACHE_BYTES) {
      return added === 0 ? 0 : pruneEntries(dir, maxBytes);
    },
  };
}
