/**
 * Problems in the files a person writes (configuration, plan, narratives), each placed at a
 * file, line and column, so every one can be found and fixed in one pass.
 */
import { locateProblem, type Locate } from './yaml.js';

export interface Problem {
  file: string;
  line?: number;
  column?: number;
  message: string;
  /** CONFIG or PLAN: which file's rules it breaks. */
  code?: 'CONFIG' | 'PLAN';
}

export function formatProblem(p: Problem, file: string = p.file): string {
  return `${p.line !== undefined ? `${file}:${p.line}:${p.column ?? 1}` : file}: ${p.message}`;
}

/** Messages that start with the path they are about, placed by the YAML file's positions. */
export function placeProblems(file: string, messages: readonly string[], locate?: Locate): Problem[] {
  const placed = messages.map((m) => ({ file, ...locateProblem(m, locate) }));
  // In the order they are in the file; the ones with no place first.
  return placed.map((p, i) => ({ p, i })).sort((a, b) => (a.p.line ?? 0) - (b.p.line ?? 0) || (a.p.column ?? 0) - (b.p.column ?? 0) || a.i - b.i).map((x) => x.p);
}

/** Problems in the inputs (exit 1): every one found, in every file, at once. */
export class InputProblems extends Error {
  constructor(
    readonly located: Problem[],
    what = 'the inputs',
  ) {
    super(
      `${located.length} problem${located.length === 1 ? '' : 's'} in ${what}:\n` + located.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'InputProblems';
  }
}
