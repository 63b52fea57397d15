// `taisei export`: a list section as a sheet a person fills in — the Japanese labels as headers,
// one row an entry, enum values as their labels (a drop-down of them in xlsx), dates as dates, the
// header row frozen. What it writes reads back (load/tabular.ts) as the same entries.
import { InputOutputError } from '../errors.js';
import { currentSchemaIndex } from '../model/current-schema.js';
import type { SchemaNode } from '../model/schema-index.js';
import { repack } from '../bundle/zip.js';
import { columnLetters, exceljs, neutralised } from '../util/excel.js';
import { getAt } from '../util/pointer.js';
import { displayWidth } from '../util/width.js';
import { columnsOf, headerOf } from '../load/tabular.js';

type Entry = Record<string, unknown>;

/** A value as its cell shows it: an enum as its label, a yes/no as はい/いいえ, a list joined with "; ". */
function cellText(value: unknown, node: SchemaNode, list: boolean): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (list && Array.isArray(value)) return value.map((v) => String(cellText(v, node, false))).join('; ');
  if (node.enum) {
    const i = node.enum.indexOf(value);
    return i >= 0 ? (node.enumDescriptions?.[i] ?? String(value)) : String(value);
  }
  if (typeof value === 'boolean') return value ? 'はい' : 'いいえ';
  if (typeof value === 'number') return value;
  return String(value);
}

export interface ExportTable {
  header: string[];
  rows: (string | number | boolean | null)[][];
  /** per column: a date column, and an enum column's labels */
  kinds: { date: boolean; labels?: string[]; number: boolean }[];
}

/** The list at `prefix` of a filing as a table. */
export function exportTable(data: Entry, prefix: readonly string[]): ExportTable {
  const schema = currentSchemaIndex();
  const { leaves } = columnsOf(schema, prefix);
  const list = getAt(data, prefix);
  const entries = Array.isArray(list) ? (list as Entry[]) : [];
  // only the columns some entry uses, and every required one; an empty list, every column (a sheet to fill in)
  const item = schema.at([...prefix, '0']);
  const used =
    entries.length === 0
      ? leaves
      : leaves.filter(
          (leaf) =>
            entries.some((e) => getAt(e, leaf.path) !== undefined) || (leaf.path.length === 1 && item?.required?.includes(leaf.path[0]!)),
        );
  return {
    header: used.map(headerOf),
    rows: entries.map((e) => used.map((leaf) => cellText(getAt(e, leaf.path), leaf.node, leaf.list))),
    kinds: used.map((leaf) => ({
      date: leaf.node.format === 'date' && !leaf.list,
      number: (leaf.node.type === 'integer' || leaf.node.type === 'number') && !leaf.list,
      ...(leaf.node.enum && !leaf.list ? { labels: leaf.node.enum.map((v, i) => leaf.node.enumDescriptions?.[i] ?? String(v)) } : {}),
    })),
  };
}

/** RFC 4180 CSV, UTF-8 with a BOM (Excel reads it so), CRLF line ends; no cell a spreadsheet would run as a formula. */
export function tableToCsv(table: ExportTable): Buffer {
  // a text cell that would start a formula is neutralised, as compare's CSV is; taisei reads it back unchanged
  const cell = (v: string | number | boolean | null) => {
    const s = typeof v === 'string' ? neutralised(v) : v === null ? '' : String(v);
    return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [table.header, ...table.rows].map((row) => row.map(cell).join(','));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}

/** An xlsx workbook: the sheet named after the section, a drop-down for each enum column, date cells. */
export async function tableToXlsx(table: ExportTable, sheetName: string): Promise<Buffer> {
  const ExcelJS = exceljs();
  if (!ExcelJS) throw new InputOutputError('tabular.noExcel', { path: `${sheetName}.xlsx` }, 'tabular.noExcel.hint');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'taisei';
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  // the enum labels, in a hidden sheet the drop-downs refer to (an inline list is cut at 255 characters)
  const lists = workbook.addWorksheet('選択肢', { state: 'hidden' });
  sheet.columns = table.header.map((h, i) => {
    const widest = Math.max(displayWidth(h), ...table.rows.map((r) => displayWidth(r[i] === null ? '' : String(r[i]))));
    return { header: h, width: Math.min(60, Math.max(8, widest + 2)), style: table.kinds[i]!.date ? { numFmt: 'yyyy-mm-dd' } : {} };
  });
  for (const row of table.rows)
    sheet.addRow(
      row.map((v, i) => (table.kinds[i]!.date && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : v)),
    );
  sheet.getRow(1).font = { bold: true };
  const last = Math.max(table.rows.length + 1, 1000);
  let listColumn = 0;
  table.kinds.forEach((kind, i) => {
    if (!kind.labels) return;
    listColumn++;
    kind.labels.forEach((label, n) => (lists.getCell(n + 1, listColumn).value = label));
    const range = `'選択肢'!$${columnLetters(listColumn)}$1:$${columnLetters(listColumn)}$${kind.labels.length}`;
    for (let r = 2; r <= last; r++)
      sheet.getCell(r, i + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [range], showErrorMessage: true };
  });
  return repack(Buffer.from(await workbook.xlsx.writeBuffer()));
}
