/**
 * The versions of vega and vega-lite, read from their package files so a run can fingerprint
 * its inputs without loading the (slow to load) chart libraries.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The version in an installed package's package.json (found from where it resolves), or `unknown`. */
export function versionOf(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.resolve(name)));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const json = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (json.name === name && json.version) return json.version;
    }
    const parent = dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}

/** `vega 6.4.0, vega-lite 6.4.3`: the same text the charts are stamped with. */
export function rendererVersions(): string {
  return `vega ${versionOf('vega')}, vega-lite ${versionOf('vega-lite')}`;
}
