// Reading generated PDFs in tests, with pdfjs-dist (no system tools).
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfContent {
  pages: string[];
  /** all page text, with whitespace removed (text runs are split at phrase boundaries) */
  compact: string;
  info: Record<string, unknown>;
  outline: string[];
  attachments: Record<string, unknown> | null;
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
  const outline = ((await doc.getOutline()) ?? []).map((o: { title: string }) => o.title);
  const attachments = await doc.getAttachments();
  await doc.destroy();
  return { pages, compact: pages.join('').replace(/\s+/g, ''), info: info as Record<string, unknown>, outline, attachments };
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
