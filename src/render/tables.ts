// Tables: one column list gives both pdfmake's widths and the width each column's text is broken
// to before layout (with the body font's real widths, which keeps 10,000-row tables fast).
import type { SchemaNode } from '../model/schema-index.js';
import { getAt } from '../util/pointer.js';
import type { Entry, Formatter } from './format.js';
import type { Field } from './layouts.js';
import { brokenLines, paragraphInlines, widthInEms, type Inline, type Measure } from './phrases.js';
import { CELL_PADDING, COLUMN_GAP, CONTENT_WIDTH, MAX_UNBROKEN_ROW, TABLE_SIZE, type Content } from './styles.js';

export interface Column {
  /** Points, or '*' for a share of what is left. */
  width?: number | '*';
}

export interface ColumnWidths {
  /** What pdfmake is given. */
  widths: (number | '*')[];
  /** The width the text of each column is broken to. */
  text: number[];
}

/** pdfmake's widths and the text widths, from one column list. */
export function columnWidths(columns: readonly Column[]): ColumnWidths {
  const fixed = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 0), 0);
  const stars = columns.filter((c) => typeof c.width !== 'number').length;
  const starWidth = stars > 0 ? Math.max(40, (CONTENT_WIDTH - fixed - columns.length * COLUMN_GAP) / stars) : 0;
  return {
    widths: columns.map((c) => c.width ?? '*'),
    text: columns.map((c) => (typeof c.width === 'number' ? c.width : starWidth) - CELL_PADDING),
  };
}

/** A generous estimate of a cell's height in points. */
function estimatedHeight(inlines: Inline[], width: number, fontSize: number): number {
  let lines = 1;
  let line = 0;
  for (const inline of inlines) {
    if (inline.text === '\n') {
      lines++;
      line = 0;
      continue;
    }
    line += widthInEms(inline.text) * fontSize;
    while (line > width) {
      lines++;
      line -= width;
    }
  }
  return lines * fontSize * 1.4 + 6;
}

export class Tables {
  constructor(
    private readonly f: Formatter,
    private readonly measure?: Measure,
  ) {}

  /** A cell's text as lines no wider than the cell (measured in the body font). */
  cell(text: string, width: number, fontSize: number): Inline[] {
    return this.measure ? brokenLines(text, width, fontSize, this.measure) : paragraphInlines(text, width / fontSize);
  }

  /**
   * A heading as the first header row of its table: it stays with the table (never stranded at
   * the foot of a page) and is repeated on every page the table runs onto.
   */
  headingRow(heading: string, style: string, columns: number): Content[] {
    const none = [false, false, false, false];
    return [
      { text: paragraphInlines(heading), style, colSpan: columns, border: none, margin: [-4, 4, 0, 0] },
      ...Array.from({ length: columns - 1 }, () => ({ text: '', border: none })),
    ];
  }

  /** A table of whole rows under a heading row. */
  withHeading(heading: string, widths: (number | string)[], body: Content[]): Content {
    body.unshift(this.headingRow(heading, 'block', widths.length));
    return {
      table: { headerRows: 2, keepWithHeaderRows: 1, widths, body, dontBreakRows: true },
      taiseiHeading: true,
      layout: 'taisei',
      fontSize: TABLE_SIZE,
      margin: [0, 0, 0, 8],
    };
  }

  /** A label/value table for one object. Fields with no value are left out. */
  fieldTable(segments: string[], entry: Entry, fields: Field[], heading?: string, headingStyle = 'block'): Content {
    const body: Content[] = [];
    const columns = columnWidths([{ width: 110 }, { width: '*' }]);
    // The value column's text is broken 10 pt wider than columnWidths gives, as the first layout had
    // it: kept so that splitting render/ left every PDF byte-identical. The typesetting issue measures
    // column widths from their content and retires this.
    const valueWidth = CONTENT_WIDTH - 110 - 16;
    let tallest = 0;
    for (const field of fields) {
      const path = field.path.split('.');
      const value = getAt(entry, path);
      if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
      const node = this.f.schema.at([...segments, ...path]);
      const text = this.cell(this.f.fieldText(value, node, field, entry), valueWidth, TABLE_SIZE);
      tallest = Math.max(tallest, estimatedHeight(text, valueWidth, TABLE_SIZE));
      body.push([{ text: paragraphInlines(node?.title ?? field.path, 11), style: 'label' }, { text }]);
    }
    if (body.length === 0) body.push([{ text: this.f.wording.text('none'), colSpan: 2 }, {}]);
    if (heading !== undefined) body.unshift(this.headingRow(heading, headingStyle, 2));
    const headerRows = heading !== undefined ? 1 : 0;
    const fits = tallest < MAX_UNBROKEN_ROW;
    return {
      table: { headerRows, keepWithHeaderRows: fits ? headerRows : 0, widths: columns.widths, body, dontBreakRows: fits },
      taiseiHeading: heading !== undefined,
      layout: 'taisei',
      fontSize: TABLE_SIZE,
      margin: [0, 0, 0, 6],
    };
  }

  /** A list of entries as a table, one column per field, its header repeated on every page. */
  table(segments: string[], entries: Entry[], columns: Field[], fontSize: number, heading?: string): Content {
    const itemNode = this.f.schema.at([...segments, '0']);
    const { widths, text: inner } = columnWidths(columns);
    const header = columns.map((column, j) => ({
      text: paragraphInlines(this.columnTitle(itemNode, segments, column), Math.max(2, inner[j]! / 8.5)),
      style: 'th',
    }));
    const body: Content[] = [header];
    let tallest = 0;
    entries.forEach((entry, index) => {
      body.push(
        columns.map((column, j) => {
          const path = column.path.split('.');
          const node = this.f.schema.at([...segments, String(index), ...path]);
          const extra = (column.lines ?? []).map((line) =>
            this.f.fieldText(
              getAt(entry, line.split('.')),
              this.f.schema.at([...segments, String(index), ...line.split('.')]),
              { path: line },
              entry,
            ),
          );
          const text = this.cell(
            [this.f.fieldText(getAt(entry, path), node, column, entry), ...extra].filter((t) => t !== '').join('\n'),
            inner[j]!,
            fontSize,
          );
          tallest = Math.max(tallest, estimatedHeight(text, inner[j]!, fontSize));
          return { text };
        }),
      );
    });
    if (heading !== undefined) body.unshift(this.headingRow(heading, 'block', columns.length));
    const headerRows = heading !== undefined ? 2 : 1;
    const fits = tallest < MAX_UNBROKEN_ROW;
    return {
      table: { headerRows, keepWithHeaderRows: fits ? 1 : 0, widths, body, dontBreakRows: fits },
      taiseiHeading: heading !== undefined,
      layout: 'taisei',
      fontSize,
      margin: [0, 0, 0, 8],
    };
  }

  private columnTitle(itemNode: SchemaNode | undefined, segments: string[], column: Field): string {
    return [column.path, ...(column.lines ?? [])]
      .map((p) => (itemNode ? this.f.schema.at([...segments, '0', ...p.split('.')])?.title : undefined) ?? p)
      .join('／');
  }
}
