/**
 * Errors the CLI knows how to show. Anything else reaching the top is a bug in `oba`.
 */
export class CliError extends Error {
  constructor(
    message: string,
    /** 1: the inputs have problems; 2: the command was used wrongly. */
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const EXIT = {
  ok: 0,
  dataProblems: 1,
  usage: 2,
  bug: 70,
} as const;
