// Outputs are written to a temporary file beside the target and renamed into place, so a failed
// run never leaves a half-written file.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputOutputError, errnoReason } from '../errors.js';

export function writeFileAtomic(path: string, data: string | Uint8Array, mode?: number): void {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temp, data, mode === undefined ? undefined : { mode });
    renameSync(temp, path);
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // the temporary file could not even be created
    }
    throw new InputOutputError('cli.error.write', { path, reason: errnoReason(error) });
  }
}
