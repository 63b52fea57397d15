// verify: a bundle is refused before it is read if the archive is unsafe; then every hash is
// checked against the manifest, the manifest against its schema, filing.json against the schema
// version it declares, the filing rules are run again, and the signature is checked when present or
// required. Every problem names the file inside the bundle.
import { createHash, type KeyObject } from 'node:crypto';
import type { Diagnostic } from '../diagnostics.js';
import type { Filing } from '../model/generated/filing.js';
import * as compiled from '../model/generated/validators.js';
import { SCHEMA_VERSIONS } from '../model/generated/schemas.js';
import { hasKey, t, type Lang, type MessageArgs, type MessageKey } from '../messages/index.js';
import { getProfile } from '../profiles/index.js';
import { attachmentWithheld } from '../model/withheld.js';
import { runRules } from '../rules/engine.js';
import { toPointer } from '../util/pointer.js';
import { nestsDeeperThan } from '../util/depth.js';
import { readRegularFile, regularFile } from '../util/regular-file.js';
import { wordsOf } from '../model/wording.js';
import { checkSchema } from '../validate/schema.js';
import type { VerdictSettings } from '../model/config.js';
import { keyId, verifyBytes, type Signature } from './keys.js';
import { BUNDLE_FORMAT, FILING_FORMAT, attachmentEntry, canonicalBytes, type Manifest } from './write.js';
import { ASSESSMENT_METHOD, assessmentSummary } from '../assessment/summary.js';
import { isDate } from '../model/formats.js';
import { PROGRESS_FORMAT, PROGRESS_METHOD, progressOf, type Period, type ProgressData } from '../assessment/progress.js';
import { PdfUnreadable, readPdfFacts, strayFiles, type EmbeddedData } from './pdf-read.js';
import { DEFAULT_LIMITS, MAX_BUNDLE_BYTES, readDirectory, readEntry, UnsafeZip, type ZipLimits } from './zip.js';
import type { TrustRegister } from './x509.js';

export interface VerifyOptions {
  lang: Lang;
  keys?: KeyObject[];
  requireSignature?: boolean;
  limits?: ZipLimits;
  /** the certificates that speak for which filer (trusted issuers, pinned certificates) and the CRLs */
  trust?: TrustRegister;
}

/** Who signed a filing with a certificate, as verify proved it. */
export interface SignerProof {
  subject: string;
  issuer: string;
  fingerprint: string;
  corporateNumber?: string;
  notBefore: string;
  notAfter: string;
  /** when it was signed: the PDF's /M, or the manifest signature's signingTime */
  signingTime?: string;
  /** how the trust register vouches for it; undefined where no register was given */
  trusted?: 'pinned' | 'issuer';
}

export interface VerifiedBundle {
  path: string;
  diagnostics: Diagnostic[];
  manifest?: Manifest;
  /** filing.json: { format, schemaVersion, profile, edition, filing, settings } */
  filing?: {
    format: string;
    schemaVersion: number;
    profile: string;
    edition: string;
    filing: Record<string, unknown>;
    /** what of the filer's configuration changes a verdict, applied as build applied it */
    settings?: VerdictSettings;
  };
  files: Map<string, Buffer>;
  signed: boolean;
  /** the certificate that signed it (a PAdES or CMS signature), once checked */
  signer?: SignerProof;
  /** signed the former way: an Ed25519 key (manifest.sig), not a certificate */
  legacySignature?: boolean;
  /** The taisei version that wrote it, where it says. */
  generator?: string;
  /** a progress report's progress.json, once computed again from filing.json and found the same */
  progress?: ProgressData;
}

export { MAX_BUNDLE_BYTES };

/** A problem of a file being verified (or of an entry inside it), with its hint, as a diagnostic. */
export function problemsOf(result: VerifiedBundle, lang: Lang): Problem {
  return (code, key, args, entry, severity = 'error') => {
    result.diagnostics.push({
      code,
      severity,
      file: entry ? `${result.path}:${entry}` : result.path,
      message: t(lang, key, args),
      // a note says what it says: only a problem has a fix
      ...(hasKey(`${key}.hint`) ? { hint: t(lang, `${key}.hint` as MessageKey, args) } : {}),
    });
  };
}
type X509 = typeof import('./x509.js');
let loadedX509: X509 | undefined;
/** The X.509 module, once a certificate signature has made verify import it. */
function x509(): X509 {
  if (!loadedX509) throw new Error('x509 not loaded');
  return loadedX509;
}
async function loadX509(): Promise<X509> {
  loadedX509 ??= await import('./x509.js');
  return loadedX509;
}

/** Whether this taisei knows a schema version (every released one is kept). */
const knownVersion = (version: unknown): boolean => (SCHEMA_VERSIONS as readonly unknown[]).includes(version);

const LAYOUT =
  /^(manifest\.json|manifest\.sig|manifest\.p7s|filing\.json|diff\.json|assessment\.json|progress\.json|report\.pdf|attachments\/.+)$/;

export async function verifyBundle(path: string, options: VerifyOptions): Promise<VerifiedBundle> {
  const { lang } = options;
  const result: VerifiedBundle = { path, diagnostics: [], files: new Map(), signed: false };
  const problem = problemsOf(result, lang);
  if (regularFile(path, 'bundle.notFound.hint').size > MAX_BUNDLE_BYTES) {
    problem('bundle/unsafe', 'bundle.unsafe.tooLarge', {});
    return result;
  }
  const zip = readRegularFile(path, 'bundle.notFound.hint');
  let entries;
  try {
    entries = readDirectory(zip, options.limits ?? DEFAULT_LIMITS);
  } catch (error) {
    if (!(error instanceof UnsafeZip)) throw error;
    problem('bundle/unsafe', `bundle.unsafe.${error.reason}` as MessageKey, { entry: error.entry ?? '' }, error.entry);
    return result;
  }
  const unexpected = entries.filter((entry) => !LAYOUT.test(entry.name));
  if (unexpected.length > 0) {
    // a newer taisei's bundle may hold files this one has never heard of: say where it comes from
    const newer = newerSchemaVersion(
      zip,
      entries.find((e) => e.name === 'manifest.json'),
    );
    if (newer !== undefined)
      problem(
        'bundle/schema-version',
        'bundle.schemaVersion',
        { version: String(newer), known: SCHEMA_VERSIONS.join(', ') },
        'manifest.json',
      );
    else for (const entry of unexpected) problem('bundle/unexpected-entry', 'bundle.unexpectedEntry', { entry: entry.name }, entry.name);
    return result;
  }
  try {
    for (const entry of entries) result.files.set(entry.name, readEntry(zip, entry));
  } catch (error) {
    if (!(error instanceof UnsafeZip)) throw error;
    problem('bundle/unsafe', `bundle.unsafe.${error.reason}` as MessageKey, { entry: error.entry ?? '' }, error.entry);
    return result;
  }

  // The manifest, its schema and its signature.
  const manifestBytes = result.files.get('manifest.json');
  if (!manifestBytes) {
    problem('bundle/missing-file', 'bundle.missingFile', { entry: 'manifest.json' }, 'manifest.json');
    return result;
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(manifestBytes.toString('utf8')) as Manifest;
  } catch {
    problem('bundle/manifest', 'bundle.notJson', { entry: 'manifest.json' }, 'manifest.json');
    return result;
  }
  // A bundle of a schema version this taisei does not know comes from a newer taisei, whose manifest
  // may list files this one has never heard of: say that, rather than that the manifest is wrong.
  const declared = (manifest as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (manifest?.format === BUNDLE_FORMAT && typeof declared === 'number' && !knownVersion(declared)) {
    problem(
      'bundle/schema-version',
      'bundle.schemaVersion',
      { version: String(declared), known: SCHEMA_VERSIONS.join(', ') },
      'manifest.json',
    );
    return result;
  }
  const validateManifest = (compiled as unknown as Record<string, (d: unknown) => boolean>).manifest!;
  if (!validateManifest(manifest) || manifest.format !== BUNDLE_FORMAT) {
    problem('bundle/manifest', 'bundle.manifestSchema', {}, 'manifest.json');
    return result;
  }
  result.manifest = manifest;
  result.generator = manifest.generator.version;
  const certificateSignature = result.files.get('manifest.p7s');
  const signatureBytes = result.files.get('manifest.sig');
  if (certificateSignature) {
    const { verifyDetached } = await loadX509();
    const check = verifyDetached(certificateSignature, manifestBytes);
    if (!check.valid) problem('bundle/signature', `signature.${check.problem ?? 'signature'}` as MessageKey, {}, 'manifest.p7s');
    else {
      result.signed = true;
      proveSigner(result, check.signer!, check.chain, manifest.filer.corporateNumber, check.signingTime, options, problem, 'manifest.p7s');
    }
  } else if (signatureBytes) {
    result.signed = true;
    result.legacySignature = true;
    let signature: Signature | undefined;
    try {
      signature = JSON.parse(signatureBytes.toString('utf8')) as Signature;
    } catch {
      signature = undefined;
    }
    if (!signature || signature.algorithm !== 'Ed25519' || typeof signature.signature !== 'string') {
      problem('bundle/signature', 'bundle.signatureMalformed', {}, 'manifest.sig');
    } else if (options.keys?.length) {
      const key = options.keys.find((k) => keyId(k) === signature!.keyId);
      if (!key) problem('bundle/signature', 'bundle.signatureUnknownKey', { keyId: signature.keyId.slice(0, 16) }, 'manifest.sig');
      else if (!verifyBytes(manifestBytes, signature, key)) problem('bundle/signature', 'bundle.signatureInvalid', {}, 'manifest.sig');
      else problem('bundle/signature-legacy', 'signature.legacy', {}, 'manifest.sig', 'info');
    } else if (options.requireSignature) {
      problem('bundle/signature', 'bundle.signatureNoKey', {}, 'manifest.sig');
    } else {
      problem('bundle/signature-unchecked', 'bundle.signatureUnchecked', {}, 'manifest.sig', 'info');
    }
  } else if (options.requireSignature) {
    problem('bundle/unsigned', 'bundle.unsigned', {});
  }

  // Every file against the manifest, and nothing beside it.
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const file of manifest.files) {
    const bytes = result.files.get(file.path);
    if (!bytes) problem('bundle/missing-file', 'bundle.missingFile', { entry: file.path }, file.path);
    else if (bytes.length !== file.size || createHash('sha256').update(bytes).digest('hex') !== file.sha256)
      problem('bundle/hash-mismatch', 'bundle.hashMismatch', { entry: file.path }, file.path);
  }
  for (const name of result.files.keys()) {
    if (name !== 'manifest.json' && name !== 'manifest.sig' && name !== 'manifest.p7s' && !listed.has(name))
      problem('bundle/unlisted-file', 'bundle.unlistedFile', { entry: name }, name);
  }
  if (result.diagnostics.some((d) => d.severity === 'error')) return result;
  // the PDF inside stays the one the certificate signed: its own signature, by the same certificate
  const report = result.files.get('report.pdf');
  if (certificateSignature && report)
    await checkPdfSignature(result, report, manifest.filer.corporateNumber, options, problem, 'report.pdf');
  if (result.diagnostics.some((d) => d.severity === 'error')) return result;

  // filing.json against the schema version it declares, and the rules.
  const filingBytes = result.files.get('filing.json');
  if (!filingBytes) {
    problem('bundle/missing-file', 'bundle.missingFile', { entry: 'filing.json' }, 'filing.json');
    return result;
  }
  const manifestVersion = manifest.formatVersion ?? 1;
  // a progress report carries no attachments (the annual filing did) and no self-assessment
  if (manifest.document === 'progress') {
    await checkFiling(result, filingBytes, problem, lang, () => () => 'present', false);
    if (result.filing) checkProgress(result, problem, manifest);
    if (result.filing) checkReportData(result, problem);
    return result;
  }
  if (result.files.has('progress.json')) problem('bundle/progress', 'bundle.progressUndeclared', {}, 'progress.json');
  await checkFiling(result, filingBytes, problem, lang, (filing) => (file) => {
    if (filing.edition === 'public') {
      const entry = ((filing.filing.attachments as { file: string; kind?: string; withheld?: boolean }[] | undefined) ?? []).find(
        (a) => a.file === file,
      );
      if (entry && attachmentWithheld(entry)) return 'present';
    }
    return result.files.has(attachmentEntry(file, manifestVersion)) ? 'present' : 'missing';
  });
  if (result.filing) checkReportData(result, problem);
  return result;
}

export type Problem = (code: string, key: MessageKey, args: MessageArgs, entry?: string, severity?: Diagnostic['severity']) => void;
type Filed = NonNullable<VerifiedBundle['filing']>;
type AttachmentState = 'present' | 'missing' | 'outside' | 'notFile';

/**
 * A PDF's PAdES signature, where it has one: intact, covering the whole file, and by a certificate
 * that may speak for the filer. Returns whether the PDF is signed.
 */
export async function checkPdfSignature(
  result: VerifiedBundle,
  pdf: Buffer,
  corporateNumber: string,
  options: Pick<VerifyOptions, 'trust' | 'requireSignature'>,
  problem: Problem,
  entry: string | undefined,
): Promise<boolean> {
  if (pdf.lastIndexOf('/ByteRange', pdf.length, 'latin1') < 0) return false;
  await loadX509();
  const { readPdfSignature } = await import('./pades.js');
  const signature = readPdfSignature(pdf);
  if (!signature) return false;
  if (!signature.check.valid) {
    problem('pdf/signature', `signature.${signature.check.problem ?? 'signature'}` as MessageKey, {}, entry);
    return true;
  }
  if (!signature.coversWhole) {
    const covered = signature.coveredEnd;
    problem('pdf/signature-partial', 'signature.partial', { covered: String(covered), size: String(pdf.length) }, entry);
    return true;
  }
  result.signed = true;
  proveSigner(result, signature.check.signer!, signature.check.chain, corporateNumber, signature.signingTime, options, problem, entry);
  return true;
}

/**
 * Who a certificate signature names, and whether it may speak for the filing's filer: the 法人番号
 * in its subject must be the filing's, always; with a trust register, it must be pinned for that
 * number or issued by a trusted issuer, valid at the signing time and not revoked.
 */
function proveSigner(
  result: VerifiedBundle,
  signer: Buffer,
  chain: readonly Buffer[],
  corporateNumber: string,
  signingTime: Date | undefined,
  options: Pick<VerifyOptions, 'trust' | 'requireSignature'>,
  problem: Problem,
  entry: string | undefined,
): void {
  const info = x509().certificateInfo(signer);
  const proof: SignerProof = {
    subject: info.subject,
    issuer: info.issuer,
    fingerprint: info.fingerprint,
    notBefore: info.notBefore,
    notAfter: info.notAfter,
    ...(info.corporateNumber ? { corporateNumber: info.corporateNumber } : {}),
    ...(signingTime ? { signingTime: signingTime.toISOString() } : {}),
  };
  // a certificate that names another company never speaks for this one, register or not
  if (info.corporateNumber && info.corporateNumber !== corporateNumber) {
    problem('bundle/signature-filer', 'signature.otherFiler', { signer: info.corporateNumber, filer: corporateNumber }, entry);
    return;
  }
  if (options.trust) {
    const verdict = x509().trustOf(signer, chain, corporateNumber, signingTime ?? new Date(0), options.trust);
    if (!verdict.trusted) {
      // a certificate pinned for other filers only: say for which
      const key = verdict.reason === 'otherFiler' ? 'signature.pinnedElsewhere' : `signature.${verdict.reason}`;
      problem('bundle/signature-untrusted', key as MessageKey, { detail: verdict.detail ?? '', filer: corporateNumber }, entry);
      return;
    }
    proof.trusted = verdict.via;
  } else if (options.requireSignature) problem('bundle/signature', 'signature.noTrust', {}, entry);
  else problem('bundle/signature-unchecked', 'signature.unchecked', { subject: info.subject }, entry, 'info');
  if (result.signer && result.signer.fingerprint !== proof.fingerprint) {
    problem('bundle/signature', 'signature.twoSigners', {}, entry);
    return;
  }
  result.signer = {
    ...result.signer,
    ...proof,
    ...(result.signer?.signingTime && !proof.signingTime ? { signingTime: result.signer.signingTime } : {}),
  };
}

/**
 * filing.json (of a bundle, or carried in a PDF) against the schema version it declares, the
 * manifest's identity when there is one, the filing rules, and assessment.json when it is there.
 * Sets result.filing when the file is a filing of a known version.
 */
export async function checkFiling(
  result: VerifiedBundle,
  filingBytes: Buffer,
  problem: Problem,
  lang: Lang,
  attachments: (filing: Filed) => (file: string) => AttachmentState,
  assessmentRequired = true,
): Promise<void> {
  const { path } = result;
  let filing: VerifiedBundle['filing'];
  try {
    filing = JSON.parse(filingBytes.toString('utf8'));
  } catch {
    problem('bundle/filing', 'bundle.notJson', { entry: 'filing.json' }, 'filing.json');
    return;
  }
  if (nestsDeeperThan(filing)) {
    problem('bundle/filing', 'bundle.filingFormat', {}, 'filing.json');
    return;
  }
  if (!filing || filing.format !== FILING_FORMAT || typeof filing.filing !== 'object' || filing.filing === null) {
    problem('bundle/filing', 'bundle.filingFormat', {}, 'filing.json');
    return;
  }
  if (!knownVersion(filing.schemaVersion)) {
    problem(
      'bundle/schema-version',
      'bundle.schemaVersion',
      { version: String(filing.schemaVersion), known: SCHEMA_VERSIONS.join(', ') },
      'filing.json',
    );
    return;
  }
  // The manifest says whose filing this is; filing.json must say the same, or a manifest edited to
  // another year, edition or filer would be believed (ingest keys its rows by what is verified).
  const mismatch = result.manifest ? identityMismatch(result.manifest, filing) : undefined;
  if (mismatch !== undefined) {
    problem(
      'bundle/manifest-mismatch',
      'bundle.manifestMismatch',
      { field: mismatch.field, manifest: mismatch.manifest, filing: mismatch.filing },
      'manifest.json',
    );
    return;
  }
  result.filing = filing;
  const withheld = markerPointers(filing.filing);
  const keep = (d: Diagnostic) => d.pointer === undefined || !withheld.some((p) => d.pointer === p || d.pointer!.startsWith(`${p}/`));
  const inFiling = (d: Diagnostic): Diagnostic => ({
    ...d,
    file: `${path}:filing.json`,
    message: d.pointer ? `${d.message} (${d.pointer})` : d.message,
  });
  // the filer's settings that change a verdict, checked as a configuration is, then applied
  if (filing.settings !== undefined) {
    const wrong = (await checkSchema(filing.settings, 'config', lang)).filter((d) => d.severity === 'error');
    if (typeof filing.settings !== 'object' || filing.settings === null || Array.isArray(filing.settings) || wrong.length > 0) {
      problem('bundle/filing', 'bundle.settings', { reason: wrong[0]?.message ?? '' }, 'filing.json');
      return;
    }
  }
  const profile = getProfile(filing.profile);
  const schemaFindings = (await checkSchema(filing.filing, 'filing', lang, filing.schemaVersion, wordsOf(profile))).filter(keep);
  result.diagnostics.push(...schemaFindings.map(inFiling));
  if (schemaFindings.some((d) => d.severity === 'error')) return;
  const rules = runRules(filing.filing, {
    lang,
    profile,
    config: filing.settings ?? {},
    baseDir: '.',
    attachment: attachments(filing),
    schemaVersion: filing.schemaVersion,
  });
  result.diagnostics.push(...rules.diagnostics.filter(keep).map(inFiling));
  checkAssessment(result, filing.filing, problem, assessmentRequired);
}

/**
 * A bundle's report.pdf carries the bundle's data inside (PDF/A-3 associated files, since taisei
 * built PDFs so): the same filing.json and assessment.json, byte for byte. A PDF of an older taisei
 * carries none and is left be.
 */
function checkReportData(result: VerifiedBundle, problem: Problem): void {
  const pdf = result.files.get('report.pdf');
  if (!pdf) return;
  let carried: EmbeddedData[];
  let strays: ReturnType<typeof strayFiles>;
  try {
    const facts = readPdfFacts(pdf);
    carried = facts.embedded;
    strays = strayFiles(facts);
  } catch (error) {
    if (!(error instanceof PdfUnreadable)) throw error;
    problem('bundle/report-data', 'bundle.reportUnreadable', { reason: error.reason }, 'report.pdf');
    return;
  }
  // a file beside the bundle's in the PDF, or a second filing.json, is one a reader may show instead
  for (const stray of strays) problem(stray.code, stray.key, { entry: stray.name }, 'report.pdf');
  if (strays.length > 0) return;
  if (!carried.some((f) => f.name === 'filing.json')) return;
  for (const name of ['filing.json', 'assessment.json', 'progress.json']) {
    const inPdf = carried.find((f) => f.name === name);
    const inBundle = result.files.get(name);
    if (!inPdf) continue;
    if (!inBundle || !inPdf.data.equals(inBundle)) problem('bundle/report-data', 'bundle.reportData', { entry: name }, 'report.pdf');
  }
}

/**
 * assessment.json says what the filing's self-assessment scores: computed again from filing.json,
 * it must agree (a bundle scored by a later method, or an older one without the file, is left be).
 */
function checkAssessment(result: VerifiedBundle, filing: Record<string, unknown>, problem: Problem, required: boolean): void {
  const expected = assessmentSummary(filing);
  const bytes = result.files.get('assessment.json');
  if (!bytes) {
    if (required && expected && result.manifest && result.filing && result.filing.schemaVersion >= 2)
      problem('bundle/assessment', 'bundle.assessmentMissing', {}, 'assessment.json');
    return;
  }
  let carried: { method?: unknown };
  try {
    carried = JSON.parse(bytes.toString('utf8'));
  } catch {
    problem('bundle/assessment', 'bundle.notJson', { entry: 'assessment.json' }, 'assessment.json');
    return;
  }
  if (carried?.method !== ASSESSMENT_METHOD) return;
  if (!expected || !canonicalBytes(carried).equals(canonicalBytes(expected)))
    problem('bundle/assessment', 'bundle.assessmentMismatch', {}, 'assessment.json');
}

/**
 * progress.json (of a progress report's bundle, or carried in its PDF) says the progress of the
 * filing's plans as of its date: computed again from filing.json, it must be the same, byte for byte,
 * and name the date and period the manifest names.
 */
export function checkProgress(result: VerifiedBundle, problem: Problem, manifest?: Manifest): void {
  const bytes = result.files.get('progress.json');
  if (!bytes) {
    if (manifest?.document === 'progress')
      problem('bundle/missing-file', 'bundle.missingFile', { entry: 'progress.json' }, 'progress.json');
    return;
  }
  let carried: Partial<ProgressData> | null;
  try {
    carried = JSON.parse(bytes.toString('utf8'));
  } catch {
    problem('bundle/progress', 'bundle.notJson', { entry: 'progress.json' }, 'progress.json');
    return;
  }
  const isDay = (v: unknown): v is string => typeof v === 'string' && isDate(v);
  if (
    !carried ||
    carried.format !== PROGRESS_FORMAT ||
    carried.method !== PROGRESS_METHOD ||
    !isDay(carried.asOf) ||
    !isDay(carried.period?.from) ||
    !isDay(carried.period?.to)
  ) {
    problem(
      'bundle/progress',
      'bundle.progressFormat',
      { method: String(carried?.method ?? '—'), known: PROGRESS_METHOD },
      'progress.json',
    );
    return;
  }
  if (
    manifest &&
    (manifest.asOf !== carried.asOf || manifest.period?.from !== carried.period!.from || manifest.period?.to !== carried.period!.to)
  ) {
    const said = (p: { asOf?: string; period?: { from?: string; to?: string } }) => `${p.asOf} (${p.period?.from}〜${p.period?.to})`;
    problem('bundle/manifest-mismatch', 'bundle.progressManifest', { manifest: said(manifest), progress: said(carried) }, 'manifest.json');
    return;
  }
  const expected = progressOf(result.filing!.filing, carried.asOf, carried.period as Period);
  if (!canonicalBytes(expected).equals(canonicalBytes(carried))) {
    problem('bundle/progress', 'bundle.progressMismatch', {}, 'progress.json');
    return;
  }
  result.progress = expected;
}

/** The first field of the manifest's identity that filing.json does not bear out, if any. */
function identityMismatch(
  manifest: Manifest,
  filing: NonNullable<VerifiedBundle['filing']>,
): { field: string; manifest: string; filing: string } | undefined {
  const data = filing.filing as { filer?: { name?: unknown; corporateNumber?: unknown }; fiscalYear?: unknown; submissionDate?: unknown };
  const withheld = (v: unknown) => typeof v === 'object' && v !== null && (v as { $withheld?: unknown }).$withheld === true;
  const pairs: [string, unknown, unknown][] = [
    ['filer.corporateNumber', manifest.filer.corporateNumber, data.filer?.corporateNumber],
    ['filer.name', manifest.filer.name, data.filer?.name],
    ['fiscalYear', manifest.fiscalYear, data.fiscalYear],
    ['edition', manifest.edition, filing.edition],
    ['profile', manifest.profile, filing.profile],
    ['schemaVersion', manifest.schemaVersion, filing.schemaVersion],
    // a progress report is dated on its own day, not the annual filing's
    ...(manifest.document === 'progress' ? [] : [['created', manifest.created, data.submissionDate] as [string, unknown, unknown]]),
  ];
  for (const [field, inManifest, inFiling] of pairs) {
    if (withheld(inFiling)) continue;
    if (inManifest !== inFiling) return { field, manifest: String(inManifest), filing: String(inFiling) };
  }
  return undefined;
}

/** The schema version a manifest declares, if it is one this taisei does not know. */
function newerSchemaVersion(zip: Buffer, entry: Parameters<typeof readEntry>[1] | undefined): number | undefined {
  if (!entry) return undefined;
  try {
    const declared = (JSON.parse(readEntry(zip, entry).toString('utf8')) as { schemaVersion?: unknown }).schemaVersion;
    return typeof declared === 'number' && !knownVersion(declared) ? declared : undefined;
  } catch {
    return undefined;
  }
}

/** Pointers of the values a public edition withheld ({"$withheld": true}). */
function markerPointers(value: unknown, path: (string | number)[] = [], out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v, i) => markerPointers(v, [...path, i], out));
  else if (value !== null && typeof value === 'object') {
    if ((value as { $withheld?: unknown }).$withheld === true) out.push(toPointer(path));
    else for (const [k, v] of Object.entries(value)) markerPointers(v, [...path, k], out);
  }
  return out;
}

/** For the regulator's tools: the bundle's contents, or the reasons it cannot be trusted. */
/** A bundle that verified: its manifest and its filing, typed. */
export interface TrustedBundle extends Omit<VerifiedBundle, 'manifest' | 'filing'> {
  ok: true;
  manifest: Manifest;
  filing: { format: string; schemaVersion: number; profile: string; edition: string; filing: Filing };
}

/** A bundle that did not: the reasons in diagnostics, and whatever could be read. */
export interface RefusedBundle extends VerifiedBundle {
  ok: false;
}

/** verifyBundle, as one answer: `ok: true` carries the typed manifest and filing. */
export async function readVerifiedBundle(path: string, options: VerifyOptions): Promise<TrustedBundle | RefusedBundle> {
  const verified = await verifyBundle(path, options);
  const ok = !verified.diagnostics.some((d) => d.severity === 'error') && verified.manifest !== undefined && verified.filing !== undefined;
  return ok ? ({ ...verified, ok: true } as unknown as TrustedBundle) : { ...verified, ok: false };
}
