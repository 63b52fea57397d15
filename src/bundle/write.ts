// The machine-readable bundle: one zip per filing and edition, written next to the PDF.
//   manifest.json   format, generator, profile, filer, year, edition, created, every file's hash
//   manifest.p7s    optional: the filer's certificate signature over the manifest's bytes (detached CMS)
//   manifest.sig    optional, the former way: an Ed25519 signature over them, with the key id
//   filing.json     the normalised filing (files merged, defaults applied) as canonical JSON, with
//                   the settings of taisei.config.yaml that change a verdict
//   report.pdf      the PDF of the same edition
//   assessment.json the self-assessment evaluated (readiness score), when the filing has one
//   diff.json       the changes from last year (build --compare-with)
//   progress.json   a progress report's bundle only (manifest document: progress): the plans' progress
//                   as of its date, computed from filing.json (it carries no attachments, assessment or diff)
//   attachments/…   the files the filing references, by their path in the filing without its leading
//                   attachments/ (withheld ones stay out of the public edition)
import { createHash, type KeyObject } from 'node:crypto';
import { basename, resolve } from 'node:path';
import canonicalize from 'canonicalize';
import { CURRENT_SCHEMA_VERSION, TOOL_VERSION } from '../model/generated/schemas.js';
import type { EditionView } from '../edition/view.js';
import { assessmentSummary } from '../assessment/summary.js';
import { attachmentLeftOut, isWithheld, WITHHELD_MARKER } from '../model/withheld.js';
import { shownEntries } from '../model/edition.js';
import { InputOutputError } from '../errors.js';
import { attachmentsOnDisk } from '../util/confined.js';
import { readRegularFile, regularFile } from '../util/regular-file.js';
import { withDefaults } from '../model/defaults.js';
import type { Edition } from '../model/edition.js';
import type { VerdictSettings } from '../model/config.js';
import { signBytes } from './keys.js';
import type { ProgressData } from '../assessment/progress.js';
import { DEFAULT_LIMITS, MAX_BUNDLE_BYTES, writeZip, type ZipInput } from './zip.js';

export const BUNDLE_FORMAT = 'taisei-bundle';
/** 2: attachments under attachments/ by their path in the filing, without doubling its attachments/ folder. */
export const BUNDLE_FORMAT_VERSION = 2;

/**
 * Where a bundle holds an attachment the filing lists at `file` (its path in the filing directory):
 * under attachments/, its own leading attachments/ folder not doubled. Format 1 put the whole path
 * under attachments/ (attachments/attachments/…); verify still reads such bundles.
 */
export function attachmentEntry(file: string, formatVersion: number = BUNDLE_FORMAT_VERSION): string {
  return formatVersion < 2 ? `attachments/${file}` : `attachments/${file.replace(/^(?:\.\/)?attachments\//, '')}`;
}
export const FILING_FORMAT = 'taisei-filing';
export { WITHHELD_MARKER };

export type { Edition };

export interface Manifest {
  format: typeof BUNDLE_FORMAT;
  formatVersion: number;
  generator: { name: string; version: string };
  schemaVersion: number;
  profile: string;
  filer: { name: string; corporateNumber: string };
  fiscalYear: number;
  edition: Edition;
  created: string;
  files: { path: string; mediaType: string; size: number; sha256: string }[];
  redaction: { withheld: number; bySection: Record<string, number> };
  /** what the bundle files: the annual filing (said by its absence) or a progress report of its plans */
  document?: 'progress';
  /** the progress report's date of reference and the period it covers */
  asOf?: string;
  period?: { from: string; to: string };
}

/** Canonical JSON (RFC 8785) as UTF-8 bytes. */
export function canonicalBytes(value: unknown): Buffer {
  return Buffer.from(canonicalize(value) ?? 'null', 'utf8');
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const MEDIA_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  json: 'application/json',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  svg: 'image/svg+xml',
  txt: 'text/plain',
  md: 'text/markdown',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function mediaType(path: string): string {
  return MEDIA_TYPES[path.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

/** Withheld values as markers, for JSON. */
function markers(value: unknown): unknown {
  if (isWithheld(value)) return WITHHELD_MARKER;
  if (Array.isArray(value)) return value.map(markers);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, markers(v)]));
  return value;
}

/**
 * An attachment's bytes: only a regular file inside the filing directory, by its real path (the
 * filing rules say so first; this holds even where a filer turned them off).
 */
export interface BundleInput {
  /** The edition view: its data (the public one redacted), withheld pointers and changes. */
  view: EditionView;
  /** The PDF of the same view. */
  pdf: Uint8Array;
  /** Where the filing directory is: attachments are read from there. */
  baseDir: string;
  signingKey?: KeyObject;
  /** signs the manifest's bytes with the filer's certificate: manifest.p7s, a detached CMS signature */
  certificateSignature?: (manifest: Buffer) => Buffer;
  /** filing.json and assessment.json, when already made (the PDF carries the same bytes). */
  data?: FilingData;
  /** The spreadsheets the filing's lists came from, to carry as they are (config bundleSpreadsheets). */
  spreadsheets?: readonly string[];
  /**
   * A progress report's bundle: progress.json beside filing.json and the report, dated `date`; it
   * carries no attachments, no self-assessment and no changes (the annual filing's bundle does).
   */
  progress?: { bytes: Buffer; data: ProgressData; date: string };
}

/** The edition's data as the bundle holds it, and as its PDF carries it inside. */
export interface FilingData {
  /** filing.json: the normalised filing, as canonical JSON */
  filing: Buffer;
  /** the same normalised filing (withheld values as markers), before it became bytes */
  normalised: Record<string, unknown>;
  /** assessment.json: the self-assessment scored from filing.json's own content, when there is one */
  assessment?: Buffer;
}

/** @param settings what of the filing's configuration changes a verdict (verdictSettings), carried with it */
export function filingData(view: EditionView, settings?: VerdictSettings): FilingData {
  const { data, edition, profile, schema } = view;
  const normalised = markers(withDefaults({ ...data, profile: profile.id }, schema.at([]), schema));
  const filing = canonicalBytes({
    format: FILING_FORMAT,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    profile: profile.id,
    edition,
    filing: normalised,
    ...(settings ? { settings } : {}),
  });
  // computed from filing.json's own content, so that verify can compute it again and compare
  const assessment = assessmentSummary(normalised as Record<string, unknown>);
  return { filing, normalised: normalised as Record<string, unknown>, ...(assessment ? { assessment: canonicalBytes(assessment) } : {}) };
}

/** A file the bundle will carry from disk: its entry name, its size now, and how to read it. */
interface PlannedFile {
  name: string;
  size: number;
  read(): Buffer;
}

/** Control characters in a name: a bundle entry (and a file name on every system a regulator uses) cannot hold them. */
// oxlint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The attachments (and spreadsheets) this edition's bundle carries, checked as verify will check
 * the bundle: no name verify refuses (a control character; two names one under Unicode
 * normalisation, as が is one character or か + ゛; x.pdf beside attachments/x.pdf), each a regular
 * file inside the filing. Sizes are taken without reading, so that the limits hold before anything
 * is read or rendered.
 */
function plannedFiles(input: Pick<BundleInput, 'view' | 'baseDir' | 'spreadsheets'>): PlannedFile[] {
  const { data, edition } = input.view;
  const out: PlannedFile[] = [];
  // the files this edition carries: in the public one, none whose entry or path it withholds
  const attachments = shownEntries(data.attachments).flatMap((a) =>
    isWithheld(a) || isWithheld(a.file) || (edition === 'public' && attachmentLeftOut(a)) ? [] : [{ file: a.file }],
  );
  const where = attachmentsOnDisk(input.baseDir);
  // by the name as it is on disk: NFC and NFD spellings of one name are one file there
  const placed = new Map<string, string>();
  const place = (path: string, file: string) => {
    if (CONTROL.test(file))
      throw new InputOutputError('bundle.attachmentName', { file: JSON.stringify(file) }, 'bundle.attachmentName.hint');
    const key = path.normalize('NFC');
    const taken = placed.get(key);
    if (taken !== undefined && taken !== file) {
      // two spellings of one name (が as one character, or か + ゛): one file on most disks, and in verify
      if (taken.normalize('NFC') === file.normalize('NFC'))
        throw new InputOutputError(
          'bundle.attachmentTwins',
          { first: JSON.stringify(taken), second: JSON.stringify(file) },
          'bundle.attachmentTwins.hint',
        );
      // x.pdf and attachments/x.pdf would be one entry: the bundle could hold only one of them
      throw new InputOutputError('bundle.attachmentClash', { first: taken, second: file, entry: path }, 'bundle.attachmentClash.hint');
    }
    const fresh = taken === undefined;
    placed.set(key, file);
    return fresh;
  };
  for (const attachment of [...attachments].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    const path = attachmentEntry(attachment.file);
    if (!place(path, attachment.file)) continue;
    if (where(attachment.file) === 'outside')
      throw new InputOutputError('bundle.attachmentOutside', { path: attachment.file }, 'bundle.attachmentOutside.hint');
    const full = resolve(input.baseDir, attachment.file);
    out.push({ name: path, size: regularFile(full).size, read: () => readRegularFile(full) });
  }
  // the lists' spreadsheets as the filer keeps them, beside the attachments (never in the public edition:
  // they hold what the public edition withholds)
  if (edition !== 'public')
    for (const file of [...(input.spreadsheets ?? [])].sort()) {
      const name = basename(file);
      const path = attachmentEntry(name);
      if (!place(path, name))
        throw new InputOutputError('bundle.attachmentClash', { first: name, second: name, entry: path }, 'bundle.attachmentClash.hint');
      out.push({ name: path, size: regularFile(file).size, read: () => readRegularFile(file) });
    }
  return out;
}

/** The bundle's files within what verify reads: its count of entries and their size together. */
function checkLimits(entries: number, bytes: number): void {
  if (entries > DEFAULT_LIMITS.maxEntries)
    throw new InputOutputError('bundle.tooManyFiles', { count: entries, limit: DEFAULT_LIMITS.maxEntries }, 'bundle.tooManyFiles.hint');
  const limit = Math.min(DEFAULT_LIMITS.maxTotalBytes, MAX_BUNDLE_BYTES);
  if (bytes > limit)
    throw new InputOutputError(
      'bundle.tooLarge',
      { size: Math.ceil(bytes / 1024 / 1024), limit: Math.floor(limit / 1024 / 1024) },
      'bundle.tooLarge.hint',
    );
}

/**
 * What build checks before it renders: the bundle it will write is one verify accepts (names, count,
 * size), so that a refusal comes now, with what to do, and not from the regulator's verify.
 */
export function checkBundle(input: Pick<BundleInput, 'view' | 'baseDir' | 'spreadsheets'>): void {
  const planned = plannedFiles(input);
  checkLimits(
    planned.length + 6,
    planned.reduce((n, f) => n + f.size, 0),
  );
}

export function bundle(input: BundleInput): { zip: Buffer; manifest: Manifest } {
  const { view } = input;
  const { data, edition, profile } = view;
  const carried = input.data ?? filingData(view);
  const { progress } = input;
  const files: ZipInput[] = progress
    ? [
        { name: 'filing.json', data: carried.filing },
        { name: 'progress.json', data: progress.bytes },
        { name: 'report.pdf', data: input.pdf },
      ]
    : [
        { name: 'filing.json', data: carried.filing },
        { name: 'report.pdf', data: input.pdf },
        ...(carried.assessment ? [{ name: 'assessment.json', data: carried.assessment }] : []),
        ...(view.changes ? [{ name: 'diff.json', data: canonicalBytes(view.changes) }] : []),
      ];
  const planned = progress ? [] : plannedFiles(input);
  const reserved = files.reduce((n, f) => n + f.data.length, 0);
  checkLimits(planned.length + files.length + 2, reserved + planned.reduce((n, f) => n + f.size, 0));
  for (const file of planned) files.push({ name: file.name, data: file.read() });
  const bySection: Record<string, number> = {};
  for (const pointer of view.withheld) {
    const section = pointer.split('/')[1] ?? '';
    bySection[section] = (bySection[section] ?? 0) + 1;
  }
  const { filer } = data;
  const manifest: Manifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    generator: { name: 'taisei', version: TOOL_VERSION },
    schemaVersion: CURRENT_SCHEMA_VERSION,
    profile: profile.id,
    filer: { name: filer.name, corporateNumber: filer.corporateNumber },
    fiscalYear: data.fiscalYear,
    edition,
    created: progress ? progress.date : data.submissionDate,
    files: files.map((f) => ({ path: f.name, mediaType: mediaType(f.name), size: f.data.length, sha256: sha256(f.data) })),
    redaction: { withheld: view.withheld.length, bySection },
    ...(progress ? { document: 'progress' as const, asOf: progress.data.asOf, period: progress.data.period } : {}),
  };
  const manifestBytes = canonicalBytes(manifest);
  const entries: ZipInput[] = [{ name: 'manifest.json', data: manifestBytes }];
  if (input.certificateSignature) entries.push({ name: 'manifest.p7s', data: input.certificateSignature(manifestBytes) });
  else if (input.signingKey) entries.push({ name: 'manifest.sig', data: canonicalBytes(signBytes(manifestBytes, input.signingKey)) });
  return { zip: writeZip([...entries, ...files]), manifest };
}
