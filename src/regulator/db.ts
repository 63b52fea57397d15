// The regulator's database: SQLite (node:sqlite, or better-sqlite3 on Node 20: sqlite.ts). The schema is versioned and migrated forward;
// a database written by a newer taisei is refused. Every bundle loads in one transaction, so a crash
// or a kill mid-ingest leaves the database as it was before that bundle.
//
// Tables (one row per fact, keyed by the bundle's SHA-256; bundles by filer, fiscal year, edition):
//   bundles            hash, filer, year, edition, profile, versions, created, signature, current
//   systems            id, name, sharing level, separation target, ID type, review frequency, retention
//   log_reviews        id, system, reviewed, unauthorised access
//   findings           compliance or monitoring, id, kind, verdict, summary
//   corrections        section, id, finding, outcome
//   trainings          id, title, audiences, targeted, participants
//   officers           role, name (null when withheld), title, position, appointed
//   organisation       monitoring department name, headcount, independence
//   transactions       id, date, counterparty, kind, related, subject
//   rule_findings      the filing rules' findings at ingest (code, severity, pointer, message)
//   filings            the whole canonical filing.json, for anything the tables leave out
//   assessment         the self-assessment's readiness score, overall and by area (schema 2 on)
//   plan_measures      the improvement plan's measures: area, status, recurrence, due, periods missed
//   progress_systems   a progress report's shared systems: status, target, days to it and to the horizon, late milestones
//   progress_measures  a progress report's measures: verdict, periods due and missed, records, note
// A bundle's `document` says what it files: 'filing' (the annual report) or 'progress' (as_of, period_from).
import { existsSync, statSync } from 'node:fs';
import { InputOutputError } from '../errors.js';
import { NoSqlite, openSqlite, type Database } from './sqlite.js';

export type { Database };

const MIGRATIONS: string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE bundles (
    hash TEXT PRIMARY KEY,
    seq INTEGER NOT NULL UNIQUE,
    filer_number TEXT NOT NULL,
    filer_name TEXT NOT NULL,
    fiscal_year INTEGER NOT NULL,
    edition TEXT NOT NULL,
    profile TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    generator_version TEXT NOT NULL,
    created TEXT NOT NULL,
    signed INTEGER NOT NULL,
    current INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX bundles_filer_year ON bundles (filer_number, fiscal_year, edition);
  CREATE TABLE systems (bundle TEXT NOT NULL REFERENCES bundles(hash), id TEXT NOT NULL, name TEXT, holds_non_public INTEGER, sharing_level TEXT, separation_target TEXT, id_type TEXT, review_frequency TEXT, retention_years REAL);
  CREATE TABLE log_reviews (bundle TEXT NOT NULL REFERENCES bundles(hash), id TEXT NOT NULL, system TEXT, reviewed TEXT, unauthorised_access INTEGER);
  CREATE TABLE findings (bundle TEXT NOT NULL REFERENCES bundles(hash), source TEXT NOT NULL, id TEXT NOT NULL, kind TEXT, verdict TEXT, summary TEXT);
  CREATE TABLE corrections (bundle TEXT NOT NULL REFERENCES bundles(hash), section TEXT NOT NULL, id TEXT NOT NULL, finding TEXT, outcome TEXT);
  CREATE TABLE trainings (bundle TEXT NOT NULL REFERENCES bundles(hash), id TEXT NOT NULL, title TEXT, audiences TEXT, targeted INTEGER, participants INTEGER);
  CREATE TABLE officers (bundle TEXT NOT NULL REFERENCES bundles(hash), role TEXT NOT NULL, name TEXT, title TEXT, position TEXT, appointed TEXT);
  CREATE TABLE organisation (bundle TEXT PRIMARY KEY REFERENCES bundles(hash), monitoring_department TEXT, monitoring_headcount INTEGER, monitoring_independent INTEGER);
  CREATE TABLE transactions (bundle TEXT NOT NULL REFERENCES bundles(hash), id TEXT NOT NULL, date TEXT, counterparty TEXT, kind TEXT, related INTEGER, subject TEXT);
  CREATE TABLE rule_findings (bundle TEXT NOT NULL REFERENCES bundles(hash), code TEXT NOT NULL, severity TEXT NOT NULL, pointer TEXT, message TEXT);
  CREATE TABLE filings (bundle TEXT PRIMARY KEY REFERENCES bundles(hash), filing TEXT NOT NULL);
  CREATE INDEX systems_bundle ON systems (bundle);
  CREATE INDEX log_reviews_bundle ON log_reviews (bundle);
  CREATE INDEX findings_bundle ON findings (bundle);
  CREATE INDEX corrections_bundle ON corrections (bundle);
  CREATE INDEX trainings_bundle ON trainings (bundle);
  CREATE INDEX transactions_bundle ON transactions (bundle);
  `,
  // 2: the internal-control self-assessment (filing schema 2). Bundles ingested before this
  // migration are of schema 1, which has no self-assessment: nothing to fill in.
  `
  CREATE TABLE assessment (bundle TEXT NOT NULL REFERENCES bundles(hash), area TEXT NOT NULL, items INTEGER, in_place INTEGER, partly INTEGER, evidenced INTEGER, windows INTEGER, met INTEGER, coverage REAL, evidence REAL, recurrences REAL, readiness REAL, PRIMARY KEY (bundle, area));
  CREATE TABLE plan_measures (bundle TEXT NOT NULL REFERENCES bundles(hash), id TEXT NOT NULL, area TEXT, status TEXT, recurrence TEXT, due TEXT, windows INTEGER, missed INTEGER);
  CREATE INDEX plan_measures_bundle ON plan_measures (bundle);
  `,
  // 3: what of the filer's configuration changed a verdict (filing.json's settings): a re-levelled
  // or disabled rule with its default, its setting and the justification; a threshold or a
  // profile's start with its value. Bundles ingested before it carried none.
  `
  CREATE TABLE settings (bundle TEXT NOT NULL REFERENCES bundles(hash), setting TEXT NOT NULL, value TEXT NOT NULL, default_value TEXT, justification TEXT);
  CREATE INDEX settings_bundle ON settings (bundle);
  `,
  // 4: the trust register (which certificates speak for which filer) and who signed each bundle
  `
  CREATE TABLE trust (fingerprint TEXT NOT NULL, kind TEXT NOT NULL, corporate_number TEXT, subject TEXT NOT NULL, not_after TEXT, der BLOB NOT NULL, added TEXT NOT NULL, added_by TEXT NOT NULL, note TEXT, PRIMARY KEY (fingerprint, corporate_number));
  ALTER TABLE bundles ADD COLUMN signer_subject TEXT;
  ALTER TABLE bundles ADD COLUMN signer_fingerprint TEXT;
  ALTER TABLE bundles ADD COLUMN signing_time TEXT;
  `,
  // 5: progress reports of the plans (build --document progress): a bundle of that kind, its date
  // and period, and its systems and measures as it judged them. Bundles before it were all filings.
  `
  ALTER TABLE bundles ADD COLUMN document TEXT NOT NULL DEFAULT 'filing';
  ALTER TABLE bundles ADD COLUMN as_of TEXT;
  ALTER TABLE bundles ADD COLUMN period_from TEXT;
  CREATE TABLE progress_systems (bundle TEXT NOT NULL REFERENCES bundles(hash), id TEXT NOT NULL, name TEXT, level TEXT, status TEXT NOT NULL, target TEXT, ended TEXT, days_to_target INTEGER, days_to_horizon INTEGER, beyond_horizon INTEGER NOT NULL, late_milestones INTEGER NOT NULL, next_milestone TEXT, next_date TEXT, reason TEXT, late_note TEXT);
  CREATE TABLE progress_measures (bundle TEXT NOT NULL REFERENCES bundles(hash), id TEXT NOT NULL, title TEXT, area TEXT, status TEXT, verdict TEXT NOT NULL, recurrence TEXT, due TEXT, windows INTEGER NOT NULL, missed INTEGER NOT NULL, records INTEGER NOT NULL, note TEXT);
  CREATE INDEX progress_systems_bundle ON progress_systems (bundle);
  CREATE INDEX progress_measures_bundle ON progress_measures (bundle);
  `,
];

export const DB_SCHEMA_VERSION = MIGRATIONS.length;

/** How long a run waits for another that holds the database (ingest and compare at once). */
const BUSY_TIMEOUT_MS = 30_000;

/**
 * Opens the database. It is identified before anything is changed: opened read-only first, a file
 * that is not a taisei database (another SQLite file, or anything else) is refused untouched.
 * `create` (ingest) makes it on first use and migrates it, inside an immediate transaction that
 * re-reads the version (two runs at once: the second finds the tables the first made); without it
 * (compare) the database must exist at the current version, and nothing is ever written.
 */
export function openDatabase(path: string, { create }: { create: boolean }): Database {
  const exists = existsSync(path) && statSync(path).size > 0;
  if (!exists && !create)
    throw new InputOutputError(
      existsSync(path) ? 'regulator.notDatabase' : 'input.unreadable',
      { path, reason: existsSync(path) ? 'empty file' : 'no such file' },
      existsSync(path) ? 'regulator.notDatabase.hint' : 'regulator.missingDatabase.hint',
    );
  if (exists) {
    const probe = open(path, { mustExist: true, readOnly: true });
    let version: number;
    try {
      version = identify(probe, path);
    } finally {
      probe.close();
    }
    if (version > DB_SCHEMA_VERSION)
      throw new InputOutputError('regulator.newerDatabase', { path, version, known: DB_SCHEMA_VERSION }, 'regulator.newerDatabase.hint');
    if (!create) {
      if (version < DB_SCHEMA_VERSION)
        throw new InputOutputError('regulator.olderDatabase', { path, version, known: DB_SCHEMA_VERSION }, 'regulator.olderDatabase.hint');
      return open(path, { mustExist: true, readOnly: true });
    }
  }
  const db = open(path, { mustExist: false });
  try {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA foreign_keys = ON');
    db.transaction(() => {
      // read again under the write lock: another run may have made or migrated it meanwhile
      const version = identify(db, path);
      if (version > DB_SCHEMA_VERSION)
        throw new InputOutputError('regulator.newerDatabase', { path, version, known: DB_SCHEMA_VERSION }, 'regulator.newerDatabase.hint');
      for (let v = version; v < DB_SCHEMA_VERSION; v++) {
        db.exec(MIGRATIONS[v]!);
        db.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
          String(v + 1),
        );
      }
    });
  } catch (error) {
    db.close();
    if (error instanceof InputOutputError) throw error;
    throw notOurs(error, path);
  }
  return db;
}

function open(path: string, options: { mustExist: boolean; readOnly?: boolean }): Database {
  try {
    // every connection waits on another run, the read-only probe too: a run that is making the
    // database holds it for a moment, and a probe that did not wait would take it for a foreign file
    return openSqlite(path, { ...options, busyTimeoutMs: BUSY_TIMEOUT_MS });
  } catch (error) {
    if (error instanceof NoSqlite)
      throw new InputOutputError('regulator.noSqlite', { node: process.versions.node, reason: error.message }, 'regulator.noSqlite.hint');
    throw new InputOutputError(
      'input.unreadable',
      { path, reason: (error as Error).message },
      options.mustExist ? 'regulator.missingDatabase.hint' : 'input.unreadable.hint',
    );
  }
}

/** The taisei schema version of a database (0: a new, empty one); another file is refused. */
function identify(db: Database, path: string): number {
  try {
    const hasMeta = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
    if (!hasMeta) {
      // a SQLite file of something else: leave it alone
      if ((db.prepare('SELECT COUNT(*) AS n FROM sqlite_master').get() as { n: number }).n > 0) throw new Error('no taisei tables');
      return 0;
    }
    return Number((db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value?: string } | undefined)?.value ?? 0);
  } catch (error) {
    throw notOurs(error, path);
  }
}

/** A database still held by another run after the wait is busy, not foreign: say which. */
function notOurs(error: unknown, path: string): InputOutputError {
  const reason = (error as Error).message;
  if (/database is locked|SQLITE_BUSY/i.test(reason) || (error as { code?: string }).code === 'SQLITE_BUSY')
    return new InputOutputError('regulator.busy', { path, seconds: BUSY_TIMEOUT_MS / 1000 }, 'regulator.busy.hint');
  return new InputOutputError('regulator.notDatabase', { path, reason }, 'regulator.notDatabase.hint');
}
