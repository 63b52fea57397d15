// pdfmake document definition → PDF bytes. pdfmake and pdfkit are loaded here only.
// Every PDF is a PDF/A-3b file: pdfkit writes the PDF/A identification, the sRGB output intent and
// embeds every font; the document information is written again into XMP (escaped, with the
// modification date, which pdfkit leaves out), and the filing's data travel inside as associated
// files (AFRelationship Data), each with its SHA-256 in XMP under a declared extension schema.
import { createHash } from 'node:crypto';
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

/** A file carried inside the PDF as an associated file of the document. */
export interface EmbeddedFile {
  /** The file's name in the PDF, as in the bundle: filing.json */
  name: string;
  data: Buffer;
  mediaType: string;
  /** What a reader's attachment pane says of it. */
  description: string;
  /** The XMP property that records its SHA-256 (taisei:<key>), so that a replaced file shows. */
  key: string;
}

/** The namespace of taisei's own XMP properties, declared in the XMP as PDF/A requires. */
export const XMP_NAMESPACE = 'urn:taisei:xmp:1.0/';

const escapeXml = (text: unknown): string =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
const xmpDate = (date: Date): string => `${date.toISOString().split('.')[0]}Z`;

interface Info {
  Title?: string;
  Author?: string;
  Subject?: string;
  Keywords?: string;
  Creator?: string;
  Producer?: string;
  CreationDate?: Date;
  ModDate?: Date;
}

/** The XMP twin of the document information dictionary, as PDF/A asks: every entry, the same value. */
function xmpOfInfo(info: Info): string {
  const out: string[] = ['<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">'];
  if (info.CreationDate) out.push(`<xmp:CreateDate>${xmpDate(info.CreationDate)}</xmp:CreateDate>`);
  if (info.ModDate) out.push(`<xmp:ModifyDate>${xmpDate(info.ModDate)}</xmp:ModifyDate>`);
  if (info.Creator) out.push(`<xmp:CreatorTool>${escapeXml(info.Creator)}</xmp:CreatorTool>`);
  out.push('</rdf:Description>', '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">');
  out.push('<dc:format>application/pdf</dc:format>');
  if (info.Title) out.push(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(info.Title)}</rdf:li></rdf:Alt></dc:title>`);
  if (info.Author) out.push(`<dc:creator><rdf:Seq><rdf:li>${escapeXml(info.Author)}</rdf:li></rdf:Seq></dc:creator>`);
  if (info.Subject)
    out.push(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(info.Subject)}</rdf:li></rdf:Alt></dc:description>`);
  out.push('</rdf:Description>', '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">');
  if (info.Producer) out.push(`<pdf:Producer>${escapeXml(info.Producer)}</pdf:Producer>`);
  if (info.Keywords) out.push(`<pdf:Keywords>${escapeXml(info.Keywords)}</pdf:Keywords>`);
  out.push('</rdf:Description>');
  return out.join('\n');
}

/** taisei's XMP properties (the SHA-256 of each embedded file), with the extension schema PDF/A asks for. */
function xmpOfFiles(files: readonly EmbeddedFile[]): string {
  if (files.length === 0) return '';
  const property = (file: EmbeddedFile) =>
    '<rdf:li rdf:parseType="Resource">' +
    `<pdfaProperty:name>${file.key}Sha256</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType>` +
    `<pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>SHA-256 of the embedded ${escapeXml(file.name)}</pdfaProperty:description>` +
    '</rdf:li>';
  return [
    '<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">',
    '<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">',
    `<pdfaSchema:schema>taisei filing data</pdfaSchema:schema><pdfaSchema:namespaceURI>${XMP_NAMESPACE}</pdfaSchema:namespaceURI><pdfaSchema:prefix>taisei</pdfaSchema:prefix>`,
    `<pdfaSchema:property><rdf:Seq>${files.map(property).join('')}</rdf:Seq></pdfaSchema:property>`,
    '</rdf:li></rdf:Bag></pdfaExtension:schemas>',
    '</rdf:Description>',
    `<rdf:Description rdf:about="" xmlns:taisei="${XMP_NAMESPACE}">`,
    ...files.map((f) => `<taisei:${f.key}Sha256>${createHash('sha256').update(f.data).digest('hex')}</taisei:${f.key}Sha256>`),
    '</rdf:Description>',
  ].join('\n');
}

let xmpPatched = false;
/** pdfkit's XMP of the document information, replaced: escaped, complete, and with taisei's own properties. */
function completeXmp(): void {
  if (xmpPatched) return;
  xmpPatched = true;
  const PDFDocument = require('pdfmake/js/PDFDocument').default;
  PDFDocument.prototype._addInfo = function (this: { info: Info; taiseiXmp?: string; appendXML(xml: string): void }) {
    this.appendXML(xmpOfInfo(this.info));
    if (this.taiseiXmp) this.appendXML(this.taiseiXmp);
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
  /** The files the PDF carries (the filing's data), in this order. */
  embedded: readonly EmbeddedFile[] = [],
): Promise<Buffer> {
  deferUnusedModules();
  composedRunsAreWords();
  provideUnshaped(unshapedFamilies);
  completeXmp();
  const Printer = require('pdfmake/js/Printer').default;
  const URLResolver = require('pdfmake/js/URLResolver').default;
  const virtualfs = require('pdfmake/js/virtual-fs').default;
  for (const [path, data] of fontBytes) if (!virtualfs.existsSync(path)) virtualfs.writeFileSync(path, data);
  const fontFiles = new Set(Object.values(fonts).flatMap((face) => Object.values(face)));
  const resolver = new URLResolver(virtualfs);
  resolver.setUrlAccessPolicy(() => false); // never fetch anything
  const printer = new Printer(fonts, virtualfs, resolver, (path: string) => fontFiles.has(path));
  const pdf = await printer.createPdfKitDocument(
    { ...doc, version: '1.7', subset: 'PDF/A-3b' },
    {
      tableLayouts: { taisei: TABLE_LAYOUT, taiseiNotes: NOTES_LAYOUT, taiseiToc: TOC_LAYOUT },
      progressCallback: onProgress,
    },
  );
  // dated as the document is (its creation date is the submission date): the same inputs, the same bytes
  const dated = (pdf.info as Info).CreationDate;
  for (const file of embedded)
    pdf.file(file.data, {
      name: file.name,
      type: file.mediaType,
      description: file.description,
      relationship: 'Data',
      creationDate: dated,
      modifiedDate: dated,
    });
  pdf.taiseiXmp = xmpOfFiles(embedded);
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  await new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
    pdf.end();
  });
  return Buffer.concat(chunks);
}
