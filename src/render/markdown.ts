/**
 * Making text safe inside Markdown. Data values (area names, notes, anything from a file) are
 * escaped so they cannot start a table cell, a link, emphasis or raw HTML. Narrative files keep
 * their Markdown formatting, but raw HTML in them is shown as text, not run.
 */

const INLINE_SPECIAL = /[\\`*_[\]<>&|#!~{}]/g;
const ENTITY: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/** Escapes a value for inline Markdown (a table cell, a heading, a sentence). One line out. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(INLINE_SPECIAL, (c) => ENTITY[c] ?? '\\' + c);
}

/**
 * Sanitises a narrative's Markdown body: HTML tags and entities become visible text, link
 * targets other than http(s), mailto and relative paths are dropped, and headings are demoted
 * below the report card's own (to `####`) so a narrative cannot restructure the card.
 */
export function sanitiseNarrative(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[<>]|&(?=#?\w+;)/g, (c) => ENTITY[c]!)
    .replace(/\]\(\s*([^()\s]*(?:\([^()]*\)[^()\s]*)*)([^)]*)\)/g, (_all, target: string, rest: string) => (safeLinkTarget(target) ? `](${target}${rest})` : ']'))
    .replace(/^ {0,3}#{1,6}(?=\s)/gm, '####')
    .trim();
}

function safeLinkTarget(target: string): boolean {
  if (/^(https?:|mailto:)/i.test(target)) return true;
  return !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('//');
}
