import { counted } from '../render/format.js';

/** The one-line summary printed at the end of a run that writes files. */
export function summaryLine(paths: readonly string[], out: string, warnings: number): string {
  const count = (extension: string) => paths.filter((p) => p.endsWith(extension)).length;
  const [pages, charts, html, pdf] = [count('.md'), count('.svg'), count('.html'), count('.pdf')];
  const parts = [...(pages + charts > 0 || html + pdf === 0 ? [counted(pages, 'page'), counted(charts, 'chart')] : []), ...(html > 0 ? [`${html} HTML`] : []), ...(pdf > 0 ? [`${pdf} PDF`] : [])];
  return `Wrote ${counted(paths.length, 'file')} to ${out} (${parts.join(', ')}); ${counted(warnings, 'warning')}.`;
}
