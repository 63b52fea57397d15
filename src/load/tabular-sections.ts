// Which list sections a spreadsheet may hold, by file name, with where the list sits in the filing
// (kept apart from the reader, so that finding such a file loads nothing of it).
import { basename, extname } from 'node:path';

export const TABULAR_SECTIONS: Record<string, readonly string[]> = {
  logReviews: ['logReviews'],
  transactions: ['transactions', 'records'],
  trainings: ['trainings'],
};

export const TABULAR_EXTENSIONS = ['.csv', '.xlsx'];

/** Whether a file, by its name, is a list's spreadsheet (transactions.csv, logReviews.xlsx). */
export function isTabularFile(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return TABULAR_EXTENSIONS.includes(ext) && Object.hasOwn(TABULAR_SECTIONS, basename(path, extname(path)));
}
