/** The one-line summary printed at the end of a run that writes files. */
export function summaryLine(paths: readonly string[], out: string, warnings: number): string {
  const count = (extension: string) => paths.filter((p) => p.endsWith(extension)).length;
  const [pages, charts, html, pdf] = [count('.md'), count('.svg'), count('.html'), count('.pdf')];
  const parts = [...(pages + charts > 0 || html + pdf === 0 ? [`${pages} pages`, `${charts} charts`] : []), ...(html > 0 ? [`${html} HTML`] : []), ...(pdf > 0 ? [`${pdf} PDF`] : [])];
  return `Wrote ${paths.length} file${paths.length === 1 ? '' : 's'} to ${out} (${parts.join(', ')}); ${warnings} warning${warnings === 1 ? '' : 's'}.`;
}
