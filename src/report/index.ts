// Output formats, one registry per kind of output: each is a name → writer map, and the names are
// what the CLI accepts and lists in its --help. Adding a format is a writer and an entry here.
export { reporters, REPORT_FORMATS, type Reporter, type ReportContext, type ReportFormat } from './diagnostics/index.js';
export { diffWriters, DIFF_FORMATS, type DiffFormat, type DiffWriter } from './diff.js';
export { compareWriters, COMPARE_FORMATS, type CompareFormat, type CompareWriter } from './compare.js';
