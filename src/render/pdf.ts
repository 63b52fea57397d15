// pdfmake document definition → PDF bytes. pdfmake and pdfkit are loaded here only.
import { createRequire } from 'node:module';
import { deferUnusedModules } from './deferred.js';

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

interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface EmbeddedFont {
  font: { glyphForCodePoint(cp: number): Glyph };
  scale: number;
  layoutRun(text: string, features?: unknown): { glyphs: Glyph[]; positions: Record<string, number>[]; advanceWidth: number };
  taiseiUnshaped?: boolean;
}

/**
 * Glyphs by the character map alone, for faces that neither kern nor substitute in running text
 * (the shipped BIZ UD faces: tests/fonts.test.ts holds fontkit's shaping of every example text equal
 * to this): the same glyphs and widths, without running the OpenType shaper over every line.
 */
function unshaped(font: EmbeddedFont): void {
  if (font.taiseiUnshaped) return;
  font.taiseiUnshaped = true;
  const shaped = font.layoutRun.bind(font);
  font.layoutRun = (text, features) => {
    if (features) return shaped(text, features);
    const glyphs: Glyph[] = [];
    const positions: Record<string, number>[] = [];
    let advanceWidth = 0;
    for (const ch of text) {
      const glyph = font.font.glyphForCodePoint(ch.codePointAt(0)!);
      const advance = glyph.advanceWidth * font.scale;
      glyphs.push(glyph);
      positions.push({ xAdvance: advance, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: advance });
      advanceWidth += advance;
    }
    return { glyphs, positions, advanceWidth };
  };
}

let breaksPatched = false;
/**
 * pdfmake's word splitter, taught that composed runs (all noWrap: compose.ts has broken the lines)
 * are one word each: it otherwise runs its line breaker (UAX #14) over every run to find the word
 * at each end, only to learn that a noWrap run may not break.
 */
function composedRunsAreWords(): void {
  if (breaksPatched) return;
  breaksPatched = true;
  const TextBreaker = require('pdfmake/js/TextBreaker').default;
  const getBreaks = TextBreaker.prototype.getBreaks;
  TextBreaker.prototype.getBreaks = function (texts: unknown, styleContextStack: unknown) {
    if (
      !Array.isArray(texts) ||
      texts.length < 2 ||
      !texts.every((t) => t !== null && typeof t === 'object' && t.noWrap === true && typeof t.text === 'string')
    )
      return getBreaks.call(this, texts, styleContextStack);
    return (texts as Record<string, unknown>[]).map((item, i) => {
      const word: Record<string, unknown> = { ...item };
      // runs of one line stay together: pdfmake never breaks between them
      if (!item.lineEnd && i < texts.length - 1) word.noNewLine = true;
      return word;
    });
  };
}

let patched = false;
/** pdfmake's font provider, taught to set the named families without shaping. */
function provideUnshaped(families: ReadonlySet<string>): void {
  const PDFDocument = require('pdfmake/js/PDFDocument').default;
  if (!patched) {
    patched = true;
    const provide = PDFDocument.prototype.provideFont;
    PDFDocument.prototype.provideFont = function (this: { taiseiUnshaped?: ReadonlySet<string> }, family: string, ...rest: unknown[]) {
      const font = provide.call(this, family, ...rest) as EmbeddedFont;
      if (this.taiseiUnshaped?.has(family)) unshaped(font);
      return font;
    };
  }
  PDFDocument.prototype.taiseiUnshaped = families;
}

export async function renderPdf(
  doc: Record<string, unknown>,
  fonts: Record<string, Record<string, string>>,
  onProgress?: (fraction: number) => void,
  unshapedFamilies: ReadonlySet<string> = new Set(),
  /** Font files already read, by path: pdfmake takes them from its in-memory file system. */
  fontBytes: ReadonlyMap<string, Buffer> = new Map(),
): Promise<Buffer> {
  deferUnusedModules();
  composedRunsAreWords();
  provideUnshaped(unshapedFamilies);
  const Printer = require('pdfmake/js/Printer').default;
  const URLResolver = require('pdfmake/js/URLResolver').default;
  const virtualfs = require('pdfmake/js/virtual-fs').default;
  for (const [path, data] of fontBytes) if (!virtualfs.existsSync(path)) virtualfs.writeFileSync(path, data);
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
