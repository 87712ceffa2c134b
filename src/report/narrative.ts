/**
 * Narrative files: the human-written parts of a report card or a turn-the-curve sheet.
 * Markdown with YAML front matter, and one `## ` heading per section. They are untrusted text:
 * sections are sanitised before they reach a template (see `sanitiseNarrative`).
 */
import { parseYaml } from '../config/yaml.js';
import { sanitiseNarrative } from '../render/markdown.js';

export const CARD_SECTIONS = {
  story: 'Story behind the baseline',
  partners: 'Partners',
  whatWorks: 'What works',
  actions: 'What we propose to do',
  dataDevelopment: 'Data development agenda',
} as const;

export const SHEET_SECTIONS = {
  howAreWeDoing: 'How are we doing?',
  story: 'What is the story behind the curve?',
  partners: 'Who are the partners with a role to play?',
  whatWorks: 'What works?',
  actions: 'What do we propose to do?',
} as const;

/** Front matter is a few `key: value` lines; more than this is refused, unread. */
export const MAX_FRONT_MATTER_BYTES = 16 * 1024;

export interface Narrative {
  file: string;
  indicator: number | undefined;
  area: string | undefined;
  updated: string | undefined;
  owner: string | undefined;
  /** Sanitised Markdown by heading text. */
  sections: Map<string, string>;
  problems: string[];
}

export function parseNarrative(text: string, file: string): Narrative {
  const problems: string[] = [];
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let body = normalised;
  let meta: Record<string, unknown> = {};
  const fm = /^---\n([\s\S]*?)\n---\n?/.exec(normalised);
  if (fm) {
    body = normalised.slice(fm[0].length);
    const parsed = parseYaml(fm[1]!, file, { maxBytes: MAX_FRONT_MATTER_BYTES, lineOffset: 1 }); // the front matter starts on line 2
    if (!parsed.ok) problems.push(...parsed.problems);
    else if (parsed.value && typeof parsed.value === 'object' && !Array.isArray(parsed.value)) meta = parsed.value as Record<string, unknown>;
    else problems.push(`${file}: the front matter must be key: value lines`);
  }
  const text_ = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' || typeof v === 'number' ? String(v).trim() : undefined);
  const indicatorValue = meta['indicator'];
  const indicator = typeof indicatorValue === 'number' && Number.isInteger(indicatorValue) ? indicatorValue : undefined;
  if (indicatorValue !== undefined && indicator === undefined) problems.push(`${file}: indicator must be a whole number`);

  const sections = new Map<string, string>();
  let current: string | undefined;
  let lines: string[] = [];
  const flush = () => {
    if (current !== undefined) {
      const content = sanitiseNarrative(lines.join('\n'));
      if (content) sections.set(current, content);
    }
    lines = [];
  };
  for (const line of body.split('\n')) {
    const heading = sectionHeading(line);
    if (heading !== undefined) {
      flush();
      current = heading;
    } else lines.push(line);
  }
  flush();
  return { file, indicator, area: text_(meta['area']), updated: text_(meta['updated']), owner: text_(meta['owner']), sections, problems };
}

/**
 * The text of a `## ` heading line (without a closing run of `#`), or undefined for any other
 * line. Written without a regular expression that could backtrack over a long line.
 */
export function sectionHeading(line: string): string | undefined {
  if (!line.startsWith('##') || !/^[ \t]/.test(line.slice(2))) return undefined;
  let text = line.slice(2).trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end === 0) text = '';
  else if (end < text.length && /[ \t]/.test(text[end - 1]!)) text = text.slice(0, end).trimEnd();
  return text === '' ? undefined : text;
}

/** Section text by key, or undefined when the narrative does not have it. */
export function section<K extends string>(narrative: Narrative | undefined, headings: Record<K, string>, key: K): string | undefined {
  return narrative?.sections.get(headings[key]);
}
