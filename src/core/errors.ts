/**
 * The error every layer throws for bad input or an impossible request. `message` is one line,
 * written for the user (the CLI prints it alone; the UI shows it in `error-message`).
 */
export type ErrorCode =
  | 'empty-file'
  | 'header-only'
  | 'ragged-row'
  | 'bad-encoding'
  | 'bad-header'
  | 'parse-error'
  | 'too-large'
  | 'bad-option'
  | 'bad-column'
  | 'no-trainable-columns'
  | 'bad-condition'
  | 'condition-impossible'
  | 'bad-model-file'
  | 'training-diverged'
  | 'cancelled'
  | 'backend-failed'
  | 'internal';

export class SynthtabError extends Error {
  readonly code: ErrorCode;
  readonly detail?: string;

  constructor(code: ErrorCode, message: string, detail?: string) {
    super(message);
    this.name = 'SynthtabError';
    this.code = code;
    this.detail = detail;
  }
}

export function isSynthtabError(e: unknown): e is SynthtabError {
  return e instanceof Error && (e as { name?: string }).name === 'SynthtabError' && 'code' in e;
}

/** A one-line, user-facing message for any thrown value. */
export function userMessage(e: unknown): string {
  if (isSynthtabError(e)) return e.message;
  if (e instanceof Error) return e.message.split('\n')[0] ?? 'Unknown error';
  return String(e);
}

export function assertNever(x: never): never {
  throw new SynthtabError('internal', `Unexpected value: ${JSON.stringify(x)}`);
}
