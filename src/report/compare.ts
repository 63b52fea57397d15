// The output formats of `taisei compare`, by name (the report's file extension). The writers live
// with the regulator's tables and are loaded only when a comparison is written (exceljs among them).
import type { CompareRow } from '../regulator/compare.js';
import type { Lang } from '../messages/index.js';

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
export const COMPARE_FORMATS = Object.keys(compareWriters) as CompareFormat[];
