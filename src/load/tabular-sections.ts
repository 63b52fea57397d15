// Whether a file is a list's spreadsheet (kept apart from the reader, so that finding such a file
// loads nothing of it). Which lists may be one is a fact of the model (model/tabular.ts).
import { basename, extname } from 'node:path';
import { TABULAR_EXTENSIONS, TABULAR_SECTIONS } from '../model/tabular.js';

/** Whether a file, by its name, is a list's spreadsheet (transactions.csv, logReviews.xlsx). */
export function isTabularFile(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return TABULAR_EXTENSIONS.includes(ext) && Object.hasOwn(TABULAR_SECTIONS, basename(path, extname(path)));
}
