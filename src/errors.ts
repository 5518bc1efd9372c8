/** A problem that stops the build: it carries a hint for the user and the error that caused it. */
export class BuildError extends Error {
  readonly hint: string;
  constructor(message: string, hint: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BuildError';
    this.hint = hint;
  }
}
