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
 * targets other than http(s), mailto and relative paths are dropped (inline links and images lose
 * their target; a reference definition is turned into plain text), and headings are demoted
 * below the report card's own (to `####`) so a narrative cannot restructure the card. Every step
 * is one pass over the text: narratives are untrusted, and a pattern that backtracks could stall a run.
 */
export function sanitiseNarrative(markdown: string): string {
  const text = markdown
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[<>]|&(?=#?\w+;)/g, (c) => ENTITY[c]!);
  return safeReferences(safeInlineLinks(text))
    .replace(/^ {0,3}#{1,6}(?=\s)/gm, '####')
    .trim();
}

function safeLinkTarget(target: string): boolean {
  if (/^(https?:|mailto:)/i.test(target)) return true;
  return !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('//');
}

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n';
}

/**
 * Drops the target of every inline link or image `](target "title")` whose target is not safe,
 * keeping the link text. The target may hold balanced parentheses, as in Markdown.
 */
function safeInlineLinks(text: string): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf('](', from); at >= 0; at = text.indexOf('](', from)) {
    let i = at + 2;
    while (isSpace(text[i])) i++;
    const start = i;
    let depth = 0;
    for (; i < text.length && !isSpace(text[i]); i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === '(') depth++;
      else if (text[i] === ')') {
        if (depth === 0) break;
        depth--;
      }
    }
    const target = text.slice(start, i);
    const close = text.indexOf(')', i);
    if (close < 0) break;
    out += text.slice(from, at) + (safeLinkTarget(target) ? text.slice(at, close + 1) : ']');
    from = close + 1;
  }
  return out + text.slice(from);
}

/**
 * A reference definition (`[label]: target`, in any block) is kept only when a safe target
 * follows on its own line; otherwise its `]` is escaped, so it is no definition but text.
 */
function safeReferences(text: string): string {
  return text.replace(/\]:([ \t]*)(\S*)/g, (all, _space: string, target: string, offset: number) =>
    escaped(text, offset) || (target !== '' && safeLinkTarget(target)) ? all : '\\' + all,
  );
}

/** Whether the character at `at` is escaped: an odd number of backslashes before it. */
function escaped(text: string, at: number): boolean {
  let slashes = 0;
  while (at - slashes - 1 >= 0 && text[at - slashes - 1] === '\\') slashes++;
  return slashes % 2 === 1;
}
