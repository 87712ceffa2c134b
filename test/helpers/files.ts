import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file below `dir`, by `/`-separated path relative to it, with its text; sorted. */
export function readTree(dir: string, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) for (const [k, v] of readTree(full, prefix + name + '/')) out.set(k, v);
    else out.set(prefix + name, readFileSync(full, 'utf8'));
  }
  return out;
}

/** Whether two trees hold the same files with the same bytes. */
export function sameTree(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}
