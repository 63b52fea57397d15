// Running text and the headings inside an item: paragraphs justified with a one-character indent,
// kept from leaving a single line alone at the foot or top of a page; block headings in the outline
// under their item.
import { joinLines, type Inline } from '../compose.js';
import { BODY_LINE_HEIGHT, BODY_SIZE, CONTENT_WIDTH, STYLES, keptWithNext, type Content } from '../styles.js';
import type { PartContext } from './context.js';

/** How much of a node must fit under a heading for the heading to stay on its page (points). */
function leadOf(node: Content): number {
  if (node !== null && typeof node === 'object' && !Array.isArray(node) && typeof node.taiseiLead === 'number') return node.taiseiLead;
  return 30;
}

/** Two lines of running text: what must follow a heading on its page at least. */
const MIN_LEAD = 2 * BODY_SIZE * BODY_LINE_HEIGHT;

/**
 * What must fit under a heading: the first unbreakable part of what follows, and of the next part
 * too while that is less than two lines (a one-line paragraph before a table).
 */
export function lead(first: Content, ...rest: Content[]): number {
  let total = leadOf(first);
  for (const node of rest) {
    if (total >= MIN_LEAD) break;
    total += leadOf(node);
  }
  return total;
}

export function sectionHeadingId(itemId: string, section: string): string {
  return `${itemId}-${section}`;
}

/** A heading inside an item: in the outline under the item. */
export function blockHeading(ctx: PartContext, title: string, id: string, parent: string): Content {
  const lines = ctx.tables.composer.composeLines(title, CONTENT_WIDTH, STYLES.block.fontSize, { face: 'Sans', justify: false });
  return {
    text: joinLines(lines),
    taiseiHeight: lines.length * STYLES.block.fontSize * BODY_LINE_HEIGHT + STYLES.block.margin[1]! + STYLES.block.margin[3]!,
    style: 'block',
    id,
    outline: true,
    outlineText: title,
    outlineParentId: parent,
  };
}

/**
 * Paragraphs, justified, each indented one character. A paragraph of four lines or more may break
 * across pages, but never leaving one line alone (the first two and the last two lines stay
 * together); a shorter one is kept whole.
 */
export function prose(ctx: PartContext, text: string, fontSize: number, options: { indent?: number; style?: string } = {}): Content[] {
  const out: Content[] = [];
  const height = (lines: number) => lines * fontSize * BODY_LINE_HEIGHT;
  const paragraphs = text.split('\n');
  paragraphs.forEach((paragraph, p) => {
    const lines = ctx.tables.composer.composeLines(paragraph, CONTENT_WIDTH, fontSize, { indent: options.indent ?? 1 });
    const margin = [0, 0, 0, p === paragraphs.length - 1 ? 6 : 0];
    const node = (part: Inline[][], extra: Record<string, unknown> = {}) => ({
      text: joinLines(part),
      fontSize,
      lineHeight: BODY_LINE_HEIGHT,
      ...(options.style ? { style: options.style } : {}),
      ...extra,
    });
    if (lines.length <= 3) {
      out.push({ ...node(lines, { margin }), unbreakable: true, taiseiLead: height(lines.length) });
      return;
    }
    out.push({ ...node(lines.slice(0, 2)), unbreakable: true, taiseiLead: height(2) });
    if (lines.length > 4) out.push(node(lines.slice(2, -2)));
    out.push({ ...node(lines.slice(-2), { margin }), unbreakable: true });
  });
  return out;
}

/** A heading in the items' style, in the outline, kept with what follows. */
export function itemHeading(ctx: PartContext, id: string, title: string, body: Content[]): Content[] {
  const heading = {
    text: ctx.tables.lines(title, CONTENT_WIDTH, STYLES.item.fontSize, 'Sans', false),
    style: 'item',
    id,
    outline: true,
    outlineText: title,
  };
  return keptWithNext(heading, lead(body[0] ?? ''), body);
}

/** An appendix's heading (添付資料一覧, 参考資料…): in the 目次 and the outline. */
export function partHeading(ctx: PartContext, id: string, title: string, body: Content[], options: { pageBreak?: 'before' } = {}): Content {
  return {
    stack: itemHeading(ctx, id, title, body),
    taiseiAppendix: { id, title },
    ...(options.pageBreak ? { pageBreak: options.pageBreak } : {}),
  };
}
