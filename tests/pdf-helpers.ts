// Reading generated PDFs in tests, with pdfjs-dist (no system tools).
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfContent {
  pages: string[];
  /** all page text, with whitespace removed (text runs are split at phrase boundaries) */
  compact: string;
  info: Record<string, unknown>;
  /** the outline's top level */
  outline: string[];
  /** the outline as a tree: each title with its children's */
  outlineTree: OutlineNode[];
  attachments: Record<string, unknown> | null;
}

export interface OutlineNode {
  title: string;
  items: OutlineNode[];
}

/** A PDF opened for reading only: no fonts installed, no code evaluated. */
function openPdf(bytes: Uint8Array) {
  return getDocument({ data: new Uint8Array(bytes), verbosity: 0, disableFontFace: true, useSystemFonts: false, isEvalSupported: false })
    .promise;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfContent> {
  const doc = await openPdf(bytes);
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  const { info } = await doc.getMetadata();
  type Raw = { title: string; items?: Raw[] };
  const tree = (list: Raw[]): OutlineNode[] => list.map((o) => ({ title: o.title, items: tree(o.items ?? []) }));
  const outlineTree = tree(((await doc.getOutline()) ?? []) as Raw[]);
  const outline = outlineTree.map((o) => o.title);
  const attachments = await doc.getAttachments();
  await doc.destroy();
  return { pages, compact: pages.join('').replace(/\s+/g, ''), info: info as Record<string, unknown>, outline, outlineTree, attachments };
}

export const compact = (s: string) => s.replace(/\s+/g, '');

/** How often each fill colour is set on a page (vector shapes drawn in a colour of their own show here). */
export async function fillColours(bytes: Uint8Array, pageNumber: number): Promise<Record<string, number>> {
  const doc = await openPdf(bytes);
  const ops = await (await doc.getPage(pageNumber)).getOperatorList();
  const out: Record<string, number> = {};
  ops.fnArray.forEach((fn: number, i: number) => {
    if (fn === OPS.setFillRGBColor) {
      const colour = String((ops.argsArray[i] as unknown[])[0]);
      out[colour] = (out[colour] ?? 0) + 1;
    }
  });
  await doc.destroy();
  return out;
}

/** A text run as drawn: its text, its left and right edge and its baseline (points, from the page's bottom left). */
export interface Run {
  text: string;
  x: number;
  right: number;
  y: number;
  fontName: string;
  /** the font size */
  size: number;
  /** set in the heading face (BIZ UDゴシック Bold) */
  bold: boolean;
}

/** Every text run of every page, with its position. */
export async function textRuns(bytes: Uint8Array): Promise<Run[][]> {
  const doc = await openPdf(bytes);
  const out: Run[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    const runs: Run[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue;
      const [size, , , , x, y] = item.transform as number[];
      const family = String((content.styles as Record<string, { fontFamily?: string }>)[item.fontName]?.fontFamily ?? '');
      runs.push({
        text: item.str,
        x: x!,
        right: x! + item.width,
        y: y!,
        fontName: item.fontName,
        size: Math.round(size! * 100) / 100,
        bold: /Gothic|sans/i.test(family) || /Gothic/.test(item.fontName),
      });
    }
    out.push(runs);
  }
  await doc.destroy();
  return out;
}

/** A text run drawn with character spacing: its text, its page and the spacing in ems of its size. */
export interface Spaced {
  page: number;
  text: string;
  /** the spacing between characters, in ems (negative where a line is pushed in) */
  em: number;
}

/** Every text run of a PDF drawn with a character spacing other than none, from its content streams. */
export async function characterSpacings(bytes: Uint8Array): Promise<Spaced[]> {
  const doc = await openPdf(bytes);
  const out: Spaced[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const ops = await (await doc.getPage(i)).getOperatorList();
    // the text state is part of the graphics state: q saves it, Q restores it
    let size = 0;
    let spacing = 0;
    const saved: [number, number][] = [];
    ops.fnArray.forEach((fn: number, k: number) => {
      const args = ops.argsArray[k] as unknown[];
      if (fn === OPS.save) saved.push([size, spacing]);
      else if (fn === OPS.restore) [size, spacing] = saved.pop() ?? [0, 0];
      else if (fn === OPS.setFont) size = Number(args[1]);
      else if (fn === OPS.setCharSpacing) spacing = Number(args[0]);
      else if ((fn === OPS.showText || fn === OPS.showSpacedText) && spacing !== 0 && size > 0) {
        const glyphs = (args[0] as ({ unicode?: string } | number)[]).filter((g) => typeof g === 'object' && g !== null);
        const text = glyphs.map((g) => (g as { unicode?: string }).unicode ?? '').join('');
        out.push({ page: i, text, em: spacing / size });
      }
    });
  }
  await doc.destroy();
  return out;
}
