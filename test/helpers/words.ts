/**
 * Lines of Markdown with brackets inside brackets ("n/a (no interval (… needed))"), which read
 * badly: a second thought belongs in a sentence of its own or after a colon. Link and image
 * targets, `](…)`, are not prose and are left out.
 */
export function linesWithNestedBrackets(markdown: string): string[] {
  return markdown.split('\n').filter((line) => {
    let depth = 0;
    for (const ch of line.replace(/\]\([^)]*\)/g, ']')) {
      if (ch === '(') {
        if (depth > 0) return true;
        depth++;
      } else if (ch === ')') depth = Math.max(0, depth - 1);
    }
    return false;
  });
}
