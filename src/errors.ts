// The one base of every error a user can act on: bad input (a file, a header, a selector), a query an engine rejected,
// a lake held by another process. The CLI prints its message and hint and exits 1. Anything else that reaches the CLI
// (a TypeError, a JSON SyntaxError, an AWS SDK exception nobody translated) is a bug or an unhandled case: exit 2
// with its stack, so it gets fixed instead of looking like the user's fault.

export interface LakeErrorOptions {
  /** Stable machine-readable code where one exists (Athena's error codes, `LAKE_BUSY`). */
  code?: string;
  /** What to do about it, printed under the message. */
  hint?: string;
  cause?: unknown;
}

export class LakeError extends Error {
  override readonly name: string = 'LakeError';
  readonly code?: string;
  readonly hint?: string;

  constructor(message: string, options: LakeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    if (options.code !== undefined) this.code = options.code;
    if (options.hint !== undefined) this.hint = options.hint;
  }
}
