/** One `dateline` command: its name, a one-line summary, its `--help` text and what it runs. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  /** The full `--help` text, with examples. */
  readonly usage: string;
  /** Runs the command on its arguments (after the command name) and returns the exit code. */
  readonly run: (argv: readonly string[]) => Promise<number>;
}
