// The lists a filer may keep as a spreadsheet beside the YAML (transactions.csv, logReviews.xlsx),
// by file name, with where each list sits in the filing; and the kinds of spreadsheet read.

export const TABULAR_SECTIONS: Record<string, readonly string[]> = {
  logReviews: ['logReviews'],
  transactions: ['transactions', 'records'],
  trainings: ['trainings'],
};

export const TABULAR_EXTENSIONS = ['.csv', '.xlsx'];
