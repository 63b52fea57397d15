// A path named inside a filing (an attachment) and where it really is: inside the filing directory
// by its real path (a symbolic link out of it is outside), and a regular file.
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Where each attachment of a filing stands, the filing directory's real path found once. */
export function attachmentsOnDisk(baseDir: string): (path: string) => AttachmentState {
  let root: string;
  try {
    root = realpathSync(baseDir);
  } catch {
    root = resolve(baseDir);
  }
  return (file) => attachmentState(root, file);
}

/** Whether a path lies outside a folder (or is the folder itself): nothing there is the filing's. */
export function isOutside(root: string, path: string): boolean {
  const inside = relative(root, path);
  return inside === '' || isAbsolute(inside) || inside.split(sep).includes('..');
}

export type AttachmentState = 'present' | 'missing' | 'outside' | 'notFile';

/** Where an attachment stands (root: the filing directory's real path). */
export function attachmentState(root: string, file: string): AttachmentState {
  const outside = (path: string) => isOutside(root, path);
  const path = resolve(root, file);
  if (outside(path)) return 'outside';
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return 'missing';
  }
  if (outside(real)) return 'outside';
  try {
    return statSync(real).isFile() ? 'present' : 'notFile';
  } catch {
    return 'missing';
  }
}
