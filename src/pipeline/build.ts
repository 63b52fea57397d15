// `build`: the only module that knows the order of the stages —
//   validate → (last year) → glyph check → edition views → render ∥ bundle → write.
// Findings with severity error stop the build before anything is written. It imports every stage
// statically; the CLI loads this module only when it builds (commands/build.ts).
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import { InputOutputError } from '../errors.js';
import { TOOL_VERSION } from '../model/generated/schemas.js';
import { resolveTargets } from '../load/filing.js';
import { isTabularFile } from '../load/tabular-sections.js';
import { t, type Lang, type MessageKey } from '../messages/index.js';
import { writeFilesAtomic, type OutputFile } from '../util/atomic.js';
import { editionView, type EditionInput } from '../edition/view.js';
import { currentSchemaIndex } from '../model/current-schema.js';
import { verdictSettings } from '../model/config.js';
import { ioDiagnostic, validateTarget, type FilingResult } from '../validate/index.js';
import type { ValidateResult } from '../validate/index.js';
import * as render from '../render/index.js';
import { fontsFromConfig } from '../render/fonts.js';
import { withheldShapes } from '../render/shapes.js';
import * as bundler from '../bundle/write.js';
import { readPrivateKey, readPrivateKeyKind } from '../bundle/keys.js';
import { readRegularFile } from '../util/regular-file.js';
import { loadSide } from './side.js';
import { progressOf, type Period, type ProgressData } from '../assessment/progress.js';

import type { Edition } from '../model/edition.js';

export type { Edition };

export interface BuildOptions {
  lang: Lang;
  out: string;
  editions: Edition[];
  templatesDir?: string;
  configPath?: string;
  maxFileMB?: number;
  onProgress?: (edition: Edition, fraction: number) => void;
  /** Write the machine-readable bundle next to each PDF (default true). */
  bundle?: boolean;
  /**
   * What to sign with: a PKCS#12 file (.p12, .pfx) of the filer's certificate and key, a PEM RSA key
   * (with `certificate`), or — the former way — an Ed25519 private key (PEM) that signs the bundle only.
   */
  signWith?: string;
  /** The PEM file of the signing certificate and its chain, for a PEM key. */
  certificate?: string;
  /** The PKCS#12 file's password (never an argument: the CLI reads it from the environment or a file). */
  password?: string;
  /** When the filing is signed (default now); the same time and key give the same bytes. */
  signingTime?: Date;
  /** Last year's filing or bundle: the PDF gets an appendix of the changes, the bundle diff.json. */
  compareWith?: string;
  /** false: no appendix 参考資料 with the self-assessment (config assessmentAppendix can also say so). */
  assessmentAppendix?: boolean;
  /**
   * The progress report of the plans as of a date (build --document progress) instead of the annual
   * filing: over `period` (default the half-year ending on `asOf`), dated `date` (default `asOf`).
   */
  progress?: { asOf: string; period?: Period; date?: string };
}

export interface BuildOutput {
  edition: Edition;
  path: string;
  bytes: number;
  withheld: number;
  /** The bundle written beside the PDF, if any. */
  bundle?: string;
  signed?: boolean;
  /** SHA-256 of the PDF, hex */
  sha256: string;
  /** the bundle's size and SHA-256 */
  bundleBytes?: number;
  bundleSha256?: string;
}

export interface BuildResult extends ValidateResult {
  outputs: BuildOutput[];
}

/** The file name of an edition: report-<fiscal year>-<edition>.pdf; a progress report's, progress-<as of>-<edition>.pdf */
export function outputName(fiscalYear: number, edition: Edition, asOf?: string): string {
  return asOf ? `progress-${asOf}-${edition}.pdf` : `report-${fiscalYear}-${edition}.pdf`;
}

export async function buildFiling(path: string, options: BuildOptions): Promise<BuildResult> {
  const { lang } = options;
  const empty = (diagnostics: Diagnostic[], ioFailure: boolean, results: FilingResult[] = []): BuildResult => ({
    results,
    diagnostics,
    files: results.flatMap((r) => r.loaded?.files ?? []),
    ioFailure,
    outputs: [],
  });
  let result: FilingResult;
  try {
    const targets = resolveTargets([path]).filter((target) => target.kind !== 'config');
    if (targets.length !== 1) throw new InputOutputError('input.notYaml', { path }, 'input.notYaml.hint');
    result = await validateTarget(targets[0]!, { lang, configPath: options.configPath, maxFileMB: options.maxFileMB });
  } catch (error) {
    if (!(error instanceof InputOutputError)) throw error;
    return empty([{ ...ioDiagnostic(error, lang), file: path }], true);
  }
  const diagnostics = [...result.diagnostics];
  const loaded = result.loaded;
  if (loaded?.kind === 'section') {
    diagnostics.push({
      code: 'build/not-a-filing',
      severity: 'error',
      file: path,
      message: t(lang, 'build.notAFiling', { path }),
      hint: t(lang, 'build.notAFiling.hint'),
    });
  }
  if (!loaded?.data || !result.profile || diagnostics.some((d) => d.severity === 'error'))
    return empty(diagnostics.sort(compareDiagnostics), false, [result]);

  let previous: Record<string, unknown> | undefined;
  if (options.compareWith) {
    const side = await loadSide(options.compareWith, lang);
    if (!side.data) return empty([...diagnostics, ...side.diagnostics].sort(compareDiagnostics), false, [result]);
    previous = side.data;
  }
  const fonts = fontsFromConfig(result.config.fonts, loaded.baseDir);
  const glyphs = render.checkGlyphs(loaded.data, fonts, lang);
  await loaded.sourceMap.attachPositions(glyphs);
  diagnostics.push(...glyphs);
  if (glyphs.length > 0) return empty(diagnostics.sort(compareDiagnostics), false, [result]);

  const input: EditionInput = {
    data: loaded.data,
    marks: loaded.marks,
    profile: result.profile,
    previous,
    assessment: options.assessmentAppendix !== false && result.config.assessmentAppendix !== false,
    recordsAnnex: result.config.recordsAnnex !== false,
  };
  if (options.editions.includes('public')) {
    input.shapeOf = withheldShapes(loaded.data, currentSchemaIndex(), fonts, result.profile.id, options.templatesDir);
  }
  const views = options.editions.map((edition) => editionView(input, edition));
  const progressed = options.progress;
  // the bundles to be written are ones verify will read (names, count, size): said now, before rendering
  // (a progress report's carries no attachments: they were filed with the annual filing)
  const spreadsheets = result.config.bundleSpreadsheets === true && !progressed ? loaded.files.filter((f) => isTabularFile(f)) : [];
  if (options.bundle !== false && !progressed)
    for (const view of views) bundler.checkBundle({ view, baseDir: loaded.baseDir, spreadsheets });
  // each PDF carries its edition's data inside, the same bytes as its bundle's filing.json
  // what of the configuration changes a verdict travels with the filing: verify and ingest apply it
  const settings = verdictSettings(result.config);
  const data = views.map((view) => bundler.filingData(view, settings));
  // the progress of each edition, from that edition's filing.json: what verify computes again
  const progress: ProgressData[] | undefined = progressed
    ? data.map((d) => progressOf(d.normalised, progressed.asOf, progressed.period))
    : undefined;
  const progressBytes = progress?.map((p) => bundler.canonicalBytes(p));
  const rendered = await render.renderViews(views, {
    lang,
    embedded: data.map((d, i) =>
      progressBytes
        ? [
            { name: 'filing.json', data: d.filing, mediaType: 'application/json', role: 'filing' },
            { name: 'progress.json', data: progressBytes[i]!, mediaType: 'application/json', role: 'progress' },
          ]
        : [
            { name: 'filing.json', data: d.filing, mediaType: 'application/json', role: 'filing' },
            // the public PDF carries the public filing.json only
            ...(d.assessment && views[i]!.edition !== 'public'
              ? [{ name: 'assessment.json', data: d.assessment, mediaType: 'application/json', role: 'assessment' }]
              : []),
          ],
    ),
    ...(progress ? { progress: { data: progress, date: progressed!.date ?? progressed!.asOf } } : {}),
    fonts,
    templatesDir: options.templatesDir,
    toolVersion: TOOL_VERSION,
    onProgress: options.onProgress,
  });
  await loaded.sourceMap.attachPositions(rendered.diagnostics);
  diagnostics.push(...rendered.diagnostics);
  if (rendered.diagnostics.some((d) => d.severity === 'error')) return empty(diagnostics.sort(compareDiagnostics), false, [result]);

  const fiscalYear = loaded.data.fiscalYear as number;
  const signing = options.signWith ? await loadSigning(options) : undefined;
  const signingKey = signing?.kind === 'ed25519' ? signing.key : undefined;
  const outputs: BuildOutput[] = [];
  const files: OutputFile[] = [];
  views.forEach((view, i) => {
    // a certificate signs the PDF itself (PAdES), then the bundle's manifest, which lists this very PDF
    const pdf =
      signing?.kind === 'x509'
        ? signing.pades.signPdf(rendered.pdfs[i]!, {
            signer: signing.signer,
            signingTime: signing.time,
            name: view.data.filer.name,
            reason: t('ja', 'sign.reason'),
          })
        : rendered.pdfs[i]!;
    const file = join(options.out, outputName(fiscalYear, view.edition, progressed?.asOf));
    let bundlePath: string | undefined;
    let zip: Buffer | undefined;
    if (options.bundle !== false) {
      zip = bundler.bundle({
        view,
        pdf,
        baseDir: loaded.baseDir,
        signingKey,
        ...(signing?.kind === 'x509'
          ? { certificateSignature: (bytes: Buffer) => signing.x509.signDetached(bytes, signing.signer, signing.time) }
          : {}),
        data: data[i],
        spreadsheets,
        ...(progressBytes
          ? { progress: { bytes: progressBytes[i]!, data: progress![i]!, date: progressed!.date ?? progressed!.asOf } }
          : {}),
      }).zip;
      bundlePath = file.replace(/\.pdf$/, '.zip');
    }
    files.push({ path: file, data: pdf });
    if (bundlePath && zip) files.push({ path: bundlePath, data: zip });
    outputs.push({
      edition: view.edition,
      path: file,
      bytes: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      ...(zip ? { bundleBytes: zip.length, bundleSha256: createHash('sha256').update(zip).digest('hex') } : {}),
      withheld: view.withheld.length,
      ...(bundlePath || signing?.kind === 'x509' ? { ...(bundlePath ? { bundle: bundlePath } : {}), signed: Boolean(signing) } : {}),
    });
  });
  // every PDF and bundle, or none of them
  writeFilesAtomic(files);
  return { results: [result], diagnostics: diagnostics.sort(compareDiagnostics), files: loaded.files, ioFailure: false, outputs };
}

type Signing =
  | { kind: 'ed25519'; key: ReturnType<typeof readPrivateKey> }
  | {
      kind: 'x509';
      signer: import('../bundle/x509.js').Signer;
      time: Date;
      x509: typeof import('../bundle/x509.js');
      pades: typeof import('../bundle/pades.js');
    };

/** What build --sign names: a certificate (PKCS#12, or a PEM key with its chain), or an Ed25519 key. */
async function loadSigning(options: BuildOptions): Promise<Signing> {
  const path = options.signWith!;
  const bytes = readRegularFile(path, 'bundle.badKey.hint');
  const text = bytes.toString('latin1');
  // the former way: an Ed25519 key signs the bundle only
  if (/-----BEGIN PRIVATE KEY-----/.test(text) && !options.certificate && readPrivateKeyKind(text) === 'ed25519')
    return { kind: 'ed25519', key: readPrivateKey(path) };
  const x509 = await import('../bundle/x509.js');
  const pades = await import('../bundle/pades.js');
  let signer: import('../bundle/x509.js').Signer;
  try {
    if (/-----BEGIN/.test(text)) {
      if (!options.certificate) throw new InputOutputError('sign.noCertificate', { path }, 'sign.noCertificate.hint');
      signer = x509.signerFromPem(text, readRegularFile(options.certificate, 'sign.noCertificate.hint').toString('latin1'));
    } else {
      if (options.password === undefined) throw new InputOutputError('sign.noPassword', { path }, 'sign.noPassword.hint');
      signer = x509.signerFromPkcs12(bytes, options.password);
    }
  } catch (error) {
    if (error instanceof x509.SigningError) {
      const key = error.reason === 'noCertificate' ? 'sign.noCertificate.p12' : `sign.${error.reason}`;
      throw new InputOutputError(
        key as MessageKey,
        { path },
        (error.reason === 'noCertificate' ? 'sign.noKey.hint' : `${key}.hint`) as MessageKey,
      );
    }
    throw error;
  }
  return { kind: 'x509', signer, time: options.signingTime ?? new Date(), x509, pades };
}
