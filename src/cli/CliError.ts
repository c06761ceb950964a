/**
 * A problem with what the user typed or pointed at (a missing file, a bad flag value). The CLI prints
 * its message alone, without a stack, and exits with `exitCode` (2 for usage errors, 1 otherwise).
 */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** A usage error (bad or missing flag): exit code 2. */
export function usageError(message: string): CliError {
  return new CliError(message, 2);
}
