// Tables: every table of the document is a grid of texts whose column widths are measured from the
// content (the widest cluster a column must hold, and its widest paragraph) and allocated the way
// an automatic table layout does; each cell is then composed (compose.ts) at its column's width, so
// that pdfmake has nothing left to break — which also keeps 10,000-row tables fast.
import type { SchemaNode } from '../model/schema-index.js';
import { isWithheld, type Withheld } from '../model/withheld.js';
import { getAt } from '../util/pointer.js';
import { type Composer, type FaceName, type Inline } from './compose.js';
import { EMPTY_CELL, type Entry, type Formatter } from './format.js';
import type { Field } from './layouts.js';
import {
  CELL_PADDING,
  CONTENT_WIDTH,
  MAX_UNBROKEN_ROW,
  RULE_WIDTH,
  STYLES,
  TABLE_LINE_HEIGHT,
  TABLE_SIZE,
  type Content,
} from './styles.js';

export { EMPTY_CELL };

export interface GridColumn {
  title: string;
  align?: 'left' | 'right' | 'center';
  /** Points: a column that is not measured (a chart's bar). */
  fixed?: number;
}

/** A cell: its text, or its text with pdfmake properties (a bold total row) or another node. */
export type Cell =
  string | { text: string; props?: Record<string, unknown>; face?: FaceName } | { node: Content; min: number; max: number };

export interface GridOptions {
  fontSize?: number;
  /** A heading kept with the table as its first (repeated) header row. */
  heading?: string;
  headingStyle?: HeadingStyle;
  /** No header row of column titles (a label/value table). */
  noHeader?: boolean;
  /** Column widths to use instead of measuring (two tables that must line up). */
  widths?: number[];
  /** The whole table width (default: the content width). */
  width?: number;
  margin?: number[];
  /** Extra rows kept with the header (default 2: no table starts with a single row at a page foot). */
  keepRows?: number;
  /** Notes follow the table (注1…): where it runs onto another page, its mark says they are at its end. */
  notesAfter?: boolean;
}

/** The styles a table's heading row may take: an item's block, a record, or the 注 over notes. */
export type HeadingStyle = 'block' | 'record' | 'notesHeading';

/**
 * How a table's repeated header says it is continued: a mark after its heading; or, without one, a
 * caption the page's running header carries (pdfmake notes in `repeatedOn` the pages it repeated the
 * header on, by index: see engine.ts).
 */
export type TableContinued = { mark: string; caption?: undefined } | { mark?: undefined; caption: string; repeatedOn?: readonly unknown[] };

const HEADER_SIZE = STYLES.th.fontSize;
/** A row's padding and rule, beside its lines. */
const ROW_EXTRA = 5.5;

/** Widths for columns with these needs, filling `available` (points of text). */
export function allocate(needs: readonly { min: number; max: number; fixed?: number }[], available: number): number[] {
  const widths = needs.map((n) => n.fixed ?? 0);
  let left = available - widths.reduce((s, w) => s + w, 0);
  let open = needs.map((n, i) => (n.fixed === undefined ? i : -1)).filter((i) => i >= 0);
  const sumMin = open.reduce((s, i) => s + needs[i]!.min, 0);
  if (sumMin >= left) {
    // not even the unbreakable runs fit: share in proportion to them
    for (const i of open) widths[i] = (needs[i]!.min / Math.max(sumMin, 1e-6)) * left;
    return widths;
  }
  // a column that needs no more than its fair share gets all it needs, and so does one whose text
  // is barely longer than its widest unbreakable run (a date, a short label: one line, not two);
  // the rest share what is left in proportion to their longest text, never below their widest run
  for (;;) {
    const sumMax = open.reduce((s, i) => s + Math.max(needs[i]!.max, 1e-6), 0);
    const fair = (i: number) => (Math.max(needs[i]!.max, 1e-6) / sumMax) * left;
    const settled = open.filter((i) => needs[i]!.max <= Math.max(fair(i), needs[i]!.min * 1.25) + 1e-6);
    const rest = open.filter((i) => !settled.includes(i));
    const cost = settled.reduce((s, i) => s + needs[i]!.max, 0) + rest.reduce((s, i) => s + needs[i]!.min, 0);
    if (settled.length === 0 || cost > left + 1e-6) break;
    if (rest.length === 0) {
      // everything fits on one line: the spare width goes to the columns in proportion
      for (const i of open) widths[i] = needs[i]!.max + (left - sumMax) * (Math.max(needs[i]!.max, 1e-6) / sumMax);
      return widths;
    }
    for (const i of settled) {
      widths[i] = needs[i]!.max;
      left -= needs[i]!.max;
    }
    open = rest;
  }
  // proportional to the longest text, lifted to the minimum where it falls short
  let floor = open.filter(() => false);
  for (;;) {
    const rest = open.filter((i) => !floor.includes(i));
    const spare = left - floor.reduce((s, i) => s + needs[i]!.min, 0);
    const sumMax = rest.reduce((s, i) => s + Math.max(needs[i]!.max, 1e-6), 0);
    const short = rest.filter((i) => (needs[i]!.max / sumMax) * spare < needs[i]!.min);
    if (short.length === 0) {
      for (const i of floor) widths[i] = needs[i]!.min;
      for (const i of rest) widths[i] = (Math.max(needs[i]!.max, 1e-6) / sumMax) * spare;
      return widths;
    }
    floor = [...floor, ...short];
  }
}

/** The lines a cell's paragraphs (their widths, points) take at a width: an estimate, by widths alone. */
function estimatedLines(paragraphs: readonly number[] | undefined, width: number): number {
  if (!paragraphs) return 1;
  let n = 0;
  for (const p of paragraphs) n += Math.max(1, Math.ceil(p / (width * 0.98) - 1e-9));
  return n;
}

/**
 * A table's height in lines at these widths, each row as tall as its tallest cell; among equally
 * short tables, the one with fewer lines in all ranks first (no column squeezed to a character or
 * two where it costs the table nothing).
 */
export function estimatedHeight(rows: readonly (readonly (readonly number[] | undefined)[])[], widths: readonly number[]): number {
  let total = 0;
  let cells = 0;
  for (const row of rows) {
    let tallest = 1;
    for (let j = 0; j < widths.length; j++) {
      const n = estimatedLines(row[j], widths[j]!);
      cells += n;
      if (n > tallest) tallest = n;
    }
    total += tallest;
  }
  return total + cells / (1 + rows.length * widths.length * 100);
}

/**
 * Widths moved an em at a time between columns while that makes the table shorter (the lines of a
 * row are its tallest cell's): where a name column is one character too narrow, every row it wraps
 * in gets a line taller, while the long text column it takes the em from often keeps its lines.
 * Large tables are judged on a sample of rows.
 */
export function refine(widths: number[], cells: (number[] | undefined)[][], mins: number[], fixed: boolean[], step: number): number[] {
  const rows = cells.length > 400 ? cells.filter((_, i) => i % Math.ceil(cells.length / 400) === 0) : cells;
  const height = (ws: number[]) => estimatedHeight(rows, ws);
  const out = [...widths];
  let best = height(out);
  for (let round = 0; round < 60; round++) {
    let move: [number, number, number] | undefined;
    for (let a = 0; a < out.length; a++) {
      if (fixed[a]) continue;
      for (let b = 0; b < out.length; b++) {
        if (a === b || fixed[b] || out[b]! - step < mins[b]!) continue;
        out[a]! += step;
        out[b]! -= step;
        const h = height(out);
        out[a]! -= step;
        out[b]! += step;
        if (h < (move?.[2] ?? best)) move = [a, b, h];
      }
    }
    if (!move) break;
    out[move[0]]! += step;
    out[move[1]]! -= step;
    best = move[2];
  }
  return out;
}

/**
 * The narrowest column (ems) a header of `length` ems breaks in without a line of one or two
 * characters: a header of up to five on one line; a longer one in lines of at least three and at
 * most this many (four at the least), which the composer's balanced breaking then finds.
 */
export function headerMin(length: number): number {
  const chars = Math.ceil(length - 0.05);
  if (chars <= 5) return length;
  return Math.max(4, Math.ceil(chars / Math.floor(chars / 3)));
}

/** A number, a count or a percentage: set flush right. */
const NUMERIC = /^[-+]?[0-9０-９][0-9０-９,.，．]*\s*(?:[%％件名人回台社点]|\s*\/\s*[0-9]+)?$/;

export class Tables {
  /** The outline entry block headings go under (the item being set), if any. */
  outlineParent: string | undefined;
  /**
   * What a table without a heading of its own is continued under on its next pages (the item or
   * part being set, 「四 …規程」), if any.
   */
  caption: string | undefined;
  /** What marks a table's heading or caption where the table runs on from the page before (（続き）). */
  continuedMark = '';
  /** The same, for a table whose notes follow it (（続き。注は表の末尾）). */
  continuedNotesMark = '';
  /** Tables without a heading, continued under a caption (see TableContinued). */
  readonly captioned: Extract<TableContinued, { caption: string }>[] = [];

  /** The caption of a table that runs onto this page (1-based) from the one before, if any: what its running header names. */
  continuedOn(page: number): string | undefined {
    return this.captioned.find((c) => c.repeatedOn?.[page - 1] === true)?.caption;
  }

  /** What `build` makes, its tables continued under `caption` on their next pages. */
  under<T>(caption: string, build: () => T): T {
    const outer = this.caption;
    this.caption = caption;
    try {
      return build();
    } finally {
      this.caption = outer;
    }
  }
  private headings = 0;

  constructor(
    private readonly f: Formatter,
    readonly composer: Composer,
  ) {}

  /** Text composed into lines at a width (justified), as pdfmake runs. */
  lines(text: string, width: number, fontSize: number, face: FaceName = 'Serif', justify = true): Inline[] {
    return this.composer.compose(text, width, fontSize, { face, justify }).inlines;
  }

  /** A grid of texts: widths from the content, each cell composed at its column's width. */
  grid(columns: GridColumn[], rows: Cell[][], options: GridOptions = {}): Content {
    const fontSize = options.fontSize ?? TABLE_SIZE;
    const n = columns.length;
    const tableWidth = options.width ?? CONTENT_WIDTH;
    const available = tableWidth - n * CELL_PADDING - (n + 1) * RULE_WIDTH;
    const texts = rows.map((row) => row.map((cell) => cellText(cell)));
    // cells a span covers (a group's row): neither measured nor filled
    const span = (cell: Cell | undefined) =>
      cell !== undefined && typeof cell === 'object' && 'props' in cell ? Number(cell.props?.colSpan ?? 1) : 1;
    const covered = rows.map((row) => {
      const out = row.map(() => false);
      row.forEach((cell, j) => {
        for (let k = 1; k < span(cell); k++) out[j + k] = true;
      });
      return out;
    });
    const aligns = columns.map(
      (c, j) =>
        c.align ??
        (texts.length > 0 && texts.every((r, i) => covered[i]![j] || span(rows[i]![j]) > 1 || isNumeric(r[j])) ? 'right' : 'left'),
    );
    let widths = options.widths;
    if (!widths) {
      const paragraphs: (number[] | undefined)[][] = rows.map(() => []);
      const needs = columns.map((c, j) => {
        if (c.fixed !== undefined) return { min: c.fixed, max: c.fixed, fixed: c.fixed };
        let min = 0;
        let max = 0;
        if (!options.noHeader) {
          const h = this.composer.extent(c.title, HEADER_SIZE, 'Sans');
          // a header may break inside a word (it is the column's data that sets the width), but
          // leaves no line of one or two characters: 「規程の名 / 称」 is never set
          min = headerMin(h.max / HEADER_SIZE) * HEADER_SIZE;
          max = h.max;
        }
        rows.forEach((row, r) => {
          const cell = row[j];
          if (covered[r]![j] || span(cell) > 1) return;
          if (cell !== undefined && typeof cell === 'object' && 'node' in cell) {
            min = Math.max(min, cell.min);
            max = Math.max(max, cell.max);
            return;
          }
          const face = typeof cell === 'object' && 'face' in cell ? cell.face : undefined;
          const e = this.composer.extent(texts[r]![j] || EMPTY_CELL, fontSize, face ?? 'Serif');
          paragraphs[r]![j] = e.paragraphs;
          min = Math.max(min, e.min);
          max = Math.max(max, e.max);
        });
        return { min, max };
      });
      widths = refine(
        allocate(needs, available),
        paragraphs,
        needs.map((n) => n.min),
        needs.map((n) => n.fixed !== undefined),
        fontSize,
      ).map(round);
    }
    const body: Content[] = [];
    if (!options.noHeader)
      body.push(columns.map((c, j) => ({ text: this.lines(c.title, widths[j]!, HEADER_SIZE, 'Sans', false), style: 'th' })));
    let tallest = 0;
    const rowHeights: number[] = [];
    const headerHeight = options.noHeader
      ? 0
      : Math.max(...columns.map((c, j) => this.composer.lineWidths(c.title, widths[j]!, HEADER_SIZE, { face: 'Sans' }).length)) *
          HEADER_SIZE *
          TABLE_LINE_HEIGHT +
        ROW_EXTRA;
    rows.forEach((row, r) => {
      let rowLines = 1;
      body.push(
        row.map((cell, j) => {
          if (covered[r]![j]) return {};
          if (cell !== undefined && typeof cell === 'object' && 'node' in cell) return cell.node;
          const text = texts[r]![j]!;
          const face = typeof cell === 'object' && 'face' in cell ? (cell.face ?? 'Serif') : 'Serif';
          const props = typeof cell === 'object' && 'props' in cell ? cell.props : undefined;
          if (text === '') return { text: EMPTY_CELL, alignment: 'center', ...props };
          const align = span(cell) > 1 ? 'left' : aligns[j]!;
          let width = widths[j]!;
          for (let k = 1; k < span(cell); k++) width += widths[j + k]! + CELL_PADDING + RULE_WIDTH;
          // a label (the heading face) is set flush left, never spread across its cell
          const composed = this.composer.compose(text, width, fontSize, { face, justify: align === 'left' && face !== 'Sans' });
          tallest = Math.max(tallest, composed.lines * fontSize * TABLE_LINE_HEIGHT + 6);
          rowLines = Math.max(rowLines, composed.lines);
          return { text: composed.inlines, ...(align !== 'left' ? { alignment: align } : {}), ...props };
        }),
      );
      rowHeights.push(rowLines);
    });
    let headerRows = options.noHeader ? 0 : 1;
    let headingHeight = 0;
    // a block heading's outline entry, on the first row: header rows repeat on every page, and so
    // would an entry on them
    if (
      options.heading !== undefined &&
      (options.headingStyle ?? 'block') === 'block' &&
      this.outlineParent !== undefined &&
      body.length > headerRows
    ) {
      const first = body[headerRows] as Record<string, unknown>[];
      first[0] = {
        ...first[0],
        id: `${this.outlineParent}-${++this.headings}`,
        outline: true,
        outlineText: options.heading,
        outlineParentId: this.outlineParent,
      };
    }
    // on each page the table runs onto, its heading is marked continued, or (without one) the page's
    // running header names what it runs on under (engine.ts: markContinuedTables; styles.ts)
    let continued: TableContinued | undefined;
    const mark = options.notesAfter && this.continuedNotesMark !== '' ? this.continuedNotesMark : this.continuedMark;
    if (mark !== '') {
      if (options.heading !== undefined) continued = { mark };
      else if (!options.noHeader && this.caption !== undefined) {
        continued = { caption: `${this.caption}${mark}` };
        this.captioned.push(continued);
      }
    }
    if (options.heading !== undefined) {
      const style = options.headingStyle ?? 'block';
      body.unshift(this.headingRow(options.heading, style, n, tableWidth, continued?.mark));
      headingHeight =
        this.composer.lineWidths(options.heading, tableWidth, STYLES[style].fontSize, { face: 'Sans' }).length *
          STYLES[style].fontSize *
          TABLE_LINE_HEIGHT +
        4 +
        ROW_EXTRA;
      headerRows++;
    }
    // Rows are kept whole (and with the header) unless one might not fit on a page at all: pdfmake
    // drops a row taller than a page when it may not break, and content must never vanish.
    const fits = tallest < MAX_UNBROKEN_ROW;
    const keepRows = Math.min(options.keepRows ?? 2, rows.length);
    return {
      // what must fit for the table to start on a page: its headings and the rows kept with them
      // (a row that may break across pages asks for its first three lines only)
      taiseiLead:
        headingHeight +
        headerHeight +
        rowHeights
          .slice(0, keepRows)
          .reduce((s, lines) => s + (fits ? lines : Math.min(lines, 3)) * fontSize * TABLE_LINE_HEIGHT + ROW_EXTRA, 0),
      table: {
        headerRows,
        keepWithHeaderRows: fits && headerRows > 0 ? keepRows : 0,
        widths,
        body,
        dontBreakRows: fits,
      },
      taiseiHeading: options.heading !== undefined,
      ...(continued ? { taiseiContinued: continued } : {}),
      layout: 'taisei',
      fontSize,
      lineHeight: TABLE_LINE_HEIGHT,
      margin: options.margin ?? [0, 0, 0, 8],
    };
  }

  /**
   * A heading as the first header row of its table: it stays with the table (never stranded at
   * the foot of a page) and is repeated on every page the table runs onto.
   */
  headingRow(heading: string, style: HeadingStyle, columns: number, width = CONTENT_WIDTH, mark?: string): Content[] {
    const none = [false, false, false, false];
    const size = STYLES[style].fontSize;
    // room at the end of its last line for the mark it carries on the pages it is repeated on
    const room = mark ? this.composer.extent(mark, size, 'Sans').max : 0;
    return [
      {
        text: this.lines(heading, width - room, size, 'Sans', false),
        style,
        colSpan: columns,
        border: none,
        margin: [-4, 4, 0, 0],
      },
      ...Array.from({ length: columns - 1 }, () => ({ text: '', border: none })),
    ];
  }

  /** A label/value table for one object. Fields with no value are left out. */
  fieldTable(segments: string[], entry: Entry, fields: Field[], heading?: string, headingStyle: 'block' | 'record' = 'block'): Content {
    const rows: Cell[][] = [];
    for (const field of fields) {
      const path = field.path.split('.');
      const value = getAt(entry, path);
      if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
      const node = this.f.schema.at([...segments, ...path]);
      rows.push([
        { text: node?.title ?? field.path, face: 'Sans', props: { style: 'label' } },
        this.f.fieldText(value, node, field, entry),
      ]);
    }
    if (rows.length === 0) rows.push([{ text: this.f.wording.text('none') }, '']);
    // the label column as wide as its longest label needs, up to a quarter of the page
    const labels = rows.map((r) => this.composer.extent(cellText(r[0]!), STYLES.label.fontSize, 'Sans').max);
    const label = Math.min(Math.max(...labels), CONTENT_WIDTH / 4);
    return this.grid([{ title: '', fixed: label }, { title: '' }], rows, {
      noHeader: true,
      heading,
      headingStyle,
      margin: [0, 0, 0, 6],
      keepRows: 2,
    });
  }

  /** A list of entries as a table, one column per field, its header repeated on every page. */
  table(segments: string[], entries: readonly (Entry | Withheld)[], columns: Field[], fontSize: number, heading?: string): Content {
    const itemNode = this.f.schema.at([...segments, '0']);
    // each column's paths and schema nodes, once: an entry's place in the list does not change them
    const prepared = columns.map((column) => {
      const path = column.path.split('.');
      return {
        column,
        path,
        node: this.f.schema.at([...segments, '0', ...path]),
        lines: (column.lines ?? []).map((line) => ({
          line,
          path: line.split('.'),
          node: this.f.schema.at([...segments, '0', ...line.split('.')]),
        })),
      };
    });
    const rows = entries.map((entry) =>
      prepared.map(({ column, path, node, lines }) => {
        // an entry withheld as a whole is a bar in each of its cells
        if (isWithheld(entry)) return this.f.fieldText(entry, node, column, {});
        const texts = [this.f.fieldText(getAt(entry, path), node, column, entry)];
        for (const l of lines) texts.push(this.f.fieldText(getAt(entry, l.path), l.node, { path: l.line }, entry));
        return texts.filter((t) => t !== '').join('\n');
      }),
    );
    return this.grid(
      columns.map((c) => ({ title: this.columnTitle(itemNode, segments, c), ...(c.align ? { align: c.align } : {}) })),
      rows,
      { fontSize, ...(heading !== undefined ? { heading } : {}) },
    );
  }

  columnTitle(itemNode: SchemaNode | undefined, segments: string[], column: Field): string {
    return [column.path, ...(column.lines ?? [])]
      .map((p) => (itemNode ? this.f.schema.at([...segments, '0', ...p.split('.')])?.title : undefined) ?? p)
      .join('／');
  }
}

function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  return 'text' in cell ? cell.text : '';
}

function isNumeric(text: string | undefined): boolean {
  return text === undefined || text === '' || NUMERIC.test(text);
}

function round(n: number): number {
  return Math.floor(n * 100) / 100;
}
