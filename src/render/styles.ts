// Document setup: page size and margins, type sizes and the named styles every part uses.
import type { Wording } from './templates.js';

/** Something pdfmake lays out: a node, a string, or a list of them. */
export type Content = Record<string, unknown> | string | Content[];

export const BODY_SIZE = 10;
export const TABLE_SIZE = 9;
export const PAGE_MARGINS = [64, 64, 64, 60] as const;
/** A4 width less the left and right page margins. */
export const CONTENT_WIDTH = 595.28 - PAGE_MARGINS[0] - PAGE_MARGINS[2];
/** Cell padding, left and right, beside a column's text (see pdf.ts TABLE_LAYOUT). */
export const CELL_PADDING = 8;
/** The width of a table's rules. */
export const RULE_WIDTH = 0.5;
/**
 * Rows are kept whole (and with the header) unless one might not fit on a page at all: pdfmake
 * silently drops a row taller than a page when it may not break or must stay with the header, and
 * content must never vanish.
 */
export const MAX_UNBROKEN_ROW = 420;
/**
 * The most a heading asks to keep with it (points): what the next part needs to start on the page
 * (a table's header and the rows kept with it), up to about three fifths of a page's content. A
 * table whose rows may not break needs all of that where it starts, else the heading would stay
 * at the foot of a page its table has left.
 */
export const MAX_LEAD = 430;

/** Line pitch of running text, in ems of its size (BIZ UD's own line height is one em). */
export const BODY_LINE_HEIGHT = 1.7;
/** Line pitch inside tables. */
export const TABLE_LINE_HEIGHT = 1.3;

/**
 * Every line is composed before layout (compose.ts), so nothing is left for pdfmake to break: its
 * own line breaker is never run, nor even loaded.
 */
export const DEFAULT_STYLE = { font: 'Serif', fontSize: BODY_SIZE, lineHeight: BODY_LINE_HEIGHT, noWrap: true };

export const STYLES = {
  coverForm: { fontSize: 9 },
  coverTitle: { font: 'Sans', bold: true, fontSize: 20, alignment: 'center', characterSpacing: 4 },
  tocTitle: { font: 'Sans', bold: true, fontSize: 14, alignment: 'center', margin: [0, 0, 0, 16] },
  attachmentTitle: { font: 'Sans', bold: true, fontSize: 13, margin: [0, 0, 0, 10] },
  item: { font: 'Sans', bold: true, fontSize: 11, lineHeight: 1.45, margin: [0, 14, 0, 6] },
  tocEntry: { lineHeight: 1.5 },
  groupRow: { font: 'Sans', bold: true, fontSize: 8.5, fillColor: '#f4f4f4' },
  block: { font: 'Sans', bold: true, fontSize: 9.5, margin: [0, 8, 0, 4] },
  record: { font: 'Sans', bold: true, fontSize: 9.5, margin: [0, 8, 0, 3] },
  /** 注 over the notes under a table: 注（続き） where they run onto another page */
  notesHeading: { font: 'Sans', bold: true, fontSize: 8, margin: [0, 0, 0, 0] },
  th: { font: 'Sans', bold: true, fontSize: 8, fillColor: '#eeeeee' },
  label: { font: 'Sans', bold: true, fontSize: 8 },
  none: { margin: [0, 2, 0, 4] },
  note: { fontSize: 8.5 },
};

/** The running header and the footer "N / M", on every page but the cover. */
export function pageFurniture(
  wording: Wording,
  templateData: Record<string, unknown>,
  continuedOn: (page: number) => string | undefined = () => undefined,
  /** the running header's template (the progress report has its own) */
  header = 'running-header',
): Record<string, unknown> {
  const running = { fontSize: 8, color: '#444444' };
  return {
    // the running header; on a page a table without a heading runs onto, also what it runs on under
    // (「四 …規程（続き）」), under it: header functions run after the layout (see tables.ts)
    header: (page: number) => {
      if (page === 1) return null;
      const text = wording.text(header, templateData);
      const caption = continuedOn(page);
      return caption === undefined
        ? { text, alignment: 'right', margin: [64, 28, 64, 0], ...running }
        : {
            // the caption on a line of its own under the running header, so that neither squeezes the other
            stack: [
              { text, alignment: 'right' },
              { text: caption, font: 'Sans', bold: true, margin: [0, 3, 0, 0] },
            ],
            margin: [64, 22, 64, 0],
            ...running,
          };
    },
    footer: (page: number, pages: number) =>
      page === 1 ? null : { text: wording.text('footer', { page, pages }), fontSize: 9, alignment: 'center', margin: [0, 18, 0, 0] },
  };
}

/**
 * Keeps a heading with what follows (LaTeX's \needspace): the heading and a blank of `lead` points
 * below it cannot be split, and what follows is drawn up over that blank. So a heading moves to the
 * next page unless `lead` points — the first lines or rows that follow — fit under it.
 */
export function keptWithNext(heading: Content, wanted: number, next: Content[]): Content[] {
  if (next.length === 0) return [heading];
  // never more than about three fifths of a page: what follows may break (a row taller than a page does)
  const lead = Math.min(wanted, MAX_LEAD);
  return [
    {
      stack: [heading, { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 0, y2: lead, lineWidth: 0.1, lineColor: 'white' }] }],
      unbreakable: true,
    },
    { stack: next, margin: [0, -lead, 0, 0] },
  ];
}

/** What a document says of itself (the PDF's document information, repeated in its XMP). */
export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  toolVersion: string;
  /** the day the document is dated (its creation and modification dates, never the clock) */
  dated: string;
}

/**
 * A pdfmake document of taisei's: A4, its margins, styles and page furniture (the running header of
 * `header`, what continues under it, the footer), its information dated `dated` in Japan.
 */
export function documentFrame(info: DocumentInfo, furniture: Record<string, unknown>, content: Content[]): Record<string, unknown> {
  const dated = new Date(`${info.dated}T00:00:00+09:00`);
  return {
    pageSize: 'A4',
    pageMargins: [...PAGE_MARGINS],
    language: 'ja-JP',
    info: {
      title: info.title,
      author: info.author,
      subject: info.subject,
      keywords: info.keywords,
      creator: 'taisei',
      producer: `taisei ${info.toolVersion}`,
      creationDate: dated,
      modDate: dated,
    },
    defaultStyle: { ...DEFAULT_STYLE },
    // fresh objects per document: pdfmake may annotate what it is given
    styles: structuredClone(STYLES),
    ...furniture,
    content,
  };
}
