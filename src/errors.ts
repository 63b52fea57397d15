import type { MessageArgs, MessageKey } from './messages/index.js';

/**
 * A failure to read or write a path (exit code 3). Carries a catalog key rather than a sentence so
 * the CLI can say it in the user's language.
 */
export class InputOutputError extends Error {
  constructor(
    readonly messageKey: MessageKey,
    readonly args: MessageArgs,
    readonly hintKey?: MessageKey,
  ) {
    super(`${messageKey} ${JSON.stringify(args)}`);
    this.name = 'InputOutputError';
  }
}

/** A usage error found after argument parsing (exit code 2). */
export class UsageError extends Error {
  constructor(
    readonly messageKey: MessageKey,
    readonly args: MessageArgs,
    readonly hintKey?: MessageKey,
  ) {
    super(`${messageKey} ${JSON.stringify(args)}`);
    this.name = 'UsageError';
  }
}

export function errnoReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ENOTDIR') return 'not a directory';
  if (code === 'ENOSPC') return 'no space left on the device';
  return code ?? String((error as Error)?.message ?? error);
}
