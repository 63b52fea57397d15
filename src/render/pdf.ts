// Document definition → PDF bytes: what taisei asks of the PDF engine (engine.ts) beyond the
// definition itself. Every PDF is a PDF/A-3b file: the engine writes the PDF/A identification, the
// sRGB output intent and embeds every font; the document information is written again into XMP
// (escaped, with the modification date), and the filing's data travel inside as associated files
// (AFRelationship Data), each with its SHA-256 in XMP under a declared extension schema.
import { createHash } from 'node:crypto';
import * as engine from './engine.js';

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

/** A file carried inside the PDF as an associated file of the document. */
export interface EmbeddedFile extends engine.AssociatedFile {
  /** The XMP property that records its SHA-256 (taisei:<key>), so that a replaced file shows. */
  key: string;
}

/** The namespace of taisei's own XMP properties, declared in the XMP as PDF/A requires. */
export const XMP_NAMESPACE = 'urn:taisei:xmp:1.0/';

const escapeXml = (text: unknown): string =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
const xmpDate = (date: Date): string => `${date.toISOString().split('.')[0]}Z`;

/** The XMP twin of the document information dictionary, as PDF/A asks: every entry, the same value. */
function xmpOfInfo(info: engine.DocumentInfo): string {
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

/** A document definition → PDF bytes, with the filing's data inside and its hashes in the XMP. */
export async function renderPdf(
  doc: Record<string, unknown>,
  /** The font families the definition names, and which need no shaping (fonts.ts). */
  fonts: { bytes: Record<string, Buffer>; unshaped: ReadonlySet<string> },
  onProgress?: (fraction: number) => void,
  /** The files the PDF carries (the filing's data), in this order. */
  embedded: readonly EmbeddedFile[] = [],
): Promise<Buffer> {
  const files = xmpOfFiles(embedded);
  return engine.renderPdf({
    doc,
    fonts: fonts.bytes,
    unshaped: fonts.unshaped,
    tableLayouts: { taisei: TABLE_LAYOUT, taiseiNotes: NOTES_LAYOUT, taiseiToc: TOC_LAYOUT },
    files: embedded,
    xmp: (info) => (files ? `${xmpOfInfo(info)}\n${files}` : xmpOfInfo(info)),
    ...(onProgress ? { onProgress } : {}),
  });
}
