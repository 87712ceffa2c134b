/** `oba validate`: every problem in the plan, configuration and data, at once. */
import { relative } from 'node:path';
import type { Terminal } from '../terminal.js';
import { formatIssue, loadWorkspace } from '../workspace.js';
import type { DataIssue } from '../../data/types.js';

export interface ValidateOptions {
  config?: string;
  data?: string[];
  json?: boolean;
}

export async function validate(options: ValidateOptions, terminal: Terminal, cwd: string): Promise<number> {
  const workspace = await loadWorkspace(options, cwd);
  const shown = (issue: DataIssue): DataIssue => ({ ...issue, file: displayPath(issue.file, cwd) });
  const errors = workspace.issues.filter((i) => i.severity === 'error').map(shown);
  const warnings = workspace.issues.filter((i) => i.severity === 'warning').map(shown);
  if (options.json) {
    const strip = ({ file, line, column, code, message }: DataIssue) => ({ file, line, column: column ?? null, code, message });
    terminal.out(JSON.stringify({ errors: errors.map(strip), warnings: warnings.map(strip) }, null, 2));
  } else {
    const c = terminal.colour;
    for (const issue of errors) terminal.out(c.red(formatIssue(issue)));
    for (const issue of warnings) terminal.out(c.yellow(formatIssue(issue)));
    const observations = workspace.dataset.all().length;
    const files = workspace.dataFileCount;
    const summary = `${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'} in ${files} data file${files === 1 ? '' : 's'} (${observations} observations)`;
    terminal.out(errors.length > 0 ? c.red(`✘ ${summary}`) : c.green(`✔ ${summary}`));
  }
  return errors.length > 0 ? 1 : 0;
}

/** Paths relative to where the user is, when that is shorter. */
export function displayPath(file: string, cwd: string): string {
  if (!file.startsWith('/')) return file;
  const rel = relative(cwd, file);
  return rel.startsWith('..') && rel.split('/').filter((p) => p === '..').length > 2 ? file : rel;
}
