// List sections kept as spreadsheets: a CSV file or an xlsx workbook in a filing directory
// (transactions.csv, logReviews.xlsx), one row an entry, merged into the same model as YAML. The
// first row names the columns, by field (date, counterparty.kind) or by the schema's Japanese
// labels (日付, 相手方の種別); an enum cell may hold the value or its label, a date cell ISO,
// an Excel date or 和暦 text. Every cell's place is kept, so that a finding points into the
// spreadsheet: transactions.csv:57:3, or logReviews.xlsx with its sheet and cell (記録!C57).
import { createRequire } from 'node:module';
import { columnLetters, exceljs, unneutralised } from '../util/excel.js';
import type { ZipLimits } from '../util/zip.js';
import type { Diagnostic } from '../diagnostics.js';
import { InputOutputError } from '../errors.js';
import { t, type Lang, type MessageArgs, type MessageKey } from '../messages/index.js';
import { currentSchemaIndex } from '../model/current-schema.js';
import { enumOfLabel, type SchemaIndex, type SchemaNode } from '../model/schema-index.js';

/** Where a cell is: line and column (1-based); in a workbook, its sheet and A1 reference. */
export interface CellPlace {
  line: number;
  column: number;
  cell?: string;
}

/** A spreadsheet's rows as the filing holds them, with each value's place. */
export interface TableSource {
  file: string;
  /** where the list sits in the filing: ['transactions', 'records'] */
  prefix: readonly string[];
  /** the header row's places by column field, and each row's cells by field path */
  header: Map<string, CellPlace>;
  rows: { place: CellPlace; cells: Map<string, CellPlace> }[];
}

export interface TableRead {
  entries?: Record<string, unknown>[];
  source: TableSource;
  diagnostics: Diagnostic[];
}

/** One column the list's entries may have: its field path and the schema node of its value. */
interface Leaf {
  path: string[];
  /** the schema's titles along the path: 相手方, 事業の種類 */
  titles: string[];
  node: SchemaNode;
  /** a list of scalars, written in one cell with ; between them */
  list: boolean;
}

/** The columns a list section's entries may have, by every name a header may give them. */
export function columnsOf(schema: SchemaIndex, prefix: readonly string[]): { leaves: Leaf[]; byName: Map<string, Leaf> } {
  const item = schema.at([...prefix, '0']);
  const leaves: Leaf[] = [];
  const walk = (node: SchemaNode | undefined, path: string[], titles: string[]) => {
    if (!node?.properties) return;
    for (const [key, raw] of Object.entries(node.properties)) {
      const child = schema.resolve(raw);
      if (!child) continue;
      const title = child.title ?? key;
      if (child.properties) walk(child, [...path, key], [...titles, title]);
      else if (child.items) {
        const items = schema.resolve(child.items);
        if (items && !items.properties) leaves.push({ path: [...path, key], titles: [...titles, title], node: items, list: true });
      } else leaves.push({ path: [...path, key], titles: [...titles, title], node: child, list: false });
    }
  };
  walk(item, [], []);
  const byName = new Map<string, Leaf>();
  for (const leaf of leaves) {
    const { titles } = leaf;
    for (const name of [leaf.path.join('.'), titles.join('の'), titles.join('・'), titles.join('.'), titles.join('')])
      if (!byName.has(name)) byName.set(name, leaf);
    // the leaf's own title alone, where no other column has it
    const own = titles[titles.length - 1]!;
    if (!leaves.some((other) => other !== leaf && other.titles.at(-1) === own) && !byName.has(own)) byName.set(own, leaf);
  }
  return { leaves, byName };
}

/** The label a spreadsheet's header gives a column (its Japanese title path). */
export function headerOf(leaf: Leaf): string {
  return leaf.titles.join('の');
}

const ERAS: [string, number][] = [
  ['令和', 2018],
  ['平成', 1988],
  ['昭和', 1925],
];

type Cell = string | number | boolean | Date | null;

/** ISO date of an Excel serial number (the 1900 date system, as Excel counts it). */
const excelSerial = (n: number): string => new Date(Math.round((n - 25569) * 86_400_000)).toISOString().slice(0, 10);

interface Converted {
  value?: unknown;
  problem?: [MessageKey, MessageArgs];
  warning?: [MessageKey, MessageArgs];
}

/** A cell's value as the schema asks for it. */
function convert(cell: Cell, node: SchemaNode): Converted {
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  if (node.enum) {
    const text = String(cell).trim();
    const index = node.enum.findIndex((v) => String(v) === text);
    if (index >= 0) return { value: node.enum[index] };
    const byLabel = enumOfLabel(node, text);
    if (byLabel) return byLabel;
    return { problem: ['tabular.notAllowed', { value: text, allowed: (node.enumDescriptions ?? node.enum.map(String)).join('、') }] };
  }
  if (node.format === 'date') return date(cell);
  if (type === 'boolean') {
    if (typeof cell === 'boolean') return { value: cell };
    const text = String(cell).trim().toLowerCase();
    if (['true', 'yes', 'はい', '○', '〇', 'y'].includes(text)) return { value: true };
    if (['false', 'no', 'いいえ', '×', '-', 'n'].includes(text)) return { value: false };
    return { problem: ['tabular.notBoolean', { value: String(cell) }] };
  }
  if (type === 'integer' || type === 'number') {
    const n = typeof cell === 'number' ? cell : Number(String(cell).trim().replace(/[,，]/g, ''));
    if (!Number.isFinite(n) || (typeof cell !== 'number' && String(cell).trim() === ''))
      return { problem: ['tabular.notNumber', { value: String(cell) }] };
    return { value: n };
  }
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? { value: String(cell) } : { value: cell.toISOString().slice(0, 10) };
  return { value: String(cell) };
}

/** A calendar date that exists (not 2024-13-01, not 2025-02-29). */
const exists = (iso: string): boolean => {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
};

function date(cell: Cell): Converted {
  const read = readDate(cell);
  // a date written in the filer's own way (和暦, 2024/4/1) that names no day of the calendar: said in
  // the filer's words; one written as ISO goes on to the schema, as from YAML (schema/format)
  const iso = typeof cell === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(cell.trim());
  if (typeof read.value === 'string' && !iso && !exists(read.value) && !(cell instanceof Date))
    return { problem: ['tabular.notDate', { value: String(cell).trim() }] };
  return read;
}

/** The serials Excel can show as dates: 1900-01-01 to 9999-12-31. */
const SERIALS = { min: 1, max: 2_958_465 };

function readDate(cell: Cell): Converted {
  // a date cell out of any calendar (a serial of 1e12, or below the first day): said, not a crash
  if (cell instanceof Date)
    return Number.isNaN(cell.getTime()) || cell.getUTCFullYear() > 9999 || cell.getUTCFullYear() < 1900
      ? { problem: ['tabular.notDate', { value: String(cell) }] }
      : { value: cell.toISOString().slice(0, 10) };
  if (typeof cell === 'number')
    return Number.isFinite(cell) && cell >= SERIALS.min && cell <= SERIALS.max
      ? { value: excelSerial(cell) }
      : { problem: ['tabular.notDate', { value: String(cell) }] };
  const text = String(cell).trim().normalize('NFKC');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (m) return { value: `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` };
  m = /^(令和|平成|昭和|R|H|S)?\s*(元|\d{1,2})\s*[年.]\s*(\d{1,2})\s*[月.]\s*(\d{1,2})\s*日?$/.exec(text);
  if (m) {
    const era = m[1] === 'R' ? '令和' : m[1] === 'H' ? '平成' : m[1] === 'S' ? '昭和' : m[1];
    const base = ERAS.find(([name]) => name === (era ?? '令和'))![1];
    const year = base + (m[2] === '元' ? 1 : Number(m[2]));
    const value = `${year}-${m[3]!.padStart(2, '0')}-${m[4]!.padStart(2, '0')}`;
    // without its era a year is read as 令和: said, as it may be meant otherwise
    return era ? { value } : { value, warning: ['tabular.eraAssumed', { value: text, date: value }] };
  }
  return { problem: ['tabular.notDate', { value: text }] };
}

const setAt = (target: Record<string, unknown>, path: readonly string[], value: unknown) => {
  let node = target;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
};

/**
 * The entries of a table given as rows of cells (the header first), with each cell's place.
 * `place(row, column)` says where a cell is (0-based indices into `rows`).
 */
function entriesOf(
  file: string,
  prefix: readonly string[],
  rows: Cell[][],
  place: (row: number, column: number) => CellPlace,
  lang: Lang,
  schema: SchemaIndex,
): TableRead {
  const source: TableSource = { file, prefix, header: new Map(), rows: [] };
  const diagnostics: Diagnostic[] = [];
  const at = (p: CellPlace, severity: Diagnostic['severity'], key: MessageKey, args: MessageArgs, hint: MessageKey): Diagnostic => ({
    code: severity === 'error' ? 'input/tabular' : 'input/tabular-value',
    severity,
    file,
    line: p.line,
    column: p.column,
    ...(p.cell ? { cell: p.cell } : {}),
    message: t(lang, key, args),
    hint: t(lang, hint, args),
  });
  const { byName } = columnsOf(schema, prefix);
  const header = rows[0];
  if (!header || header.every((c) => c === null || String(c).trim() === '')) {
    diagnostics.push(at(place(0, 0), 'error', 'tabular.noHeader', { section: prefix.join('.') }, 'tabular.noHeader.hint'));
    return { source, diagnostics };
  }
  const columns: (Leaf | undefined)[] = header.map((name, c) => {
    const text = name === null ? '' : String(name).trim();
    if (text === '') return undefined;
    const leaf = byName.get(text);
    if (!leaf) {
      const known = [...new Set([...byName.values()].map(headerOf))].join('、');
      diagnostics.push(at(place(0, c), 'error', 'tabular.unknownColumn', { column: text, known }, 'tabular.unknownColumn.hint'));
    } else source.header.set(leaf.path.join('.'), place(0, c));
    return leaf;
  });
  const seen = new Map<string, number>();
  columns.forEach((leaf, c) => {
    if (!leaf) return;
    const key = leaf.path.join('.');
    if (seen.has(key))
      diagnostics.push(at(place(0, c), 'error', 'tabular.duplicateColumn', { column: String(header[c]) }, 'tabular.duplicateColumn.hint'));
    seen.set(key, c);
  });
  if (diagnostics.some((d) => d.severity === 'error')) return { source, diagnostics };
  const entries: Record<string, unknown>[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    // an empty row in the middle is skipped: a spreadsheet's blank line is no entry
    if (row.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''))) continue;
    const entry: Record<string, unknown> = {};
    const cells = new Map<string, CellPlace>();
    row.forEach((cell, c) => {
      const leaf = columns[c];
      if (c >= columns.length || !leaf) {
        if (cell !== null && String(cell).trim() !== '')
          diagnostics.push(at(place(r, c), 'error', 'tabular.extraCell', { value: String(cell) }, 'tabular.extraCell.hint'));
        return;
      }
      if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return;
      const p = place(r, c);
      cells.set(leaf.path.join('.'), p);
      const parts = leaf.list && typeof cell === 'string' ? cell.split(/\s*[;；、\n]\s*/).filter((s) => s !== '') : [cell];
      const values: unknown[] = [];
      for (const part of parts) {
        const converted = convert(part, leaf.node);
        if (converted.problem) {
          diagnostics.push(at(p, 'error', converted.problem[0], converted.problem[1], `${converted.problem[0]}.hint` as MessageKey));
          return;
        }
        if (converted.warning)
          diagnostics.push(at(p, 'warning', converted.warning[0], converted.warning[1], `${converted.warning[0]}.hint` as MessageKey));
        values.push(converted.value);
      }
      setAt(entry, leaf.path, leaf.list ? values : values[0]);
    });
    source.rows.push({ place: place(r, 0), cells });
    entries.push(entry);
  }
  // a cell that could not be read leaves its entry short: the list is not given, so that what is
  // reported is the cell, not the fields the entry then lacks
  if (diagnostics.some((d) => d.severity === 'error')) return { source, diagnostics };
  return { entries, source, diagnostics };
}

interface PapaParse {
  parse(
    text: string,
    config: { skipEmptyLines: boolean; delimiter: string; newline: string },
  ): { data: string[][]; errors: { code: string; message: string; row?: number }[] };
}

/**
 * A CSV file's entries, from its text as decodeSource gives it (UTF-8, its BOM taken off). Parsed with
 * papaparse (RFC 4180; a fifth of csv-parse's time on 10,000 records, and 0.35 MB installed against
 * 1.7 MB); each field's line and column found by one pass of our own over the same text.
 */
export async function readCsvTable(file: string, text: string, prefix: readonly string[], lang: Lang): Promise<TableRead> {
  const papa = createRequire(import.meta.url)('papaparse') as PapaParse;
  // always a comma: papaparse would guess, and a list cell's ; can make it guess wrong
  // line ends as one kind (a file edited on several systems mixes CRLF, LF and CR): papaparse would
  // take the first it meets for all, fieldStarts counts each as the editor does
  const parsed = papa.parse(text.replace(/\r\n?/g, '\n'), { skipEmptyLines: false, delimiter: ',', newline: '\n' });
  const fields = fieldStarts(text);
  const broken = parsed.errors.find((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes');
  if (broken) {
    const at = fields[broken.row ?? 0]?.[0] ?? { line: 1, column: 1 };
    return {
      source: { file, prefix, header: new Map(), rows: [] },
      diagnostics: [
        {
          code: 'input/tabular',
          severity: 'error',
          file,
          line: at.line,
          column: at.column,
          message: t(lang, 'tabular.csvSyntax', { detail: broken.message }),
          hint: t(lang, 'tabular.csvSyntax.hint'),
        },
      ],
    };
  }
  // a cell neutralised against formulas (export writes '=…) is read as it was meant
  const rows = parsed.data.map((record) => record.map((c): Cell => (c === '' ? null : unneutralised(c))));
  const place = (row: number, column: number): CellPlace => {
    const starts = fields[row] ?? [{ line: 1, column: 1 }];
    return starts[column] ?? starts[starts.length - 1]!;
  };
  return entriesOf(file, prefix, rows, place, lang, currentSchemaIndex());
}

/** Where each field of each record starts (line and column, as an editor counts them; a quoted field may span lines). */
function fieldStarts(text: string): CellPlace[][] {
  const records: CellPlace[][] = [];
  let record: CellPlace[] = [{ line: 1, column: 1 }];
  let line = 1;
  let column = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22) quoted = !quoted;
    else if (ch === 0x0a || ch === 0x0d) {
      if (ch === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      line++;
      column = 1;
      if (!quoted) {
        records.push(record);
        record = [{ line, column }];
      }
      continue;
    } else if (ch === 0x2c && !quoted) {
      column++;
      record.push({ line, column });
      continue;
    }
    column++;
  }
  records.push(record);
  return records;
}

/** The first bytes of an OLE compound file: a workbook encrypted with a password, or an .xls of Excel 97–2003. */
const COMPOUND_FILE = Buffer.from('d0cf11e0a1b11ae1', 'hex');
/** The stream an encrypted workbook holds its parts in, named in UTF-16 in the compound file's directory. */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');
/** What a workbook may inflate to: its parts together, their number, and how far one may expand. */
const WORKBOOK_LIMITS: ZipLimits = { maxEntries: 10_000, maxTotalBytes: 256 * 1024 * 1024, maxRatio: 1000 };

/** An xlsx workbook's entries: the sheet named after the section, or else the first. */
export async function readXlsxTable(
  file: string,
  bytes: Buffer,
  prefix: readonly string[],
  sectionName: string,
  lang: Lang,
): Promise<TableRead> {
  const ExcelJS = exceljs();
  if (!ExcelJS) throw new InputOutputError('tabular.noExcel', { path: file }, 'tabular.noExcel.hint');
  const diagnostics: Diagnostic[] = [];
  const problem = (key: MessageKey, args: MessageArgs, at?: CellPlace) =>
    diagnostics.push({
      code: 'input/tabular',
      severity: 'error',
      file,
      ...(at ? { line: at.line, column: at.column, cell: at.cell } : {}),
      message: t(lang, key, args),
      hint: t(lang, `${key}.hint` as MessageKey, args),
    });
  const refused = (): TableRead => ({ source: { file, prefix, header: new Map(), rows: [] }, diagnostics });
  // a workbook saved with a password is no zip but an OLE compound file (so is an old .xls)
  if (bytes.subarray(0, 8).equals(COMPOUND_FILE)) {
    problem(bytes.includes(ENCRYPTED_PACKAGE) ? 'tabular.encrypted' : 'tabular.oldXls', {});
    return refused();
  }
  // its parts inflate within bounds before exceljs (JSZip) inflates them without any: each part to no
  // more than its declared size, all of them to no more than the limit
  // loaded with the workbook (as exceljs is): a start that reads no workbook loads no zip reader
  const { readDirectory, readEntry, UnsafeZip } = await import('../util/zip.js');
  try {
    for (const entry of readDirectory(bytes, WORKBOOK_LIMITS)) if (!entry.name.endsWith('/')) readEntry(bytes, entry);
  } catch (error) {
    if (!(error instanceof UnsafeZip)) throw error;
    if (error.reason === 'tooLarge' || error.reason === 'ratio' || error.reason === 'tooMany')
      problem('tabular.workbookTooLarge', { limit: WORKBOOK_LIMITS.maxTotalBytes / 1024 / 1024 });
    else problem('tabular.notXlsx', { detail: error.reason });
    return refused();
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    problem('tabular.notXlsx', { detail: String((error as Error).message).split('\n')[0]! });
    return refused();
  }
  const sheet = workbook.worksheets.find((s) => s.name === sectionName) ?? workbook.worksheets[0];
  if (!sheet) {
    problem('tabular.noSheet', {});
    return refused();
  }
  const at = (line: number, column: number): CellPlace => ({ line, column, cell: `${sheet.name}!${columnLetters(column)}${line}` });
  const rows: Cell[][] = [];
  const lines: number[] = [];
  // a sheet is as large as its used cells, not its dimension: one stray cell in column XFD adds one
  // cell, not sixteen thousand to every row
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      while (cells.length < c - 1) cells.push(null);
      const v = cell.value as unknown;
      if (cell.isMerged && cell.master.address !== cell.address) {
        if (cell.master.value !== null && cell.master.value !== undefined)
          problem('tabular.mergedCell', { cell: cell.master.address }, at(number, c));
        cells.push(null);
      } else if (v === null || v === undefined) cells.push(null);
      else if (typeof v === 'object' && !(v instanceof Date)) {
        const o = v as {
          formula?: string;
          sharedFormula?: string;
          result?: unknown;
          richText?: { text: string }[];
          text?: string;
          error?: string;
        };
        if (o.formula !== undefined || o.sharedFormula !== undefined) {
          // a formula counts by what Excel last computed; one never computed (or an error) is said
          const result = o.result;
          const computed = result !== undefined && (typeof result !== 'object' || result === null || result instanceof Date);
          if (!computed) problem('tabular.formulaCell', { formula: o.formula ?? o.sharedFormula ?? '' }, at(number, c));
          cells.push(computed ? (result as Cell) : null);
        } else if (o.richText) cells.push(o.richText.map((p) => p.text).join(''));
        else if (o.text !== undefined) cells.push(o.text);
        else if (o.error !== undefined) {
          problem('tabular.errorCell', { error: o.error }, at(number, c));
          cells.push(null);
        } else cells.push(String(v));
      } else cells.push(v as Cell);
    });
    rows.push(cells);
    lines.push(number);
  });
  const place = (row: number, column: number): CellPlace => at(lines[row] ?? 1, column + 1);
  const read = entriesOf(file, prefix, rows, place, lang, currentSchemaIndex());
  read.diagnostics.unshift(...diagnostics);
  if (diagnostics.length > 0) delete read.entries;
  return read;
}
