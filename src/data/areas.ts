/**
 * Matching the area names and codes written in data files to the plan's areas.
 */
import type { Area } from '../plan/types.js';

/** Trimmed, inner spaces collapsed, lower case: the form names and aliases are compared in. */
export function areaKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

export interface AreaMatcher {
  /** The canonical area name for a name, code or alias written in a file, or undefined. */
  match(text: string): string | undefined;
  /** Every canonical area name, for suggestions. */
  readonly names: readonly string[];
}

/**
 * Matches by name, code and aliases, ignoring case and surrounding or repeated spaces. `map`
 * (from a source mapping's `areas:`) sends a file's own spellings or codes to area names; it is
 * consulted first.
 */
export function areaMatcher(areas: readonly Area[], map: Readonly<Record<string, string>> = {}): AreaMatcher {
  const index = new Map<string, string>();
  for (const area of areas) {
    for (const key of [area.name, ...(area.code ? [area.code] : []), ...area.aliases]) {
      const k = areaKey(key);
      if (!index.has(k)) index.set(k, area.name);
    }
  }
  const mapped = new Map<string, string>();
  for (const [from, to] of Object.entries(map)) {
    const target = index.get(areaKey(to));
    if (target !== undefined) mapped.set(areaKey(from), target);
  }
  // Files repeat a few area spellings on many rows: remember each spelling's answer.
  const seen = new Map<string, string | undefined>();
  return {
    match: (text) => {
      if (seen.has(text)) return seen.get(text);
      const k = areaKey(text);
      const found = mapped.get(k) ?? index.get(k);
      if (seen.size < 10_000) seen.set(text, found);
      return found;
    },
    names: areas.map((a) => a.name),
  };
}
