/**
 * The YAML memo of a working folder (`.oba-cache/yaml/`): each plan, configuration or front
 * matter that parsed without a problem, kept as JSON under the SHA-256 of its text and of the
 * versions of oba and the YAML library, so a rerun reads the value instead of parsing again.
 * It is only ever a speed-up: an entry that cannot be read or fails its checksum is dropped, and
 * one that cannot be written is not kept. Every edit of a plan, a configuration or a narrative's
 * front matter adds an entry, so the memo is bounded: past {@link MAX_YAML_MEMO_BYTES}, the
 * entries used longest ago are let go.
 */
import { join } from 'node:path';
import type { YamlMemo } from '../config/yaml.js';
import { checkedEntries, pruneEntries, sha256 } from './cache.js';
import { packageVersion } from './package-root.js';
import { versionOf } from './renderer-versions.js';

const HEADER = 'oba-yaml v1 sha256=';

/** The most the YAML memo keeps: a few hundred versions of a large plan. */
export const MAX_YAML_MEMO_BYTES = 16 * 1024 * 1024;

/**
 * The memo of `cacheDir`. `readOnly`: entries are read but none is added or marked as used, for
 * commands that add nothing to the working folder (`status`, `show`, `baseline`).
 */
export function openYamlMemo(cacheDir: string, options: { maxBytes?: number; readOnly?: boolean } = {}): YamlMemo {
  const dir = join(cacheDir, 'yaml');
  const maxBytes = options.maxBytes ?? MAX_YAML_MEMO_BYTES;
  const entries = checkedEntries(dir, HEADER, undefined, !options.readOnly);
  const versions = `oba ${packageVersion()}, yaml ${versionOf('yaml')}`;
  const key = (text: string) => sha256('yaml', versions, text);
  return {
    get(text) {
      try {
        const json = entries.get(key(text));
        return json === undefined ? undefined : (JSON.parse(json) as unknown);
      } catch {
        return undefined;
      }
    },
    set(text, value) {
      if (options.readOnly) return;
      try {
        entries.set(key(text), JSON.stringify(value));
        pruneEntries(dir, maxBytes);
      } catch {
        // A folder that cannot be written (read-only, full): the run goes on without the memo.
      }
    },
  };
}
