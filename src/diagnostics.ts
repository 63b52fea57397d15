// A diagnostic is a value, never a thrown error: every stage returns the ones it found and the
// pipeline reports them all at once.

export type Severity = 'error' | 'warning' | 'info';

export interface Position {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface RelatedLocation extends Partial<Position> {
  message: string;
  /** JSON pointer of the related value; its position is filled in with the diagnostic's. */
  pointer?: string;
}

export interface Diagnostic extends Partial<Position> {
  /** Stable code, e.g. "schema/required" or a rule id such as "corrections/finding-has-correction". */
  code: string;
  severity: Severity;
  message: string;
  /** How to fix it, in the same language as the message. */
  hint?: string;
  /** JSON pointer into the merged filing, when the problem is about a value. */
  pointer?: string;
  /** Point at the key of the value (unknown keys) rather than the value itself. */
  target?: 'key' | 'value';
  related?: RelatedLocation[];
  /** In a workbook: the sheet and cell (記録!C57); line and column are then its row and column. */
  cell?: string;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

/** Order for output: by file, then line, then column, then code. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file ?? '').localeCompare(b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    a.code.localeCompare(b.code)
  );
}

/** What verify proved of one file that passed: whose filing, which year and edition, signed by whom. */
export interface VerifiedFiling {
  file: string;
  filer: { name: string; corporateNumber: string };
  fiscalYear: number;
  edition: string;
  profile: string;
  /** a progress report: the date it is as of and the period it covers (absent for the annual filing) */
  progress?: { asOf: string; period: { from: string; to: string } };
  /** the certificate that signed it, or the Ed25519 key (the former way), or null: unsigned */
  signature:
    | {
        kind: 'certificate';
        subject: string;
        issuer: string;
        /** SHA-256 of the certificate, hex */
        fingerprint: string;
        signingTime?: string;
        /** how a trust register vouches for the certificate; absent where none was given */
        trusted?: 'pinned' | 'issuer';
      }
    | { kind: 'ed25519'; checked: boolean }
    | null;
  /** the checks it passed, in the order made */
  checks: string[];
}
