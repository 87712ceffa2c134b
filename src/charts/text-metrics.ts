/**
 * Text widths from a fixed table, so chart layout is the same on every machine.
 *
 * Vega measures text with a canvas when the optional `canvas` package is installed and
 * otherwise guesses 0.8 × font size per character. Either way the layout (axis label thinning,
 * title offsets, the SVG's size) would depend on the machine. `oba` instead measures with the
 * advance widths of Helvetica (Adobe Core 14 AFM metrics, units of 1/1000 em; Arial shares them),
 * which is the first font in the charts' font stack. The renderer installs this function as
 * vega's text measure while it draws; the spec builders use it to lay out keys and ticks.
 *
 * @example
 * textWidth('2013', 11);          // 4 × 556 / 1000 × 11 = 24.464
 * textWidth('Leeds', 15, true);   // bold: (611 + 556 + 556 + 611 + 556) / 1000 × 15 = 43.35
 */

// Helvetica, code points 32–126 (space to ~), 1/1000 em.
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space ! " # $ % & ' ( ) * + , - . /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0-9 : ; < = > ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ A-O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P-Z [ \ ] ^ _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` a-o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p-z { | } ~
];

// Helvetica-Bold, code points 32–126.
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
  975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
  333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
  611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

// Common characters beyond ASCII (same in both weights, to the nearest unit that matters here).
const EXTRA: Record<string, number> = {
  '\u00a0': 278, // no-break space
  '£': 556,
  '€': 556,
  '·': 278,
  '×': 584,
  '°': 400,
  '–': 556, // en dash
  '—': 1000, // em dash
  '‘': 222,
  '’': 222,
  '“': 333,
  '”': 333,
  '…': 1000,
  '•': 350,
  '−': 584, // minus sign
  '≈': 584,
  '≤': 584,
  '≥': 584,
  '◇': 722, // not in Helvetica: the width of the fallback fonts' white diamond, rounded up
};

/** Width of a character the tables do not list: a lower-case letter's, or an em for wide scripts. */
function fallback(codePoint: number, bold: boolean): number {
  const wide = codePoint >= 0x1100 && (codePoint <= 0x115f || (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) || (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) || codePoint >= 0x1f300);
  if (wide) return 1000;
  return bold ? 611 : 556;
}

/** The advance width of `text` in pixels at `fontSize`, in Helvetica (bold when `bold`). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 32 && code <= 126) units += table[code - 32]!;
    else units += EXTRA[ch] ?? fallback(code, bold);
  }
  return (units * fontSize) / 1000;
}

/** The subset of a vega scenegraph text item the measure reads. */
interface TextItem {
  text?: unknown;
  fontSize?: number;
  fontWeight?: string | number;
  limit?: number;
}

function isBold(weight: string | number | undefined): boolean {
  if (weight === undefined) return false;
  if (typeof weight === 'number') return weight >= 600;
  return weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
}

/**
 * A drop-in for vega's `textMetrics.width(item, text)`: the width of `text` (or of the item's
 * own text) as vega would draw it, measured with {@link textWidth}. Vega's default font size
 * is 11px; a positive `limit` caps the width, as vega's truncation would.
 */
export function vegaTextWidth(item: TextItem, text?: unknown): number {
  const raw = text ?? item.text;
  const value = Array.isArray(raw) ? raw.join(' ') : raw == null ? '' : String(raw).trim();
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  const width = textWidth(value, size, isBold(item.fontWeight));
  return item.limit !== undefined && item.limit > 0 ? Math.min(width, item.limit) : width;
}

/**
 * Break `text` into lines no wider than `maxWidth` pixels at `fontSize`, at spaces.
 * A word wider than a whole line is broken between characters, so no line is ever wider.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const fits = (candidate: string) => textWidth(candidate, fontSize, bold) <= maxWidth;
  const words = text.split(/\s+/).filter((w) => w.length > 0).flatMap((word) => (fits(word) ? [word] : splitWord(word, fits)));
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && !fits(candidate)) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A word cut into the longest pieces that fit (at least one character each). */
function splitWord(word: string, fits: (text: string) => boolean): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece && !fits(piece + ch)) {
      pieces.push(piece);
      piece = ch;
    } else {
      piece += ch;
    }
  }
  if (piece) pieces.push(piece);
  return pieces;
}
