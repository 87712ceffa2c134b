/** The one-line summary printed at the end of a run that writes files. */
export function summaryLine(paths: readonly string[], out: string, warnings: number): string {
  const charts = paths.filter((p) => p.endsWith('.svg')).length;
  const pages = paths.filter((p) => p.endsWith('.md')).length;
  return `Wrote ${paths.length} files to ${out} (${pages} pages, ${charts} charts); ${warnings} warning${warnings === 1 ? '' : 's'}.`;
}
