/**
 * The YAML memo of a working folder (`.oba-cache/yaml/`): each plan, configuration or front
 * matter that parsed without a problem, kept as JSON under the SHA-256 of its text and of the
 * versions of oba and the YAML library, so a rerun reads the value instead of parsing again.
 * It is only ever a speed-up: an entry that cannot be read or fails its checksum is dropped, and
 * one that cannot be written is not kept.
 */
import { join } from 'node:path';
import type { YamlMemo } from '../config/yaml.js';
import { checkedEntries, sha256 } from './cache.js';
import { packageVersion } from './package-root.js';
import { versionOf } from './renderer-versions.js';

const HEADER = 'oba-yaml v1 sha256=';

export function openYamlMemo(cacheDir: string): YamlMemo {
  const entries = checkedEntries(join(cacheDir, 'yaml'), HEADER);
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
      try {
        entries.set(key(text), JSON.stringify(value));
      } catch {
        // A folder that cannot be written (read-only, full): the run goes on without the memo.
      }
    },
  };
}
