// The regulator's trust register, kept in its database: trusted issuers (CA certificates whose
// certificates speak for the 法人番号 in their subjects), certificates pinned for one filer's
// 法人番号, and the CRLs the regulator supplies; each with who added it and when. ingest reads it.
import { createHash } from 'node:crypto';
import type { Database } from './sqlite.js';
import { certificateInfo, trustEntryOf, type TrustRegister } from '../bundle/x509.js';

export type TrustKind = 'issuer' | 'pinned' | 'crl';

export interface TrustEntry {
  fingerprint: string;
  kind: TrustKind;
  corporateNumber: string | null;
  subject: string;
  notAfter: string | null;
  added: string;
  addedBy: string;
  note: string | null;
}

export class TrustError extends Error {
  constructor(
    readonly reason: 'notIssuer' | 'noNumber' | 'exists' | 'notFound',
    readonly detail = '',
  ) {
    super(reason);
    this.name = 'TrustError';
  }
}

/**
 * Adds a certificate: a CA's as a trusted issuer, any other pinned for `pin` (or the 法人番号 its
 * subject carries). Returns what was added.
 */
export function addCertificate(db: Database, der: Buffer, options: { pin?: string; by: string; note?: string; now: Date }): TrustEntry {
  const info = certificateInfo(der);
  const standing = trustEntryOf(der, options.pin);
  if (standing.kind === 'issuer' && options.pin) throw new TrustError('notIssuer', info.subject);
  if (standing.kind === 'unpinnable') throw new TrustError('noNumber', info.subject);
  const kind: TrustKind = standing.kind;
  const number = standing.kind === 'pinned' ? standing.corporateNumber : null;
  const known = db.prepare('SELECT 1 FROM trust WHERE fingerprint = ? AND corporate_number IS ?').get(info.fingerprint, number);
  if (known) throw new TrustError('exists', info.fingerprint);
  const entry: TrustEntry = {
    fingerprint: info.fingerprint,
    kind,
    corporateNumber: number,
    subject: info.subject,
    notAfter: info.notAfter,
    added: options.now.toISOString(),
    addedBy: options.by,
    note: options.note ?? null,
  };
  db.prepare('INSERT INTO trust VALUES (?,?,?,?,?,?,?,?,?)').run(
    entry.fingerprint,
    kind,
    number,
    entry.subject,
    entry.notAfter,
    der,
    entry.added,
    entry.addedBy,
    entry.note,
  );
  return entry;
}

/** Adds a CRL (its bytes as given); its issuer must be in the register when it is used. */
export function addCrl(db: Database, bytes: Buffer, options: { by: string; note?: string; now: Date }): TrustEntry {
  const fingerprint = createHash('sha256').update(bytes).digest('hex');
  if (db.prepare("SELECT 1 FROM trust WHERE fingerprint = ? AND kind = 'crl'").get(fingerprint))
    throw new TrustError('exists', fingerprint);
  const entry: TrustEntry = {
    fingerprint,
    kind: 'crl',
    corporateNumber: null,
    subject: 'CRL',
    notAfter: null,
    added: options.now.toISOString(),
    addedBy: options.by,
    note: options.note ?? null,
  };
  db.prepare('INSERT INTO trust VALUES (?,?,?,?,?,?,?,?,?)').run(
    fingerprint,
    'crl',
    null,
    'CRL',
    null,
    bytes,
    entry.added,
    entry.addedBy,
    entry.note,
  );
  return entry;
}

/** Removes every entry with this fingerprint (or a prefix of at least 8 hex digits of it); returns how many. */
export function removeEntry(db: Database, fingerprint: string): number {
  const pattern = /^[0-9a-f]{8,64}$/i.test(fingerprint) ? `${fingerprint.toLowerCase()}%` : undefined;
  if (!pattern) throw new TrustError('notFound', fingerprint);
  const { changes } = db.prepare('DELETE FROM trust WHERE fingerprint LIKE ?').run(pattern) as { changes: number };
  if (Number(changes) === 0) throw new TrustError('notFound', fingerprint);
  return Number(changes);
}

export function listEntries(db: Database): TrustEntry[] {
  return (
    db
      .prepare(
        'SELECT fingerprint, kind, corporate_number corporateNumber, subject, not_after notAfter, added, added_by addedBy, note FROM trust ORDER BY kind, corporate_number, added',
      )
      .all() as TrustEntry[]
  ).map((e) => ({ ...e }));
}

/** The register as verify uses it. */
export function trustRegister(db: Database): TrustRegister {
  const rows = db.prepare('SELECT kind, corporate_number, der FROM trust').all() as {
    kind: TrustKind;
    corporate_number: string | null;
    der: Uint8Array;
  }[];
  const register: TrustRegister = { issuers: [], pinned: [], crls: [] };
  for (const row of rows) {
    const der = Buffer.from(row.der);
    if (row.kind === 'issuer') register.issuers.push(der);
    else if (row.kind === 'pinned') register.pinned.push({ corporateNumber: row.corporate_number!, certificate: der });
    else register.crls.push(der);
  }
  return register;
}
