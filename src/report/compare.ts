// The output formats of `taisei compare`, by name (the report's file extension). The writers live
// with the regulator's tables and are loaded only when a comparison is written (exceljs among them).
import type { CompareRow } from '../regulator/compare.js';
import { t, type Lang } from '../messages/index.js';
import type { ProgressRow } from '../regulator/progress.js';

export interface CompareOptions {
  /** The rows are one filer's (compare --filer): the html is that filer's page. */
  filer?: boolean;
  /** What the HTML report says it was made from, and when (YYYY-MM-DD). */
  source?: string;
  asOf?: string;
}

export type CompareWriter = (rows: CompareRow[], lang: Lang, options?: CompareOptions) => Promise<Buffer>;

const regulator = () => import('../regulator/compare.js');
const html = () => import('../regulator/report-html.js');

export const compareWriters = {
  xlsx: async (rows, lang) => (await regulator()).toXlsx(rows, lang),
  csv: async (rows, lang) => (await regulator()).toCsv(rows, lang),
  html: async (rows, lang, options) =>
    options?.filer ? (await html()).toFilerHtml(rows, lang, options) : (await html()).toHtml(rows, lang, options),
} satisfies Record<string, CompareWriter>;
export type CompareFormat = keyof typeof compareWriters;

const progress = () => import('../regulator/progress.js');
export type ProgressWriter = (rows: ProgressRow[], lang: Lang, options?: CompareOptions) => Promise<Buffer>;

/** compare --document progress: the plans' progress, in the same three formats. */
export const progressWriters = {
  xlsx: async (rows, lang) => {
    const { PROGRESS_COLUMNS } = await progress();
    return (await regulator()).toXlsx(rows, lang, PROGRESS_COLUMNS, t(lang, 'progress.sheet'));
  },
  csv: async (rows, lang) => (await regulator()).toCsv(rows, lang, (await progress()).PROGRESS_COLUMNS),
  html: async (rows, lang, options) => (await progress()).toProgressHtml(rows, lang, options),
} satisfies Record<CompareFormat, ProgressWriter>;
export const COMPARE_FORMATS = Object.keys(compareWriters) as CompareFormat[];
