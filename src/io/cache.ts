/**
 * A content-addressed cache of drawn charts. An entry's name is the SHA-256 of everything that
 * decides its content (the spec, the versions of oba, vega and vega-lite); the entry stores a
 * checksum of its own content, so a corrupt or truncated entry is detected, deleted and redrawn,
 * never trusted.
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

const HEADER = 'oba-cache v1 sha256=';

export function openCache(dir: string): ChartCache {
  let corrupt = 0;
  const path = (key: string) => join(dir, key.slice(0, 2), key);
  return {
    key: (...parts) => sha256(...parts),
    get(key) {
      const file = path(key);
      if (!existsSync(file)) return undefined;
      try {
        const text = readFileSync(file, 'utf8');
        const newline = text.indexOf('\n');
        const header = text.slice(0, newline);
        const content = text.slice(newline + 1);
        if (newline > 0 && header === HEADER + sha256(content)) return content;
      } catch {
        // unreadable: treated as corrupt below
      }
      corrupt++;
      rmSync(file, { force: true });
      return undefined;
    },
    set(key, content) {
      const file = path(key);
      mkdirSync(join(dir, key.slice(0, 2)), { recursive: true });
      writeFileAtomic(file, `${HEADER}${sha256(content)}\n${content}`);
    },
    corrupt: () => corrupt,
  };
}
