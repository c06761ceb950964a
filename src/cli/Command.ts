/** What a subcommand gets from main: its own arguments and the process edges, injected for tests. */
export interface CommandContext {
  /** Arguments after the subcommand name, with `--json` removed. */
  argv: string[];
  /** True when `--json` was given: the command must not print to stdout itself. */
  json: boolean;
  /** Directory relative paths are resolved against. */
  cwd: string;
  /** Writes a line of progress or a warning to stderr. */
  warn(message: string): void;
  /** stderr, for the progress bar (only drawn when it is a TTY). */
  stderr: { isTTY?: boolean; columns?: number; write(s: string): unknown };
  /** Fires on Ctrl-C; long commands stop cleanly and report what they have. */
  signal: AbortSignal;
}

/** What a subcommand returns: the JSON object (`--json`) and the human-readable text. */
export interface CommandOutput {
  json: Record<string, unknown>;
  text: string;
  /** Non-zero to signal e.g. a cancelled run (130) while still printing its output. */
  exitCode?: number;
}

/** A lazily imported subcommand module. */
export interface Command {
  /** Usage text shown by `gsim <command> --help`. */
  usage: string;
  run(ctx: CommandContext): Promise<CommandOutput>;
}
