/**
 * Checks a narrative file as its author wrote it, so nothing in it is dropped unseen: front
 * matter that is not YAML (at its line in the file), fields a card relies on, and headings
 * that are not sections (their text would not be shown).
 */
import { parseYaml } from '../config/yaml.js';
import type { DataIssue } from '../data/types.js';
import { nearest, quote } from '../data/issues.js';
import { CARD_SECTIONS, MAX_FRONT_MATTER_BYTES, sectionHeading, SHEET_SECTIONS } from './narrative.js';

/** A narrative for the city's report card, or for a local cluster's turn-the-curve sheet. */
export type NarrativeKind = 'card' | 'sheet';

const FIELDS: { key: string; why: string }[] = [
  { key: 'owner', why: 'who owns the action plan, shown on the card' },
  { key: 'updated', why: 'the date the text was written, which its figures are checked against' },
];

export function checkNarrativeText(text: string, file: string, kind: NarrativeKind): DataIssue[] {
  const issues: DataIssue[] = [];
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  let body = 0;
  if (lines[0] === '---') {
    const close = lines.indexOf('---', 1);
    if (close < 0) {
      issues.push({ severity: 'error', code: 'NARRATIVE_YAML', file, line: 1, message: 'the front matter opened on line 1 has no closing --- line; add one after the last field' });
      return issues;
    }
    body = close + 1;
    const parsed = parseYaml(lines.slice(1, close).join('\n'), file, { maxBytes: MAX_FRONT_MATTER_BYTES, lineOffset: 1 });
    if (!parsed.ok) {
      for (const p of parsed.located) issues.push({ severity: 'error', code: 'NARRATIVE_YAML', file, line: p.line ?? 1, ...(p.column !== undefined ? { column: p.column } : {}), message: `front matter: ${p.message}` });
    } else {
      const meta = parsed.value !== null && typeof parsed.value === 'object' && !Array.isArray(parsed.value) ? (parsed.value as Record<string, unknown>) : undefined;
      if (!meta) issues.push({ severity: 'error', code: 'NARRATIVE_YAML', file, line: 2, message: 'the front matter must be key: value lines (indicator:, updated:, owner:)' });
      else {
        for (const { key, why } of FIELDS) {
          if (meta[key] === undefined || meta[key] === null || meta[key] === '') {
            issues.push({ severity: 'warning', code: 'NARRATIVE_FIELD', file, line: 1, message: `no ${key}: in the front matter (${why}); add ${key}: between the --- lines` });
          }
        }
      }
    }
  } else {
    issues.push({ severity: 'warning', code: 'NARRATIVE_FIELD', file, line: 1, message: 'no front matter; start the file with ---, indicator:, updated: and owner: lines, then ---' });
  }
  const sections = Object.values(kind === 'card' ? CARD_SECTIONS : SHEET_SECTIONS) as string[];
  for (let i = body; i < lines.length; i++) {
    // The reader's own heading parser: linear in the line, where a regular expression backtracked.
    const title = sectionHeading(lines[i]!);
    if (title === undefined) continue;
    if (sections.includes(title)) continue;
    const near = sections.find((s) => s.toLowerCase() === title.toLowerCase()) ?? nearest(title, sections);
    issues.push({
      severity: 'warning',
      code: 'NARRATIVE_HEADING',
      file,
      line: i + 1,
      column: 4,
      message: `${quote(`## ${title}`)} is not a section of a ${kind === 'card' ? 'report card' : 'turn-the-curve sheet'}, so the text under it is not shown; ${near ? `did you mean ${quote(`## ${near}`)}? ` : ''}the sections are ${sections.map((s) => quote(s)).join(', ')}`,
    });
  }
  return issues;
}
