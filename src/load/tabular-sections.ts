// Which list sections a spreadsheet may hold, by file name, with where the list sits in the filing
// (kept apart from the reader, so that finding such a file loads nothing of it).
export const TABULAR_SECTIONS: Record<string, readonly string[]> = {
  logReviews: ['logReviews'],
  transactions: ['transactions', 'records'],
  trainings: ['trainings'],
};

export const TABULAR_EXTENSIONS = ['.csv', '.xlsx'];
