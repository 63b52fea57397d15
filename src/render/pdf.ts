// pdfmake document definition → PDF bytes. pdfmake and pdfkit are loaded here only.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const TABLE_LAYOUT = {
  // A table whose first row is its heading has no rule above that heading.
  hLineWidth: (i: number, node: { taiseiHeading?: boolean }) => (i === 0 && node.taiseiHeading ? 0 : 0.5),
  vLineWidth: () => 0.5,
  hLineColor: () => '#8a8a8a',
  vLineColor: () => '#8a8a8a',
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2.5,
  paddingBottom: () => 2.5,
};

// The notes under a matrix and the 目次: no rules; the 目次's widths are its text widths.
const NOTES_LAYOUT = { ...TABLE_LAYOUT, hLineWidth: () => 0, vLineWidth: () => 0, paddingTop: () => 1, paddingBottom: () => 1 };
const TOC_LAYOUT = { ...NOTES_LAYOUT, paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 3, paddingBottom: () => 3 };

export async function renderPdf(
  doc: Record<string, unknown>,
  fonts: Record<string, Record<string, string>>,
  onProgress?: (fraction: number) => void,
): Promise<Buffer> {
  const Printer = require('pdfmake/js/Printer').default;
  const URLResolver = require('pdfmake/js/URLResolver').default;
  const virtualfs = require('pdfmake/js/virtual-fs').default;
  const fontFiles = new Set(Object.values(fonts).flatMap((face) => Object.values(face)));
  const resolver = new URLResolver(virtualfs);
  resolver.setUrlAccessPolicy(() => false); // never fetch anything
  const printer = new Printer(fonts, virtualfs, resolver, (path: string) => fontFiles.has(path));
  const pdf = await printer.createPdfKitDocument(doc, {
    tableLayouts: { taisei: TABLE_LAYOUT, taiseiNotes: NOTES_LAYOUT, taiseiToc: TOC_LAYOUT },
    progressCallback: onProgress,
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  await new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
    pdf.end();
  });
  return Buffer.concat(chunks);
}
