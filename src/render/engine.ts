// The PDF engine: the one module that names pdfmake, pdfkit and fontkit. Everything else in render/
// builds a document definition (pdfmake's format: plain data) and hands it here with the font
// files and the data the PDF carries. All three libraries are pinned to exact versions in
// package.json, and tests/engine.test.ts holds what this module relies on them for (glyph widths,
// where lines end, the embedded files and the XMP), so an upgrade that changes any of it fails a
// test before it changes a filing.
//
// Only public APIs are used, but for five hooks that the libraries do not offer; each is the
// smallest workaround for the API that is missing, named where it is made:
// - pdfmake joins adjacent runs that UAX #14 would not break between (bpampuch/pdfmake#975) and has
//   no way to say that runs are already broken into lines (composedRunsAreWords);
// - pdfkit writes the XMP of the document information itself, unescaped and without the
//   modification date, and has no way to replace it or add properties to it (foliojs/pdfkit#1564);
// - pdfkit and fontkit load codecs a build never uses when they load, and have no way to leave
//   them out (foliojs/pdfkit#885, foliojs/pdfkit#810): deferUnusedModules;
// - pdfkit sets all text through fontkit's OpenType layout, which computes far more than a face
//   without kerning or substitutions needs (foliojs/fontkit#97), and has no option to set a face by
//   its character map alone: setByCharacterMap;
// - pdfmake repeats a table's header rows on each page exactly as first laid out, with no way to mark
//   them continued (bpampuch/pdfmake#531): markContinuedTables.
import { Module, createRequire } from 'node:module';
import { isComposed } from './compose.js';
import type { TableContinued } from './tables.js';

const require = createRequire(import.meta.url);

/**
 * Registers a module of pdfkit's, fontkit's or pdfmake's as loaded, standing in for it until first
 * used. WOFF2 decompression (brotli), encryption (@noble), PNG images and UAX #14 line breaking are
 * required when the libraries load, a twentieth of a build, and a build of the shipped faces uses
 * none of them (a filer's WOFF2 font loads brotli on its first use). pdfkit has no option to leave
 * them out (foliojs/pdfkit#885, foliojs/pdfkit#810), so the stand-in is put in require.cache, the
 * one place Node's require() looks first; a test holds that a build loads none of them.
 */
function defer(request: string, from: string): void {
  const req = createRequire(require.resolve(from));
  let path: string;
  try {
    path = req.resolve(request);
  } catch {
    return;
  }
  const cache = require.cache as Record<string, unknown>;
  if (cache[path]) return;
  let real: object | undefined;
  const load = (): object => {
    if (real === undefined) {
      delete cache[path];
      real = req(request) as object;
    }
    return real;
  };
  const proxy = new Proxy(function deferred() {}, {
    // interop helpers ask whether it is an ES module when it is required: that must not load it
    get: (_, key) => (key === '__esModule' ? undefined : Reflect.get(load(), key)),
    has: (_, key) => Reflect.has(load(), key),
    apply: (_, self, args) => Reflect.apply(load() as (...a: unknown[]) => unknown, self, args),
    construct: (_, args) => Reflect.construct(load() as new (...a: unknown[]) => object, args),
  });
  const module = new Module(path);
  module.filename = path;
  module.loaded = true;
  module.exports = proxy;
  // (a stand-in says so: tests check that a build never loads what it stands in for)
  (module as unknown as { taiseiDeferred: boolean }).taiseiDeferred = true;
  cache[path] = module;
}

let deferred = false;
/** Before the PDF libraries load: the modules they require and a build does not use, deferred (see defer). */
function deferUnusedModules(): void {
  if (deferred) return;
  deferred = true;
  for (const [request, from] of [
    ['brotli/decompress.js', 'fontkit'],
    ['@noble/ciphers/aes', 'pdfkit'],
    ['@noble/hashes/sha2', 'pdfkit'],
    ['@noble/hashes/utils', 'pdfkit'],
    ['png-js', 'pdfkit'],
    ['linebreak', 'pdfkit'],
    ['linebreak', 'pdfmake'],
  ] as const)
    defer(request, from);
}

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
  deferUnusedModules();
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
  /**
   * The families whose faces neither kern nor substitute in running text: set by the character map
   * alone, the same glyphs and widths without the OpenType shaper (tests/fonts.test.ts holds it).
   */
  unshaped?: ReadonlySet<string>;
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

/** The name a font's bytes have in pdfmake's virtual file system: one per distinct bytes, so renders at once never read each other's. */
const fontNames = new WeakMap<Buffer, string>();
let fontsNamed = 0;
const fontName = (data: Buffer, unshaped: boolean) => {
  let name = fontNames.get(data);
  if (!name) fontNames.set(data, (name = `taisei-font-${++fontsNamed}`));
  return unshaped ? `${name}-plain` : name;
};

interface Glyph {
  advanceWidth: number;
}
interface LaidOutFont {
  font: { glyphForCodePoint(cp: number): Glyph };
  scale: number;
  layoutRun(text: string, features?: unknown): { glyphs: Glyph[]; positions: Record<string, number>[]; advanceWidth: number };
}

/** A font pdfkit opened, taught to set text by the character map unless OpenType features are asked for. */
function byCharacterMap(font: LaidOutFont): void {
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

let providerTaught = false;
/**
 * pdfmake's font provider, taught to hand over the faces named "-plain" in its virtual file system
 * (unshaped families of a render, see fontName) set by the character map (byCharacterMap): pdfkit has
 * no option for it (foliojs/fontkit#97), and pdfmake opens its fonts inside the layout, where no
 * render can reach them. Only taisei's own font names are touched.
 */
function setByCharacterMap(): void {
  if (providerTaught) return;
  providerTaught = true;
  const PDFDocument = require('pdfmake/js/PDFDocument').default;
  const provide = PDFDocument.prototype.provideFont;
  PDFDocument.prototype.provideFont = function (this: { getFontFile(...a: unknown[]): unknown }, ...args: unknown[]) {
    const font = provide.apply(this, args) as LaidOutFont & { taiseiPlain?: boolean };
    const file = this.getFontFile(...args);
    if (!font.taiseiPlain && typeof file === 'string' && file.startsWith('taisei-font-') && file.endsWith('-plain')) {
      font.taiseiPlain = true;
      byCharacterMap(font);
    }
    return font;
  };
}

interface LaidInline {
  text: string;
  x: number;
  width: number;
  height: number;
  fontSize: number;
  [key: string]: unknown;
}
interface LaidLine {
  x: number;
  y: number;
  inlines: LaidInline[];
  inlineWidths: number;
  clone(): LaidLine;
  getHeight(): number;
}
type LaidItem = { type: 'line'; item: LaidLine } | { type: string; item: Record<string, unknown> };
interface Repeatable {
  items: LaidItem[];
  height: number;
  xOffset: number;
  insertedOnPages: unknown[];
}

let continuedTaught = false;
/**
 * pdfmake's tables, taught to mark the header rows they repeat on each page a table runs onto
 * (bpampuch/pdfmake#531: the copy is made once, as first laid out, and no option changes it): a
 * table whose node carries taiseiContinued (tables.ts) gets a copy whose heading's last line ends
 * in the mark (（続き）); without a heading, the node is told which pages the copy went onto, so
 * that their running header can name the table (header functions run after the layout). The first
 * page's header is the one laid out; other tables are untouched.
 */
function markContinuedTables(): void {
  if (continuedTaught) return;
  continuedTaught = true;
  const TableProcessor = require('pdfmake/js/TableProcessor').default;
  const TextInlines = require('pdfmake/js/TextInlines').default as new (x: null) => { widthOfText(t: string, i: object): number };
  const measure = new TextInlines(null);
  const endRow = TableProcessor.prototype.endRow;
  TableProcessor.prototype.endRow = function (
    this: { headerRows: number; headerRepeatable: Repeatable | null; tableNode: { taiseiContinued?: TableContinued } },
    rowIndex: number,
    writer: { repeatables: Repeatable[] },
    ...rest: unknown[]
  ) {
    const before = writer.repeatables.length;
    const result = endRow.call(this, rowIndex, writer, ...rest);
    const continued = this.tableNode.taiseiContinued;
    if (continued && this.headerRows > 0 && rowIndex === this.headerRows - 1) {
      if (this.headerRepeatable) this.headerRepeatable = marked(this.headerRepeatable, continued);
      else if (writer.repeatables.length > before) writer.repeatables[before] = marked(writer.repeatables[before]!, continued);
    }
    return result;
  };

  /** An inline like `like` (its face and colour) holding `text` at `fontSize`. */
  const inlineLike = (like: LaidInline, text: string, fontSize = like.fontSize): LaidInline => {
    const inline: LaidInline = {
      ...like,
      text,
      fontSize,
      height: (like.height * fontSize) / like.fontSize,
      characterSpacing: 0,
      x: 0,
      width: 0,
    };
    for (const key of [
      'lineEnd',
      'noNewLine',
      'background',
      'link',
      'linkToPage',
      'linkToDestination',
      '_pageNodeRef',
      'leadingCut',
      'trailingCut',
    ])
      delete inline[key];
    inline.width = measure.widthOfText(text, inline);
    return inline;
  };

  const marked = (rep: Repeatable, continued: TableContinued): Repeatable => {
    if (continued.mark === undefined) {
      // a caption: the running header says it, on the pages this copy is inserted on (pdfmake marks them)
      continued.repeatedOn = rep.insertedOnPages;
      return rep;
    }
    const lines = rep.items.filter((i): i is { type: 'line'; item: LaidLine } => i.type === 'line');
    const first = lines[0];
    if (!first || first.item.inlines.length === 0) return rep;
    // the heading row is laid out first: its lines are the leading ones at its x
    let last = first;
    for (const l of lines.slice(1)) {
      if (l.item.x !== first.item.x) break;
      last = l;
    }
    const line = last.item.clone();
    const end = line.inlines[line.inlines.length - 1]!;
    const mark = inlineLike(end, continued.mark);
    mark.x = end.x + end.width;
    line.inlines = [...line.inlines, mark];
    line.inlineWidths += mark.width;
    return { ...rep, items: rep.items.map((i) => (i === last ? { type: 'line', item: line } : i)), insertedOnPages: [] };
  };
}

/** One PDF from a document definition, through pdfmake's public API; nothing is read from disk or network. */
export async function renderPdf(job: PdfJob): Promise<Buffer> {
  deferUnusedModules();
  composedRunsAreWords();
  setByCharacterMap();
  markContinuedTables();
  const pdfmake = require('pdfmake') as Pdfmake;
  // pdfmake's settings live on its one instance and are read when createPdf is called: each render
  // sets every one of them just before, so no render sees another's
  const descriptors: Record<string, Record<string, string>> = {};
  for (const [family, data] of Object.entries(job.fonts)) {
    const name = fontName(data, job.unshaped?.has(family) ?? false);
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
