// 目次: one entry per item and appendix, its number hanging, leaders to the page number, each
// entry a link to its page. Page numbers are pdfmake page references to the headings' ids.
import { joinLines } from '../compose.js';
import { STYLES, BODY_SIZE, CONTENT_WIDTH, type Content } from '../styles.js';
import type { PartContext } from './context.js';

export interface TocEntry {
  id: string;
  label: string;
  title: string;
}

const PAGE_COLUMN = 26;
const LEADER = '…';

export function toc(ctx: PartContext, entries: TocEntry[]): Content {
  const composer = ctx.tables.composer;
  const size = BODY_SIZE;
  const labelWidth = Math.max(...entries.map((e) => (e.label ? composer.extent(`${e.label}　`, size).max : 0)));
  const lineHeight = size * STYLES.tocEntry.lineHeight;
  const leader = composer.extent(LEADER, size).max;
  const body = entries.map((e) => {
    const titleWidth = CONTENT_WIDTH - labelWidth - PAGE_COLUMN;
    const lines = composer.composeLines(e.title, titleWidth, size, { justify: true });
    const widths = composer.lineWidths(e.title, titleWidth, size);
    const last = widths[widths.length - 1] ?? 0;
    // the leaders run from the title's end to the page number as one continuous row of dots: as many
    // as fit, nudged together or apart by at most half a leader in all; where the title's last line
    // leaves no room for two, they take a line of their own
    let room = titleWidth - last - size * 0.5;
    if (Math.round(room / leader) < 2) {
      lines.push([]);
      room = titleWidth - size * 0.5;
    }
    const count = Math.round(room / leader);
    const spacing = (room - count * leader) / Math.max(1, count - 1);
    const run = { text: LEADER.repeat(count), noWrap: true, color: '#555555', characterSpacing: Math.round(spacing * 1000) / 1000 };
    lines[lines.length - 1]!.push(run);
    const text = joinLines(lines);
    return [
      { text: e.label, linkToDestination: e.id },
      { text, linkToDestination: e.id },
      // the page number on the entry's last line, where its leaders end
      { text: [{ pageReference: e.id }], alignment: 'right', linkToDestination: e.id, margin: [0, (lines.length - 1) * lineHeight, 0, 0] },
    ];
  });
  return {
    table: { widths: [labelWidth, CONTENT_WIDTH - labelWidth - PAGE_COLUMN, PAGE_COLUMN], body, dontBreakRows: true },
    layout: 'taiseiToc',
    fontSize: size,
    lineHeight: STYLES.tocEntry.lineHeight,
  };
}
