// Where each value of the merged filing was written. Positions travel here, never on the data.
// Files are re-parsed for positions lazily, only when a diagnostic needs one.
import type { Diagnostic } from '../diagnostics.js';
import { parsePointer } from '../util/pointer.js';
import { fastLocate } from './fast-locate.js';
import type { Span, YamlLocator } from './yaml-document.js';
import type { TableSource } from './tabular.js';

interface SourceFile {
  text: string;
  /** in the plain subset (the fast reader read it): spans can be found without the general parser */
  plain?: boolean;
  locator?: YamlLocator;
}

export class SourceMap {
  private readonly files = new Map<string, SourceFile>();
  private readonly sections = new Map<string, string>();
  /** Lists read from spreadsheets: their values' places by row and field. */
  private readonly tables: TableSource[] = [];

  /** @param rootFile the file that holds the header (filing.yaml, or the single file) */
  constructor(readonly rootFile: string) {}

  addFile(path: string, text: string): void {
    this.files.set(path, { text });
  }

  markPlain(path: string): void {
    const file = this.files.get(path);
    if (file) file.plain = true;
  }

  /** Records that the top-level key `section` comes from `path`. */
  assignSection(section: string, path: string): void {
    this.sections.set(section, path);
  }

  fileOfSection(section: string): string | undefined {
    return this.sections.get(section);
  }

  /** Records a list read from a spreadsheet, so that a pointer into it finds its cell. */
  addTable(table: TableSource): void {
    this.tables.push(table);
  }

  private tableOf(segments: readonly string[]): TableSource | undefined {
    return this.tables.find((t) => t.prefix.length <= segments.length && t.prefix.every((s, i) => segments[i] === s));
  }

  fileOf(pointer: string): string {
    const table = this.tableOf(parsePointer(pointer));
    if (table) return table.file;
    const first = parsePointer(pointer)[0];
    return (first !== undefined && this.sections.get(first)) || this.rootFile;
  }

  text(path: string): string | undefined {
    return this.files.get(path)?.text;
  }

  get paths(): string[] {
    return [...this.files.keys()];
  }

  async locate(pointer: string, target: 'key' | 'value' = 'value'): Promise<(Span & { file: string; cell?: string }) | undefined> {
    const segments = parsePointer(pointer);
    const table = this.tableOf(segments);
    if (table) return tableSpan(table, segments);
    const file = this.fileOf(pointer);
    const source = this.files.get(file);
    if (!source) return undefined;
    if (source.plain && !source.locator) {
      const span = fastLocate(source.text, segments, target);
      if (span) return { file, ...span };
    }
    if (!source.locator) {
      const { YamlLocator } = await import('./yaml-document.js');
      source.locator = new YamlLocator(source.text);
    }
    return { file, ...source.locator.locate(segments, target) };
  }

  /** Fills in file, line and column of every diagnostic that has a pointer but no position. */
  async attachPositions(diagnostics: Diagnostic[]): Promise<void> {
    for (const d of diagnostics) {
      if (d.pointer === undefined || d.line !== undefined) continue;
      const span = await this.locate(d.pointer, d.target ?? 'value');
      if (!span) continue;
      d.file = span.file;
      d.line = span.line;
      d.column = span.column;
      d.endLine = span.endLine;
      d.endColumn = span.endColumn;
      if (span.cell) d.cell = span.cell;
    }
    for (const d of diagnostics) {
      for (const r of d.related ?? []) {
        if (r.pointer === undefined || r.line !== undefined) continue;
        const span = await this.locate(r.pointer, 'value');
        if (span) Object.assign(r, { file: span.file, line: span.line, column: span.column });
      }
    }
  }
}

/**
 * Where a pointer into a spreadsheet's list is: the cell of the row and field (a field left empty:
 * its column in the header row's place, on that row), the row, or the header row for the list.
 */
function tableSpan(table: TableSource, segments: readonly string[]): Span & { file: string; cell?: string } {
  const row = table.rows[Number(segments[table.prefix.length])];
  const field = segments.slice(table.prefix.length + 1).filter((s) => !/^\d+$/.test(s));
  let place = row?.place ?? { line: 1, column: 1 };
  if (row) {
    for (let n = field.length; n > 0; n--) {
      const key = field.slice(0, n).join('.');
      const cell = row.cells.get(key) ?? [...row.cells].find(([k]) => k.startsWith(`${key}.`))?.[1];
      if (cell) {
        place = cell;
        break;
      }
      const column = table.header.get(key);
      if (column) {
        place = {
          line: row.place.line,
          column: column.column,
          ...(column.cell ? { cell: column.cell.replace(/\d+$/, String(row.place.line)) } : {}),
        };
        break;
      }
    }
  }
  return {
    file: table.file,
    line: place.line,
    column: place.column,
    endLine: place.line,
    endColumn: place.column,
    ...(place.cell ? { cell: place.cell } : {}),
  };
}
