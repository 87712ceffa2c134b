/**
 * Putting a chart's SVG inside an HTML page. Many charts share one page, so every id an SVG
 * defines is given a prefix of the caller's choosing, and every reference to it (`url(#…)`,
 * `href="#…"`, ARIA id lists) follows; no two inlined charts can then clash. An XML declaration
 * or doctype, meaningless inside HTML, is dropped. A chart is one image, named by its title and
 * description: a chart without a name gets one, and the ARIA roles and labels the drawing library gives the
 * marks inside it are dropped, since nothing inside an image is read on its own.
 */
import { escapeHtml } from './html-escape.js';

const ID = /\sid="([^"]*)"/g;

export function inlineSvg(svg: string, prefix: string, label: string): string {
  let text = svg.replace(/^\uFEFF?\s*(<\?xml[^>]*\?>\s*)?(<!DOCTYPE[^>]*>\s*)?/i, '').trim();
  const ids = new Set([...text.matchAll(ID)].map((m) => m[1]!));
  const renamed = (id: string) => (ids.has(id) ? `${prefix}-${id}` : id);
  if (ids.size > 0) {
    text = text
      .replace(ID, (_all, id: string) => ` id="${renamed(id)}"`)
      .replace(/url\(\s*#([^)\s]+)\s*\)/g, (_all, id: string) => `url(#${renamed(id)})`)
      .replace(/(\s(?:xlink:)?href=")#([^"]*)"/g, (_all, attr: string, id: string) => `${attr}#${renamed(id)}"`)
      .replace(/(\saria-(?:labelledby|describedby)=")([^"]*)"/g, (_all, attr: string, list: string) => `${attr}${list.split(/\s+/).filter(Boolean).map(renamed).join(' ')}"`);
  }
  const open = /^<svg\b[^>]*>/.exec(text)?.[0];
  if (open) {
    const inner = text.slice(open.length).replace(/<[a-zA-Z][^>]*>/g, (tag) => tag.replace(/\s(?:role|aria-roledescription|aria-label)="[^"]*"/g, ''));
    text = open + inner;
  }
  if (open && !/\saria-label(?:ledby)?="/.test(open)) {
    const role = /\srole="/.test(open) ? '' : ' role="img"';
    text = text.replace(/^<svg\b/, `<svg${role} aria-label="${escapeHtml(label)}"`);
  }
  return text;
}
