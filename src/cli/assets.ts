/**
 * Reading the text assets a report needs: templates (bundled, overridden by the user's own
 * folder by file name) and narrative files.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readSmallText } from '../io/read-text.js';
import { join } from 'node:path';
import { packageRoot } from '../io/package-root.js';
import type { TemplateSet } from '../render/templates.js';
import { parseNarrative, type Narrative } from '../report/narrative.js';
import { slugify } from '../render/slug.js';
import { CliError } from './errors.js';

/** The largest template or narrative read: far more than any is, small enough to hold. */
export const MAX_ASSET_BYTES = 1024 * 1024;

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // a link to nothing
  }
}

export function bundledTemplatesDir(): string {
  return join(packageRoot(), 'templates');
}

/** Bundled templates, each replaced by a file of the same name in `userDir` when there is one. */
export function loadTemplates(userDir: string | undefined): TemplateSet {
  const set: Record<string, string> = {};
  const readDir = (dir: string) => {
    // Hidden files (an editor's lock or backup) are not templates.
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.liquid') && !n.startsWith('.')).sort()) set[name] = readSmallText(join(dir, name), MAX_ASSET_BYTES, 'template');
  };
  readDir(bundledTemplatesDir());
  if (userDir) {
    if (!existsSync(userDir) || !statSync(userDir).isDirectory()) throw new CliError(`the templates folder ${userDir} does not exist; check \`templates:\` in the configuration`, 1);
    readDir(userDir);
  }
  return set;
}

export interface NarrativeSet {
  city: Map<number, Narrative>;
  /** By area slug, then indicator number. */
  local: Map<string, Map<number, Narrative>>;
  problems: string[];
}

/** Reads `indicator-NN.md` files, and `clusters/<area-slug>/indicator-NN.md` for local sheets. */
export function loadNarratives(dir: string | undefined): NarrativeSet {
  const set: NarrativeSet = { city: new Map(), local: new Map(), problems: [] };
  if (!dir || !existsSync(dir)) return set;
  const readInto = (folder: string, into: Map<number, Narrative>) => {
    for (const name of readdirSync(folder).sort()) {
      const m = /^indicator-(\d+)\.md$/.exec(name);
      if (!m) continue;
      const file = join(folder, name);
      const narrative = parseNarrative(readSmallText(file, MAX_ASSET_BYTES, 'narrative'), file);
      set.problems.push(...narrative.problems);
      const number = narrative.indicator ?? Number(m[1]);
      if (narrative.indicator !== undefined && narrative.indicator !== Number(m[1])) {
        set.problems.push(`${file}: the file name says indicator ${Number(m[1])} but the front matter says ${narrative.indicator}`);
      }
      into.set(number, narrative);
    }
  };
  readInto(dir, set.city);
  const clusters = join(dir, 'clusters');
  if (existsSync(clusters)) {
    for (const name of readdirSync(clusters).sort()) {
      const folder = join(clusters, name);
      if (!isFolder(folder)) continue;
      const map = new Map<number, Narrative>();
      readInto(folder, map);
      set.local.set(slugify(name), map);
    }
  }
  return set;
}
