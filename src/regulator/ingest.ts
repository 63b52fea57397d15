// ingest: each bundle is verified first; one that fails (damaged, unsafe, tampered, unsigned where
// a signature is required, not valid against its schema) is rejected with its reasons and nothing of
// it is stored. A bundle already in the database changes nothing. A later bundle for the same filer,
// fiscal year and edition is an amendment: it becomes current, the earlier one stays in the history.
import { createHash, type KeyObject } from 'node:crypto';
import type { Database } from './sqlite.js';
import { assessmentSummary } from '../assessment/summary.js';
import { verifyFile } from '../bundle/verify-pdf.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Lang } from '../messages/index.js';
import { RULES } from '../rules/registry.js';
import { holdsNonPublic, list } from '../rules/util.js';
import { getAt } from '../util/pointer.js';
import { readRegularFile } from '../util/regular-file.js';
import { settingRows } from '../model/config.js';
import { trustRegister } from './trust.js';
import type { ProgressData } from '../assessment/progress.js';
import type { TrustRegister } from '../bundle/x509.js';

export interface IngestOptions {
  lang: Lang;
  keys?: KeyObject[];
  requireSignature?: boolean;
  /** the database's trust register, read once for a run of many bundles (default: read here) */
  trust?: TrustRegister;
}

export interface IngestResult {
  path: string;
  status: 'ingested' | 'amended' | 'duplicate' | 'rejected';
  hash?: string;
  diagnostics: Diagnostic[];
}

type Entry = Record<string, unknown>;

/** A value, or null where the public edition withheld it. */
function plain(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && (value as { $withheld?: unknown }).$withheld === true) return null;
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

const entries = (value: unknown): Entry[] => list(value as Entry[] | undefined);
const get = (entry: unknown, path: string): unknown => getAt(entry, path.split('.'));
const ruleIds = new Set(RULES.map((r) => r.id));

export async function ingestBundle(db: Database, path: string, options: IngestOptions): Promise<IngestResult> {
  // a regular file only (exit 3 otherwise): a directory or a named pipe is refused before anything reads it
  const zip = readRegularFile(path, 'bundle.notFound.hint');
  const hash = createHash('sha256').update(zip).digest('hex');
  if (db.prepare('SELECT 1 FROM bundles WHERE hash = ?').get(hash)) return { path, status: 'duplicate', hash, diagnostics: [] };
  // a bundle, or a report PDF that carries its filing (PDF/A-3)
  // who may sign for which filer: the register in this database, where it holds anything
  const register = options.trust ?? trustRegister(db);
  const trust = register.issuers.length + register.pinned.length > 0 ? register : undefined;
  const verified = await verifyFile(path, {
    lang: options.lang,
    keys: options.keys,
    requireSignature: options.requireSignature,
    ...(trust ? { trust } : {}),
  });
  // Integrity, safety, signature and schema decide; the filing rules' findings (even errors) are
  // what the filer reported, stored for the regulator to read rather than grounds to refuse it.
  const refusals = verified.diagnostics.filter((d) => d.severity === 'error' && !ruleIds.has(d.code));
  if (refusals.length > 0 || !verified.filing) {
    return { path, status: 'rejected', hash, diagnostics: refusals.length > 0 ? refusals : verified.diagnostics };
  }
  const filing = verified.filing.filing;
  const filingText = verified.files.get('filing.json')!.toString('utf8');
  // rows are keyed by what the verified filing says (verify refuses a manifest that disagrees)
  const filer = filing.filer as { corporateNumber: string; name: unknown };
  const key = {
    number: filer.corporateNumber,
    name: plain(filer.name) ?? verified.manifest?.filer.name ?? filer.corporateNumber,
    year: filing.fiscalYear as number,
    edition: verified.filing.edition,
    profile: verified.filing.profile,
    schemaVersion: verified.filing.schemaVersion,
    created: String(filing.submissionDate),
  };
  const progress = verified.progress;
  const stored = { path, hash, verified, key, filingText };
  if (progress) return storeBundle(db, stored, progress, () => progressFacts(db, hash, progress));
  return storeBundle(db, stored, undefined, () => {
    const insertSystem = db.prepare('INSERT INTO systems VALUES (?,?,?,?,?,?,?,?,?)');
    for (const s of entries(filing.systems)) {
      insertSystem.run(
        hash,
        s.id,
        plain(s.name),
        holdsNonPublic(s) ? 1 : 0,
        plain(get(s, 'sharing.level')),
        plain(get(s, 'sharing.separationPlan.targetDate')),
        plain(get(s, 'access.idType')),
        plain(get(s, 'accessLog.reviewFrequency')),
        plain(get(s, 'accessLog.retentionYears')),
      );
    }
    const insertReview = db.prepare('INSERT INTO log_reviews VALUES (?,?,?,?,?)');
    for (const r of entries(filing.logReviews))
      insertReview.run(hash, r.id, plain(r.system), plain(r.reviewed), plain(r.unauthorisedAccess));
    const insertFinding = db.prepare('INSERT INTO findings VALUES (?,?,?,?,?,?)');
    for (const f of entries(get(filing, 'compliance.findings')))
      insertFinding.run(hash, 'compliance', f.id, null, plain(f.verdict), plain(f.summary));
    const kinds = new Map(entries(get(filing, 'monitoring.activities')).map((a) => [a.id, a.kind]));
    for (const f of entries(get(filing, 'monitoring.findings')))
      insertFinding.run(hash, 'monitoring', f.id, plain(kinds.get(f.activity)), plain(f.verdict), plain(f.summary));
    const insertCorrection = db.prepare('INSERT INTO corrections VALUES (?,?,?,?,?)');
    for (const section of ['complianceCorrections', 'informationCorrections', 'transactionCorrections']) {
      for (const c of entries(filing[section])) insertCorrection.run(hash, section, c.id, plain(c.finding), plain(c.outcome));
    }
    const insertTraining = db.prepare('INSERT INTO trainings VALUES (?,?,?,?,?,?)');
    for (const t of entries(filing.trainings))
      insertTraining.run(
        hash,
        t.id,
        plain(t.title),
        Array.isArray(t.audience) ? (t.audience as string[]).join(',') : null,
        plain(t.targeted),
        plain(t.participants),
      );
    const insertOfficer = db.prepare('INSERT INTO officers VALUES (?,?,?,?,?,?)');
    for (const role of ['informationManager', 'complianceOfficer']) {
      const o = get(filing, `organisation.${role}`) as Entry | undefined;
      if (o) insertOfficer.run(hash, role, plain(o.name), plain(o.title), plain(o.position), plain(o.appointed));
    }
    const monitoring = get(filing, 'organisation.monitoringDepartment') as Entry | undefined;
    db.prepare('INSERT INTO organisation VALUES (?,?,?,?)').run(
      hash,
      plain(monitoring?.name),
      plain(monitoring?.headcount),
      plain(monitoring?.independentOfRelatedCompany),
    );
    const insertTransaction = db.prepare('INSERT INTO transactions VALUES (?,?,?,?,?,?,?)');
    for (const r of entries(get(filing, 'transactions.records')))
      insertTransaction.run(
        hash,
        r.id,
        plain(r.date),
        plain(get(r, 'counterparty.name')),
        plain(get(r, 'counterparty.kind')),
        plain(get(r, 'counterparty.related') ?? false),
        plain(r.subject),
      );
    // each deviation from the defaults the filing carries, as build applied it
    const insertSetting = db.prepare('INSERT INTO settings VALUES (?,?,?,?,?)');
    for (const s of settingRows(verified.filing?.settings, (id) => RULES.find((r) => r.id === id)?.severity))
      insertSetting.run(hash, s.setting, s.value, s.defaultValue, s.justification);
    const summary = assessmentSummary(filing);
    if (summary) {
      const insertScore = db.prepare('INSERT INTO assessment VALUES (?,?,?,?,?,?,?,?,?,?,?,?)');
      for (const row of [{ id: 'overall', ...summary.overall }, ...summary.areas]) {
        insertScore.run(
          hash,
          row.id,
          row.items,
          row.inPlace,
          row.partly,
          row.evidenced,
          row.windows,
          row.met,
          row.coverage,
          row.evidence,
          row.recurrences,
          row.readiness,
        );
      }
      const insertMeasure = db.prepare('INSERT INTO plan_measures VALUES (?,?,?,?,?,?,?,?)');
      for (const m of entries(get(filing, 'improvementPlan'))) {
        const windows = summary.recurrences.find((r) => r.measure === m.id);
        insertMeasure.run(
          hash,
          m.id,
          plain(m.area),
          plain(m.status),
          plain(m.recurrence),
          plain(m.due),
          windows?.due.length ?? null,
          windows?.missed.length ?? null,
        );
      }
    }
  });
}

interface BundleKey {
  number: string;
  name: unknown;
  year: number;
  edition: string;
  profile: string;
  schemaVersion: number;
  created: string;
}

/** The bundle's own row, current, after those before it; a progress report's with its date and period. */
function insertBundle(
  db: Database,
  hash: string,
  key: BundleKey,
  verified: Awaited<ReturnType<typeof verifyFile>>,
  progress?: ProgressData,
): void {
  const seq = ((db.prepare('SELECT MAX(seq) AS m FROM bundles').get() as { m: number | null }).m ?? 0) + 1;
  db.prepare(
    'INSERT INTO bundles (hash, seq, filer_number, filer_name, fiscal_year, edition, profile, schema_version, generator_version, created, signed, current, signer_subject, signer_fingerprint, signing_time, document, as_of, period_from) VALUES (?,?,?,?,?,?,?,?,?,?,?,1,?,?,?,?,?,?)',
  ).run(
    hash,
    seq,
    key.number,
    key.name,
    key.year,
    key.edition,
    key.profile,
    key.schemaVersion,
    verified.generator ?? 'unknown',
    key.created,
    verified.signed ? 1 : 0,
    verified.signer?.subject ?? null,
    verified.signer?.fingerprint ?? null,
    verified.signer?.signingTime ?? null,
    progress ? 'progress' : 'filing',
    progress?.asOf ?? null,
    progress?.period.from ?? null,
  );
}

interface Stored {
  path: string;
  hash: string;
  verified: Awaited<ReturnType<typeof verifyFile>>;
  key: BundleKey;
  filingText: string;
}

/**
 * A bundle stored in one transaction: skipped if it is there already, or if the current one of the
 * same filer, edition and fiscal year (a progress report: as-of date and period) carries the same
 * filing and is signed where this one is (the PDF of a build after its bundle, or the other way
 * round); else current, the earlier one an amendment, with its facts, the rules' findings and the
 * filing itself.
 */
function storeBundle(db: Database, stored: Stored, progress: ProgressData | undefined, facts: () => void): IngestResult {
  const { path, hash, verified, key, filingText } = stored;
  // a filing by its fiscal year; a progress report by its as-of date
  const scope = progress
    ? { where: "as_of = ? AND document = 'progress'", value: progress.asOf }
    : { where: "fiscal_year = ? AND document = 'filing'", value: key.year };
  let amended = false;
  let duplicate = false;
  db.transaction(() => {
    // checked again under the write lock: another run may have stored it meanwhile
    if (db.prepare('SELECT 1 FROM bundles WHERE hash = ?').get(hash)) {
      duplicate = true;
      return;
    }
    const current = db
      .prepare(
        `SELECT f.filing AS filing, b.signed AS signed, b.period_from AS period FROM bundles b JOIN filings f ON f.bundle = b.hash WHERE filer_number = ? AND ${scope.where} AND edition = ? AND current = 1`,
      )
      .get(key.number, scope.value, key.edition) as { filing: string; signed: number; period: string | null } | undefined;
    if (
      current &&
      current.filing === filingText &&
      current.period === (progress?.period.from ?? null) &&
      (current.signed === 1 || !verified.signed)
    ) {
      duplicate = true;
      return;
    }
    amended =
      db
        .prepare(`UPDATE bundles SET current = 0 WHERE filer_number = ? AND ${scope.where} AND edition = ? AND current = 1`)
        .run(key.number, scope.value, key.edition).changes > 0;
    // a progress report is dated on its own day
    insertBundle(db, hash, progress ? { ...key, created: verified.manifest?.created ?? progress.asOf } : key, verified, progress);
    facts();
    const insertRuleFinding = db.prepare('INSERT INTO rule_findings VALUES (?,?,?,?,?)');
    for (const d of verified.diagnostics)
      if (ruleIds.has(d.code)) insertRuleFinding.run(hash, d.code, d.severity, d.pointer ?? null, d.message);
    db.prepare('INSERT INTO filings VALUES (?,?)').run(hash, filingText);
  });
  if (duplicate) return { path, status: 'duplicate', hash, diagnostics: [] };
  return { path, status: amended ? 'amended' : 'ingested', hash, diagnostics: verified.diagnostics };
}

/** A progress report's systems and measures as it judged them (the annual filing's tables stay the filing's). */
function progressFacts(db: Database, hash: string, progress: ProgressData): void {
  const insertSystem = db.prepare('INSERT INTO progress_systems VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)');
  for (const s of progress.systems)
    insertSystem.run(
      hash,
      s.id,
      plain(s.name),
      plain(s.level),
      s.status,
      s.target,
      s.ended,
      s.daysToTarget,
      s.daysToHorizon,
      s.beyondHorizon ? 1 : 0,
      s.late.length,
      s.next ? plain(s.next.description) : null,
      s.next?.date ?? null,
      plain(s.reason),
      s.late
        .map((m) => plain(m.note))
        .filter((n) => n !== null)
        .join('\n') || null,
    );
  const insertMeasure = db.prepare('INSERT INTO progress_measures VALUES (?,?,?,?,?,?,?,?,?,?,?,?)');
  for (const m of progress.measures)
    insertMeasure.run(
      hash,
      m.id,
      plain(m.title),
      plain(m.area),
      plain(m.status),
      m.verdict,
      m.recurrence,
      m.due,
      m.windows.length,
      m.windows.filter((w) => !w.met).length,
      m.records.length,
      plain(m.note),
    );
}
