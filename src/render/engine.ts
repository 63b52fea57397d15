// The PDF engine: the one module that names pdfmake, pdfkit and fontkit. Everything else in render/
// builds a document definition (pdfmake's format: plain data) and hands it here with the font
// files and the data the PDF carries. All three libraries are pinned to exact versions in
// package.json, and tests/engine.test.ts holds what this module relies on them for (glyph widths,
// where lines end, the embedded files and the XMP), so an upgrade that changes any of it fails a
// test before it changes a filing.
//
// Only public APIs are used, but for two hooks that neither library offers; each is the smallest
// workaround for the API that is missing, named where it is made:
// - pdfmake joins adjacent runs that UAX #14 would not break between (bpampuch/pdfmake#975) and has
//   no way to say that runs are already broken into lines (composedRunsAreWords);
// - pdfkit writes the XMP of the document information itself, unescaped and without the
//   modification date, and has no way to replace it or add properties to it (foliojs/pdfkit#1564).
import { createRequire } from 'node:module';
import { isComposed } from './compose.js';

const require = createRequire(import.meta.url);

/** A face as the composer and the glyph check ask for it: advance widths in font units. */
export interface EngineFont {
  unitsPerEm: number;
  hasGlyph(codePoint: number): boolean;
  advance(codePoint: number): number;
}

interface Fontkit {
  create(data: Buffer): FontkitFont & { fonts?: FontkitFont[] };
}
interface FontkitFont {
  unitsPerEm: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
}

/** A font file opened (a collection, .ttc: its first face); undefined when it is none fontkit reads. */
export function openFont(data: Buffer): EngineFont | undefined {
  let font: FontkitFont | undefined;
  try {
    const file = (require('fontkit') as Fontkit).create(data);
    font = file.fonts ? file.fonts[0] : file;
  } catch {
    return undefined;
  }
  if (typeof font?.unitsPerEm !== 'number') return undefined;
  const face = font;
  return {
    unitsPerEm: face.unitsPerEm,
    hasGlyph: (cp) => face.hasGlyphForCodePoint(cp),
    advance: (cp) => face.glyphForCodePoint(cp).advanceWidth,
  };
}

/** A file carried inside the PDF as an associated file of the document (PDF/A-3, AFRelationship Data). */
export interface AssociatedFile {
  /** The file's name in the PDF. */
  name: string;
  data: Buffer;
  mediaType: string;
  /** What a reader's attachment pane says of it. */
  description: string;
}

/** The document information as pdfkit keeps it (doc.info), and as the XMP must repeat it. */
export interface DocumentInfo {
  Title?: string;
  Author?: string;
  Subject?: string;
  Keywords?: string;
  Creator?: string;
  Producer?: string;
  CreationDate?: Date;
  ModDate?: Date;
}

/** Table layouts by name: functions of the row or column index, as pdfmake asks for them. */
export type TableLayouts = Record<string, Record<string, (i: number, node: { taiseiHeading?: boolean }) => number | string>>;

export interface PdfJob {
  /** The document definition. */
  doc: Record<string, unknown>;
  /** The bytes of each font family the definition names. */
  fonts: Record<string, Buffer>;
  tableLayouts: TableLayouts;
  /** Carried inside, in this order; dated as the document is. */
  files: readonly AssociatedFile[];
  /** The XMP of the document, less its packet wrapper: given the document information. */
  xmp(info: DocumentInfo): string;
  onProgress?: (fraction: number) => void;
}

interface Pdfmake {
  virtualfs: { writeFileSync(name: string, data: Buffer): void };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setTableLayouts(layouts: TableLayouts): void;
  setProgressCallback(callback: ((fraction: number) => void) | undefined): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: Record<string, unknown>): { getStream(): Promise<PdfKitDocument> };
}
interface PdfKitDocument {
  info: DocumentInfo;
  file(data: Buffer, options: Record<string, unknown>): void;
  appendXML(xml: string): void;
  on(event: string, listener: (...args: never[]) => void): void;
  end(): void;
}

let breaksTaught = false;
/**
 * pdfmake's word splitter, taught that the runs the composer set (compose.ts: all noWrap, each
 * marked noNewLine to the end of its line and lineEnd there) are one word each, as marked. It
 * otherwise runs its line breaker (UAX #14) over the ends of every two runs and joins those it
 * would not break between (bpampuch/pdfmake#975): a line's last run to the next line's first, where
 * both are of one script (a date, an ID cut at a line's end), which would draw the two lines as
 * one. pdfmake has no option that turns this off for text that is already broken into lines; the
 * splitter's prototype is the one place to teach it. Runs the composer did not set (isComposed)
 * go through pdfmake's own splitter, so nothing else in the process sees a difference.
 */
function composedRunsAreWords(): void {
  if (breaksTaught) return;
  breaksTaught = true;
  const TextBreaker = require('pdfmake/js/TextBreaker').default;
  const getBreaks = TextBreaker.prototype.getBreaks;
  TextBreaker.prototype.getBreaks = function (texts: unknown, styleContextStack: unknown) {
    if (Array.isArray(texts) && texts.length > 1 && isComposed(texts[0])) return (texts as object[]).map((run) => ({ ...run }));
    return getBreaks.call(this, texts, styleContextStack);
  };
}

/** The name a font's bytes have in pdfmake's virtual file system while a render reads them. */
const fontName = (family: string) => `taisei-font-${family}`;

/** One PDF from a document definition, through pdfmake's public API; nothing is read from disk or network. */
export async function renderPdf(job: PdfJob): Promise<Buffer> {
  composedRunsAreWords();
  const pdfmake = require('pdfmake') as Pdfmake;
  // pdfmake's settings live on its one instance and are read when createPdf is called: each render
  // sets every one of them just before, so no render sees another's
  const descriptors: Record<string, Record<string, string>> = {};
  for (const [family, data] of Object.entries(job.fonts)) {
    const name = fontName(family);
    pdfmake.virtualfs.writeFileSync(name, data);
    // one face serves a family in every style (the heading face is its own bold)
    descriptors[family] = { normal: name, bold: name, italics: name, bolditalics: name };
  }
  pdfmake.setFonts(descriptors);
  pdfmake.setTableLayouts(job.tableLayouts);
  pdfmake.setProgressCallback(job.onProgress);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  const pdf = await pdfmake.createPdf({ ...job.doc, version: '1.7', subset: 'PDF/A-3b' }).getStream();
  // dated as the document is (its creation date is the submission date): the same inputs, the same bytes
  const dated = pdf.info.CreationDate;
  for (const file of job.files)
    pdf.file(file.data, {
      name: file.name,
      type: file.mediaType,
      description: file.description,
      relationship: 'Data',
      creationDate: dated,
      modifiedDate: dated,
    });
  // pdfkit's XMP of the document information is replaced on this document by the job's: pdfkit has
  // no public way to supply it (foliojs/pdfkit#1564), and its own is written by this one method
  (pdf as unknown as { _addInfo(): void })._addInfo = () => pdf.appendXML(job.xmp(pdf.info));
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  await new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
    pdf.end();
  });
  return Buffer.concat(chunks);
}
