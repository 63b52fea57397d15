// Only regular files are read: a directory is named as one, and a named pipe, a device or a socket
// is refused before anything reads it (reading a FIFO would block, /dev/zero would never end).
import { readFileSync, statSync, type Stats } from 'node:fs';
import { InputOutputError, errnoReason } from '../errors.js';
import type { MessageKey } from '../messages/index.js';

/** The file's status, if it is a regular file (symbolic links followed); else a clear error. */
export function regularFile(path: string, notFoundHint: MessageKey = 'input.notFound.hint'): Stats {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new InputOutputError('input.notFound', { path }, notFoundHint);
    throw new InputOutputError('input.unreadable', { path, reason: errnoReason(error) }, 'input.unreadable.hint');
  }
  if (stats.isDirectory()) throw new InputOutputError('input.isDirectory', { path }, 'input.isDirectory.hint');
  if (!stats.isFile()) throw new InputOutputError('input.notRegular', { path }, 'input.notRegular.hint');
  return stats;
}

/** A regular file's bytes (see regularFile). */
export function readRegularFile(path: string, notFoundHint?: MessageKey): Buffer {
  regularFile(path, notFoundHint);
  try {
    return readFileSync(path);
  } catch (error) {
    throw new InputOutputError('input.unreadable', { path, reason: errnoReason(error) }, 'input.unreadable.hint');
  }
}

/** Whether a path is a directory (following links); false where there is nothing or it cannot be read. */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
