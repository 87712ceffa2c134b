/**
 * Text-level work on SVG: escaping, and the accessibility wrapper every `oba` chart gets.
 */

/**
 * Characters XML 1.0 does not allow anywhere in a document (C0 controls other than tab, newline
 * and carriage return, unpaired surrogates, U+FFFE and U+FFFF). Escaping cannot save them, so
 * they are removed.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without the characters XML cannot hold at all. */
export function xmlSafeText(text: string): string {
  return text.replace(NOT_XML, '');
}

/**
 * Escape text for XML character data or an attribute value (either quote style).
 *
 * @example
 * escapeXml(`</title><script>&"'`); // '&lt;/title&gt;&lt;script&gt;&amp;&quot;&apos;'
 */
export function escapeXml(text: string): string {
  return xmlSafeText(text).replace(/[&<>"']/g, (ch) => {
    switch (ch) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return '&apos;';
    }
  });
}

/**
 * A short stable id for a chart: FNV-1a (32-bit) of its title and description, in hex.
 * The same chart always gets the same id; two charts on one page almost never share one.
 */
export function chartId(title: string, description: string): string {
  let hash = 0x811c9dc5;
  const text = `${title}\n${description}`;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `oba-chart-${hash.toString(16).padStart(8, '0')}`;
}

export interface FinalizeOptions {
  /** The chart's name: the SVG `<title>`. */
  title: string;
  /** What the chart shows, in words: the SVG `<desc>`. */
  description: string;
  /** Prefix for the `<title>` and `<desc>` ids; by default {@link chartId}. */
  id?: string;
  /** A comment placed after `<desc>`, e.g. the vega versions. `--` is not allowed in it and is replaced. */
  comment?: string;
}

const ROOT_ARIA = /\s(?:role|aria-[a-z-]+)="[^"]*"/g;

/**
 * Make rendered SVG accessible and self-describing: the root `<svg>` gets `role="img"` and
 * `aria-labelledby` pointing at a `<title>` and a `<desc>`, which become its first children.
 * Any `role`/`aria-*` attributes the root already had are replaced. Text is escaped.
 *
 * @example
 * finalizeSvg('<svg xmlns="http://www.w3.org/2000/svg"><g/></svg>', { title: 'A & B', description: 'Rising.', id: 'c1' });
 * // '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="c1-title c1-desc"><title id="c1-title">A &amp; B</title><desc id="c1-desc">Rising.</desc><g/></svg>'
 */
export function finalizeSvg(svg: string, options: FinalizeOptions): string {
  const start = svg.indexOf('<svg');
  if (start < 0) throw new Error('finalizeSvg requires an <svg> element, got none');
  // Attribute values never hold a raw '>' (it is escaped), so the first '>' closes the tag.
  const end = svg.indexOf('>', start);
  if (end < 0) throw new Error('finalizeSvg requires a complete <svg> start tag, got none');
  const selfClosing = svg[end - 1] === '/';
  const attributes = svg.slice(start + 4, selfClosing ? end - 1 : end).replace(ROOT_ARIA, '').trimEnd();
  const id = escapeXml(options.id ?? chartId(options.title, options.description));
  const head =
    `<svg${attributes} role="img" aria-labelledby="${id}-title ${id}-desc">` +
    `<title id="${id}-title">${escapeXml(options.title)}</title>` +
    `<desc id="${id}-desc">${escapeXml(options.description)}</desc>` +
    (options.comment !== undefined ? `<!-- ${xmlSafeText(options.comment).replace(/-{2,}/g, '-').replace(/-$/, '')} -->` : '');
  return svg.slice(0, start) + head + (selfClosing ? '</svg>' : '') + svg.slice(end + 1);
}

/** A whole `<text>` element less its final '>' (so its contents are skipped), or a '>' followed by '<'. */
const TEXT_OR_TAG_END = /<text(?:\s[^>]*?)?(?:\/|>[\s\S]*?<\/text\s*)(?=>)|>(?=<)/g;

/**
 * One element a line: a line break between every two tags that meet (`><`), except inside
 * `<text>`, where white space would shift the words. A changed value then changes a few lines of
 * the file, not its one line. Breaks between elements are not rendered, so the picture is the same.
 *
 * @example
 * oneElementPerLine('<svg><g><text>a<tspan>b</tspan></text></g></svg>');
 * // '<svg>\n<g>\n<text>a<tspan>b</tspan></text>\n</g>\n</svg>'
 */
export function oneElementPerLine(svg: string): string {
  // One pass: a `<text>` element is matched whole (and so left as it is) up to its last '>',
  // which, like every '>' met outside text, gets a break when another tag follows it.
  return svg.replace(TEXT_OR_TAG_END, (match) => (match === '>' ? '>\n' : match));
}

/** A mark with nothing to draw: vega writes its group as one empty element. */
const EMPTY_MARK = /<g class="mark-[a-z]+ role-(?:mark|scope) [^"]*"[^>]*\/>/g;

/**
 * The SVG less the groups of marks with nothing to draw. A chart shape (`chart-shape.ts`) has
 * every layer a chart of its kind may need; the layers a chart leaves empty are not written, so
 * the file is what a spec without them draws.
 */
export function dropEmptyMarks(svg: string): string {
  return svg.replace(EMPTY_MARK, '');
}
