/** A problem that stops the build: it carries a hint for the user and the error that caused it. */
export class BuildError extends Error {
  readonly hint: string;
  /** The exit code the CLI should give: 1 for a failed build (default), 2 for misuse or a busy output folder. */
  readonly exitCode: 1 | 2;
  constructor(message: string, hint: string, options?: { cause?: unknown; exitCode?: 1 | 2 }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BuildError';
    this.hint = hint;
    this.exitCode = options?.exitCode ?? 1;
  }
}
