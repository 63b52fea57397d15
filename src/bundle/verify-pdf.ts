// verify and ingest of a PDF/A-3 report: the filing it carries inside (filing.json, and
// assessment.json in the submission edition, or a progress report's progress.json) is read and checked as a bundle's would be — its
// schema version, the filing rules, the self-assessment — after checking that it is the data the PDF
// was built with: its SHA-256 as recorded in the PDF's XMP and its MD5 as the PDF's own file
// entry says. Where the bundle of the same build is at hand, the two must carry the same data.
// What a PDF alone cannot show is who made it: only the signed bundle can (README, verify).
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics.js';
import { InputOutputError } from '../errors.js';
import type { MessageKey } from '../messages/index.js';
import { readRegularFile, regularFile } from '../util/regular-file.js';
import { PdfUnreadable, readPdfFacts, strayFiles, type EmbeddedData, type PdfFacts } from './pdf-read.js';
import {
  MAX_BUNDLE_BYTES,
  checkFiling,
  checkPdfSignature,
  checkProgress,
  problemsOf,
  verifyBundle,
  type VerifiedBundle,
  type VerifyOptions,
} from './verify.js';

export interface VerifyPdfOptions extends VerifyOptions {
  /** The bundle of the same build, to compare the carried data with. */
  companion?: string;
}

/** Whether a file is a PDF, by its first bytes (a bundle is a zip). */
export function isPdfFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(1024);
    const n = readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, n).includes('%PDF-', 0, 'latin1');
  } finally {
    closeSync(fd);
  }
}

/** The XMP property taisei records a carried file's SHA-256 in. */
const recordedHash = (xmp: string | undefined, key: string): string | undefined =>
  xmp ? new RegExp(`<taisei:${key}Sha256>([0-9a-f]{64})</taisei:${key}Sha256>`).exec(xmp)?.[1] : undefined;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');

/** What the XMP says of the PDF/A part and conformance. */
function pdfaIdentification(xmp: string | undefined): string | undefined {
  if (!xmp) return undefined;
  const part = /<pdfaid:part>\s*(\d)\s*<\/pdfaid:part>|pdfaid:part="(\d)"/.exec(xmp);
  const conformance = /<pdfaid:conformance>\s*([ABU])\s*<\/pdfaid:conformance>|pdfaid:conformance="([ABU])"/.exec(xmp);
  if (!part) return undefined;
  return `PDF/A-${part[1] ?? part[2]}${(conformance?.[1] ?? conformance?.[2] ?? '').toLowerCase()}`;
}

export async function verifyPdf(path: string, options: VerifyPdfOptions): Promise<VerifiedBundle> {
  const { lang } = options;
  const result: VerifiedBundle = { path, diagnostics: [], files: new Map(), signed: false };
  const problem = problemsOf(result, lang);
  if (regularFile(path, 'bundle.notFound.hint').size > MAX_BUNDLE_BYTES) {
    problem('pdf/unreadable', 'pdf.unreadable.tooLarge', {});
    return result;
  }
  const bytes = readRegularFile(path, 'bundle.notFound.hint');
  let facts: PdfFacts;
  try {
    facts = readPdfFacts(bytes);
  } catch (error) {
    if (!(error instanceof PdfUnreadable)) throw error;
    problem('pdf/unreadable', `pdf.unreadable.${error.reason}` as MessageKey, {});
    return result;
  }
  result.files.set('report.pdf', bytes);
  const producer = facts.xmp && /<pdf:Producer>taisei ([^<\s]+)<\/pdf:Producer>/.exec(facts.xmp)?.[1];
  if (producer) result.generator = producer;

  // what can be told of PDF/A here (veraPDF checks the rest): identification, output intent, fonts
  const identification = pdfaIdentification(facts.xmp);
  if (identification !== 'PDF/A-3b' && identification !== 'PDF/A-3a' && identification !== 'PDF/A-3u')
    problem('pdf/not-pdfa', 'pdf.notPdfA', { found: identification ?? '—' }, undefined, 'warning');
  if (!facts.outputIntents.some((intent) => intent.subtype === 'GTS_PDFA1' && intent.profile))
    problem('pdf/not-pdfa', 'pdf.noOutputIntent', {}, undefined, 'warning');
  for (const font of facts.unembeddedFonts) problem('pdf/not-pdfa', 'pdf.fontNotEmbedded', { font }, undefined, 'warning');

  // what a reader shows (the /EmbeddedFiles name tree) and what /AF lists must be the files checked here
  const strays = strayFiles(facts);
  for (const stray of strays) problem(stray.code, stray.key, { entry: stray.name }, stray.name);
  if (strays.length > 0) return result;
  const filing = facts.embedded.find((f) => f.name === 'filing.json');
  if (!filing) {
    problem('pdf/no-filing', 'pdf.noFiling', {});
    return result;
  }
  const carried = [filing, ...facts.embedded.filter((f) => f.name === 'assessment.json' || f.name === 'progress.json')];
  for (const file of carried) if (!carriedIntact(file, facts.xmp, problem)) return result;
  for (const file of carried) result.files.set(file.name, file.data);
  if (options.companion) await compareWithBundle(result, options, problem, bytes, filing);
  // its own signature (PAdES), by a certificate that may speak for the filer the filing names
  const filer = filerNumber(filing.data);
  const signature = await checkPdfSignature(result, bytes, filer, options, problem, undefined);
  // a build writes one revision, and signing one more: any other was appended after (a reader shows it)
  const built = signature ? 2 : 1;
  if (facts.revisions !== undefined && facts.revisions > built)
    problem('pdf/updated', 'pdf.updated', { count: String(facts.revisions - built) });
  // otherwise a PDF is signed as the report.pdf of a signed bundle, checked with its key
  if (options.requireSignature && !result.signed) problem('pdf/unsigned', 'pdf.unsigned', {});

  // the filing itself, as a bundle's: the PDF does not carry the attachments, so none is looked for
  await checkFiling(result, filing.data, problem, lang, () => () => 'present', false);
  // a progress report's data, computed again from the filing it carries
  if (result.filing) checkProgress(result, problem);
  return result;
}

/** The 法人番号 a carried filing.json names ('' where it cannot be read: the filing's own check says why). */
function filerNumber(data: Buffer): string {
  try {
    const number = (JSON.parse(data.toString('utf8')) as { filing?: { filer?: { corporateNumber?: unknown } } }).filing?.filer
      ?.corporateNumber;
    return typeof number === 'string' ? number : '';
  } catch {
    return '';
  }
}

/** A carried file is the one the PDF was built with: its recorded SHA-256, its MD5, its relationship. */
function carriedIntact(file: EmbeddedData, xmp: string | undefined, problem: ReturnType<typeof problemsOf>): boolean {
  const key = file.name.replace(/\.json$/, '');
  const recorded = recordedHash(xmp, key);
  if (!recorded) {
    problem('pdf/embedded-unrecorded', 'pdf.embeddedUnrecorded', { entry: file.name }, file.name);
    return false;
  }
  if (recorded !== sha256(file.data) || (file.checksum !== undefined && file.checksum !== md5(file.data))) {
    problem('pdf/embedded-altered', 'pdf.embeddedAltered', { entry: file.name }, file.name);
    return false;
  }
  if (!file.associated || file.relationship !== 'Data')
    problem('pdf/not-pdfa', 'pdf.notAssociated', { entry: file.name, relationship: file.relationship ?? '—' }, file.name, 'warning');
  return true;
}

/** The bundle of the same build must carry the same data; if it holds this very PDF, say so. */
async function compareWithBundle(
  result: VerifiedBundle,
  options: VerifyPdfOptions,
  problem: ReturnType<typeof problemsOf>,
  pdf: Buffer,
  filing: EmbeddedData,
): Promise<void> {
  const bundlePath = options.companion!;
  // the filing's own findings (schema, rules) leave the bundle's integrity whole; one that cannot be
  // read (gone since it was found) is one not compared
  const sound = (d: Diagnostic) => d.severity !== 'error' || (d.file === `${bundlePath}:filing.json` && !d.code.startsWith('bundle/'));
  let companion: VerifiedBundle | undefined;
  try {
    companion = await verifyBundle(bundlePath, { ...options, requireSignature: false });
  } catch (error) {
    if (!(error instanceof InputOutputError)) throw error;
  }
  if (!companion?.manifest || !companion.diagnostics.every(sound)) {
    problem('pdf/bundle', 'pdf.bundleUnverified', { bundle: bundlePath }, undefined, 'warning');
    return;
  }
  const listed = (name: string) => companion.manifest!.files.find((f) => f.path === name)?.sha256;
  if (listed('filing.json') !== sha256(filing.data)) {
    problem('pdf/bundle-mismatch', 'pdf.bundleMismatch', { bundle: bundlePath }, 'filing.json');
    return;
  }
  const same = listed('report.pdf') === sha256(pdf);
  problem('pdf/bundle', same ? 'pdf.bundleSame' : 'pdf.bundleSameData', { bundle: bundlePath }, undefined, 'info');
  if (
    same &&
    companion.signed &&
    !companion.diagnostics.some((d) => d.code === 'bundle/signature' || d.code === 'bundle/signature-unchecked')
  )
    result.signed = true;
}

/** verify's and ingest's entry: a PDF by its first bytes or its name (.pdf), else a bundle. */
export async function verifyFile(path: string, options: VerifyPdfOptions): Promise<VerifiedBundle> {
  regularFile(path, 'bundle.notFound.hint');
  return isPdfFile(path) || /\.pdf$/i.test(path) ? verifyPdf(path, options) : verifyBundle(path, options);
}
