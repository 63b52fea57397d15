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

/**
 * A file given that is neither YAML nor a spreadsheet of a filing, and lies in no filing directory
 * (a PDF, an image, a Word file): build refuses it; validate, as a pre-commit hook is handed such
 * files, notes that it skipped it.
 */
export class NotAFilingFile extends InputOutputError {
  constructor(path: string) {
    super('input.notYaml', { path }, 'input.notYaml.hint');
    this.name = 'NotAFilingFile';
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
