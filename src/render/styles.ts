// Document setup: page size and margins, type sizes and the named styles every part uses.
import type { Wording } from './templates.js';

/** Something pdfmake lays out: a node, a string, or a list of them. */
export type Content = Record<string, unknown> | string | Content[];

export const BODY_SIZE = 10;
export const TABLE_SIZE = 9;
export const PAGE_MARGINS = [64, 64, 64, 60] as const;
/** A4 width less the left and right page margins. */
export const CONTENT_WIDTH = 595.28 - PAGE_MARGINS[0] - PAGE_MARGINS[2];
/** What a table column spends beside its text: cell padding and rules (see pdf.ts TABLE_LAYOUT). */
export const COLUMN_GAP = 9;
/** Cell padding, left and right, inside a column's width. */
export const CELL_PADDING = 8;
/**
 * Rows are kept whole (and with the header) unless one might not fit on a page at all: pdfmake
 * silently drops a row taller than a page when it may not break or must stay with the header, and
 * content must never vanish.
 */
export const MAX_UNBROKEN_ROW = 420;

export const DEFAULT_STYLE = { font: 'Serif', fontSize: BODY_SIZE, lineHeight: 1.3 };

export const STYLES = {
  coverForm: { fontSize: 9 },
  coverTitle: { font: 'Sans', bold: true, fontSize: 20, alignment: 'center', characterSpacing: 4 },
  tocTitle: { font: 'Sans', bold: true, fontSize: 14, alignment: 'center', margin: [0, 0, 0, 16] },
  attachmentTitle: { font: 'Sans', bold: true, fontSize: 13, margin: [0, 0, 0, 10] },
  item: { font: 'Sans', bold: true, fontSize: 11, lineHeight: 1.3, margin: [0, 16, 0, 6] },
  block: { font: 'Sans', bold: true, fontSize: 9.5, margin: [0, 8, 0, 4] },
  record: { font: 'Sans', bold: true, fontSize: 9.5, margin: [0, 8, 0, 3] },
  th: { font: 'Sans', bold: true, fontSize: 8.5, fillColor: '#eeeeee' },
  label: { font: 'Sans', bold: true, fontSize: 8.5 },
  none: { margin: [0, 2, 0, 4] },
  note: { fontSize: 8.5 },
};

/** The running header and the footer "N / M", on every page but the cover. */
export function pageFurniture(wording: Wording, templateData: Record<string, unknown>): Record<string, unknown> {
  return {
    header: (page: number) =>
      page === 1
        ? null
        : {
            text: wording.text('running-header', templateData),
            fontSize: 8,
            alignment: 'right',
            margin: [64, 28, 64, 0],
            color: '#444444',
          },
    footer: (page: number, pages: number) =>
      page === 1 ? null : { text: wording.text('footer', { page, pages }), fontSize: 9, alignment: 'center', margin: [0, 18, 0, 0] },
    // A heading never ends a page: if nothing follows it on its page, it moves to the next one.
    pageBreakBefore: (node: { headlineLevel?: number }, nodes: { getFollowingNodesOnPage: () => unknown[] }) =>
      node.headlineLevel !== undefined && nodes.getFollowingNodesOnPage().length === 0,
  };
}

/** A part's heading (an item of the statute, an appendix): in the table of contents and the outline. */
export function partHeading(text: unknown, options: { outlineText?: string; pageBreak?: 'before' } = {}): Content {
  return {
    stack: [{ text, tocItem: true, outline: true, ...(options.outlineText !== undefined ? { outlineText: options.outlineText } : {}) }],
    style: 'item',
    unbreakable: true,
    headlineLevel: 1,
    ...(options.pageBreak ? { pageBreak: options.pageBreak } : {}),
  };
}
