// The output formats of `taisei compare`, by name (the report's file extension). The writers live
// with the regulator's tables and are loaded only when a comparison is written (exceljs among them).
import type { CompareRow } from '../regulator/compare.js';
import type { Lang } from '../messages/index.js';

export type CompareWriter = (rows: CompareRow[], lang: Lang) => Promise<Buffer>;

const regulator = () => import('../regulator/compare.js');

export const compareWriters = {
  xlsx: async (rows, lang) => (await regulator()).toXlsx(rows, lang),
  csv: async (rows, lang) => (await regulator()).toCsv(rows, lang),
  html: async (rows, lang) => (await regulator()).toHtml(rows, lang),
} satisfies Record<string, CompareWriter>;
export type CompareFormat = keyof typeof compareWriters;
export const COMPARE_FORMATS = Object.keys(compareWriters) as CompareFormat[];
