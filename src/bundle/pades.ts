// A PAdES signature (ETSI.CAdES.detached) on a PDF taisei built, added as one incremental update,
// as a signing application adds it: a signature dictionary, an invisible signature field on the
// first page (zero-sized, printable and locked, so the PDF stays PDF/A-3), and the catalog's
// AcroForm with SigFlags 3. The signature's byte range covers the whole file but its own contents.
// Reading one back (verify) finds the last revision's signature and what it covers.
import { signDetached, verifyDetached, type CmsCheck, type Signer } from './x509.js';

/** Room for the CMS (hex digits): a 2048- or 4096-bit signature with a chain of a few certificates. */
const CONTENTS_HEX = 32_768;
const BYTE_RANGE_WIDTH = 10;

export class UnsignablePdf extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UnsignablePdf';
  }
}

function tail(pdf: Buffer): { startxref: number; trailer: string } {
  const end = pdf.subarray(Math.max(0, pdf.length - 2048)).toString('latin1');
  const at = end.lastIndexOf('startxref');
  const trailerAt = end.lastIndexOf('trailer');
  if (at < 0 || trailerAt < 0) throw new UnsignablePdf('no classic trailer');
  return { startxref: Number(/startxref\s+(\d+)/.exec(end.slice(at))?.[1]), trailer: end.slice(trailerAt, at) };
}

/** Each object's offset, from the classic cross-reference table pdfkit writes. */
function offsets(pdf: Buffer, xref: number): Map<number, number> {
  const text = pdf.subarray(xref, xref + 64 + 20 * 200_000).toString('latin1');
  const map = new Map<number, number>();
  const lines = text.split('\n');
  if (lines[0]!.trim() !== 'xref') throw new UnsignablePdf('no classic xref');
  let i = 1;
  while (i < lines.length && /^\d+ \d+\s*$/.test(lines[i]!)) {
    const [first, count] = lines[i]!.trim().split(' ').map(Number) as [number, number];
    for (let k = 0; k < count; k++) {
      const entry = lines[i + 1 + k]!;
      if (entry.slice(17, 18) === 'n') map.set(first + k, Number(entry.slice(0, 10)));
    }
    i += 1 + count;
  }
  return map;
}

function objectText(pdf: Buffer, at: Map<number, number>, num: number): string {
  const offset = at.get(num);
  if (offset === undefined) throw new UnsignablePdf(`object ${num} missing`);
  const end = pdf.indexOf('endobj', offset, 'latin1');
  const text = pdf.subarray(offset, end).toString('latin1');
  const body = text.slice(text.indexOf('obj') + 3).trim();
  if (!body.startsWith('<<') || !body.endsWith('>>')) throw new UnsignablePdf(`object ${num} is not a dictionary`);
  return body;
}

const ref = (text: string, key: string) => Number(new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(text)?.[1] ?? NaN);

/** A text string as PDF writes one that is not ASCII: UTF-16BE with its byte order mark, in hex. */
function textString(value: string): string {
  const units = Buffer.from(`\ufeff${value}`, 'utf16le').swap16();
  return `<${units.toString('hex').toUpperCase()}>`;
}

function pdfDate(date: Date): string {
  const d = date.toISOString();
  return `(D:${d.slice(0, 4)}${d.slice(5, 7)}${d.slice(8, 10)}${d.slice(11, 13)}${d.slice(14, 16)}${d.slice(17, 19)}Z)`;
}

export interface PadesOptions {
  signer: Signer;
  /** when the signature is made (its /M); the same time and key give the same bytes */
  signingTime: Date;
  /** who signs, as readers show it (the certificate's holder) */
  name: string;
  reason?: string;
}

/** The PDF with a PAdES baseline signature over the whole of it. */
export function signPdf(pdf: Buffer, options: PadesOptions): Buffer {
  const { startxref, trailer } = tail(pdf);
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1]);
  const root = ref(trailer, 'Root');
  const info = ref(trailer, 'Info');
  const id = /\/ID\s*(\[[^\]]*\])/.exec(trailer)?.[1];
  if (!Number.isInteger(size) || !Number.isInteger(root)) throw new UnsignablePdf('no /Size or /Root');
  const at = offsets(pdf, startxref);
  const catalog = objectText(pdf, at, root);
  if (/\/AcroForm/.test(catalog)) throw new UnsignablePdf('already has a form');
  const pages = objectText(pdf, at, ref(catalog, 'Pages'));
  const firstPage = Number(/\/Kids\s*\[\s*(\d+)\s+0\s+R/.exec(pages)?.[1]);
  const page = objectText(pdf, at, firstPage);
  const sig = size;
  const widget = size + 1;
  const withField = (dict: string, key: string, value: string) => `${dict.slice(0, -2).trimEnd()}\n/${key} ${value}\n>>`;
  const newCatalog = withField(catalog, 'AcroForm', `<< /Fields [${widget} 0 R] /SigFlags 3 >>`);
  const newPage = /\/Annots\s*\[/.test(page)
    ? page.replace(/\/Annots\s*\[/, `/Annots [${widget} 0 R `)
    : withField(page, 'Annots', `[${widget} 0 R]`);
  const placeholderRange = `/ByteRange [0 ${'*'.repeat(BYTE_RANGE_WIDTH)} ${'*'.repeat(BYTE_RANGE_WIDTH)} ${'*'.repeat(BYTE_RANGE_WIDTH)}]`;
  const sigDict =
    `<<\n/Type /Sig\n/Filter /Adobe.PPKLite\n/SubFilter /ETSI.CAdES.detached\n${placeholderRange}\n` +
    `/Contents <${'0'.repeat(CONTENTS_HEX)}>\n/M ${pdfDate(options.signingTime)}\n/Name ${textString(options.name)}\n` +
    (options.reason ? `/Reason ${textString(options.reason)}\n` : '') +
    `>>`;
  const widgetDict = `<<\n/Type /Annot\n/Subtype /Widget\n/FT /Sig\n/T (Signature1)\n/V ${sig} 0 R\n/P ${firstPage} 0 R\n/Rect [0 0 0 0]\n/F 132\n>>`;
  const objects: [number, string][] = [
    [root, newCatalog],
    [firstPage, newPage],
    [sig, sigDict],
    [widget, widgetDict],
  ];
  const parts: string[] = [pdf[pdf.length - 1] === 0x0a ? '' : '\n'];
  let offset = pdf.length + parts[0]!.length;
  const written = new Map<number, number>();
  for (const [num, body] of objects) {
    written.set(num, offset);
    const text = `${num} 0 obj\n${body}\nendobj\n`;
    parts.push(text);
    offset += Buffer.byteLength(text, 'latin1');
  }
  const xrefAt = offset;
  const nums = [...written.keys()].sort((a, b) => a - b);
  let xref = 'xref\n';
  for (let i = 0; i < nums.length;) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j++;
    xref += `${nums[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) xref += `${String(written.get(nums[k]!)).padStart(10, '0')} 00000 n \n`;
    i = j + 1;
  }
  xref += `trailer\n<<\n/Size ${size + 2}\n/Root ${root} 0 R\n${Number.isInteger(info) ? `/Info ${info} 0 R\n` : ''}${id ? `/ID ${id}\n` : ''}/Prev ${startxref}\n>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  parts.push(xref);
  const out = Buffer.concat([pdf, Buffer.from(parts.join(''), 'latin1')]);
  // the byte range: everything but the hex of /Contents (its angle brackets included in the gap)
  const contentsAt = out.indexOf(`/Contents <${'0'.repeat(16)}`, pdf.length, 'latin1') + '/Contents '.length;
  const contentsEnd = contentsAt + CONTENTS_HEX + 2;
  const range = [0, contentsAt, contentsEnd, out.length - contentsEnd];
  const rangeText = `/ByteRange [0 ${range
    .slice(1)
    .map((n) => String(n).padEnd(BYTE_RANGE_WIDTH, ' '))
    .join(' ')}]`;
  const rangeAt = out.indexOf(placeholderRange, pdf.length, 'latin1');
  out.write(rangeText.padEnd(placeholderRange.length, ' '), rangeAt, 'latin1');
  const covered = Buffer.concat([out.subarray(0, contentsAt), out.subarray(contentsEnd)]);
  const cms = signDetached(covered, options.signer, options.signingTime, true);
  const hex = cms.toString('hex').toUpperCase();
  if (hex.length > CONTENTS_HEX) throw new UnsignablePdf('signature too large');
  out.write(hex, contentsAt + 1, 'latin1');
  return out;
}

/** A PDF's signature, as verify reads it. */
export interface PdfSignature {
  check: CmsCheck;
  /** the byte range covers the whole file but the signature itself */
  coversWhole: boolean;
  /** what /M says */
  signingTime?: Date;
  /** where what the signature covers ends */
  coveredEnd: number;
}

/** The last signature of a PDF (its last /ByteRange), or undefined where it has none. */
export function readPdfSignature(pdf: Buffer): PdfSignature | undefined {
  const at = pdf.lastIndexOf('/ByteRange', pdf.length, 'latin1');
  if (at < 0) return undefined;
  const dictStart = pdf.lastIndexOf('<<', at, 'latin1');
  const text = pdf.subarray(dictStart, Math.min(pdf.length, at + CONTENTS_HEX + 4096)).toString('latin1');
  const range = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text);
  if (!range) return undefined;
  const [a, b, c, d] = range.slice(1).map(Number) as [number, number, number, number];
  if (a !== 0 || b <= 0 || c < b || c + d > pdf.length)
    return { check: { valid: false, problem: 'malformed', chain: [] }, coversWhole: false, coveredEnd: 0 };
  const contents = pdf.subarray(b, c).toString('latin1');
  const hex = /^<([0-9A-Fa-f]*)>$/.exec(contents)?.[1];
  if (hex === undefined) return { check: { valid: false, problem: 'malformed', chain: [] }, coversWhole: false, coveredEnd: 0 };
  // the DER inside the zero padding: its own length says where it ends
  const der = Buffer.from(hex, 'hex');
  const cms = der.subarray(0, derLength(der));
  const covered = Buffer.concat([pdf.subarray(0, b), pdf.subarray(c, c + d)]);
  const m = /\/M\s*\(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/.exec(text);
  const signingTime = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : undefined;
  return {
    check: verifyDetached(cms, covered),
    coversWhole: c + d === pdf.length,
    coveredEnd: c + d,
    ...(signingTime ? { signingTime } : {}),
  };
}

function derLength(der: Buffer): number {
  if (der.length < 2) return der.length;
  const first = der[1]!;
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  let length = 0;
  for (let i = 0; i < n; i++) length = length * 256 + der[2 + i]!;
  return Math.min(der.length, 2 + n + length);
}
