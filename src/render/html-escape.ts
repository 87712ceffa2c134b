/** Making text safe inside HTML: element content and attribute values, and CSS strings in a `<style>`. */

const HTML_SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_SPECIAL[c]!);
}

/**
 * A CSS string literal holding `text`, quotes included. Quotes, backslashes, line breaks and `<`
 * are written as CSS escapes, so the text can neither end the string nor the `<style>` element.
 */
export function cssString(text: string): string {
  const escaped = text
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/[\\"<>]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `);
  return `"${escaped}"`;
}
