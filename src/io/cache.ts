/**
 * A content-addressed cache of drawn charts. An entry's name is the SHA-256 of everything that
 * decides its content (the spec, the versions of oba, vega and vega-lite). The entry's checksum
 * covers that key and its content together, so an entry is trusted only under the key it was
 * written for: one copied or renamed to another chart's name is not. Whatever its checksum, an
 * entry must also look like what the chart library draws (an SVG with no script, event handler,
 * foreign object or `javascript:` link), since anyone who can write the folder can forge a
 * checksum. A bad entry is deleted and redrawn.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './write.js';
import { sha256 } from './hash.js';

export { sha256 };

export interface ChartCache {
  key(...parts: string[]): string;
  get(key: string): string | undefined;
  set(key: string, content: string): void;
  /** Entries found corrupt and deleted in this run. */
  corrupt(): number;
}

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
export function checkedEntries(dir: string, header: string, accept: (content: string) => boolean = () => true) {
  let corrupt = 0;
  const path = (key: string) => join(dir, key.slice(0, 2), key);
  return {
    get(key: string): string | undefined {
      const file = path(key);
      if (!existsSync(file)) return undefined;
      try {
        const text = readFileSync(file, 'utf8');
        const newline = text.indexOf('\n');
        const content = text.slice(newline + 1);
        if (newline > 0 && text.slice(0, newline) === header + sha256(key, content) && accept(content)) return content;
      } catch {
        // unreadable: treated as corrupt below
      }
      corrupt++;
      rmSync(file, { force: true });
      return undefined;
    },
    set(key: string, content: string): void {
      mkdirSync(join(dir, key.slice(0, 2)), { recursive: true });
      writeFileAtomic(path(key), `${header}${sha256(key, content)}\n${content}`, { sync: false });
    },
    corrupt: () => corrupt,
  };
}

export function openCache(dir: string): ChartCache {
  const entries = checkedEntries(dir, HEADER, plausibleSvg);
  return { key: (...parts) => sha256(...parts), get: entries.get, set: entries.set, corrupt: entries.corrupt };
}
