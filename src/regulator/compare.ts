// compare: one row per filer × fiscal year (the current bundle; the submission edition where both
// editions were ingested) with the indicators a regulator reads, and the change against the
// filer's previous year.
import { InputOutputError } from '../errors.js';
import type { Database } from './sqlite.js';
import { repack } from '../bundle/zip.js';
import { filingSchema } from '../model/generated/schema-bundle.js';
import { CURRENT_SCHEMA_VERSION } from '../model/generated/schemas.js';
import { internalControl } from '../model/generated/data.js';
import { t, type Lang, type MessageKey } from '../messages/index.js';
import { SchemaIndex, type SchemaNode } from '../model/schema-index.js';
import { SEPARATION_HORIZON } from '../model/orders.js';
import { daysBetween } from '../model/dates.js';
import { exceljs, neutralised } from '../util/excel.js';
import { displayWidth } from '../util/width.js';

/**
 * The horizon of the 2023 orders: shared systems were to be separated within about three years of
 * 2023-04-17 (the same day systems/separation-target holds a filer's target to).
 */
export const HORIZON = SEPARATION_HORIZON;

/** A system that holds 非公開情報 and is still shared at some level in a filing. */
export interface SharedSystem {
  id: string;
  name: string | null;
  level: string;
  target: string | null;
}

export { daysBetween };

let schema: SchemaIndex | undefined;
/** In Japanese, an enum value as the schema describes it (director → 取締役); otherwise the value. */
export function enumLabel(lang: Lang, path: string[], value: string | null): string | null {
  if (lang !== 'ja' || value === null) return value;
  schema ??= new SchemaIndex(filingSchema(CURRENT_SCHEMA_VERSION) as SchemaNode);
  const node = schema.resolve(schema.at(path));
  return node?.enumDescriptions?.[node.enum?.indexOf(value) ?? -1] ?? value;
}

export interface CompareRow {
  filer: string;
  corporateNumber: string;
  fiscalYear: number;
  /** the submission date the filing gives (the bundle's created) */
  submitted: string;
  /** whether the bundle was signed, and by whom (its certificate's subject; null: an Ed25519 key) */
  signature: { signed: boolean; signer: string | null };
  edition: string;
  profile: string;
  systems: number;
  sharedNetwork: number;
  sharedHardware: number;
  sharedSoftware: number;
  latestSeparationTarget: string | null;
  logReviews: number;
  unauthorisedAccess: number;
  findingsNotAppropriate: number;
  findingsCorrected: number;
  trainings: number;
  completionRate: number | null;
  informationManagerPosition: string | null;
  monitoringHeadcount: number | null;
  ruleFindings: number;
  /**
   * What of the filer's configuration changed a verdict: each rule it re-levelled or turned off,
   * with its default and the filer's justification, and any threshold it set.
   */
  settings: { setting: string; value: string; defaultValue: string | null; justification: string | null }[];
  /** Each finding of the filing rules (the filer's own report), for the per-filer page. */
  findings: { code: string; severity: string; message: string }[];
  /** The systems still shared, with their separation targets. */
  shared: SharedSystem[];
  /** The separation-deadline view: what is still shared against the 2023 orders' horizon. */
  deadline: {
    /** shared systems whose target lies after the horizon, or that have none */
    pastHorizon: number;
    /** the most days a target lies after the horizon (null: none after it) */
    daysPast: number | null;
    /** shared systems past their own target at the fiscal year's end (systems/separation-overdue) */
    overdue: number;
  };
  /** The internal-control self-assessment (null where the filing has none). */
  assessment: {
    readiness: number | null;
    coverage: number | null;
    evidence: number | null;
    /** recurrence periods with nothing to show for them */
    periodsMissed: number | null;
    /** plan measures past their due date (before the submission date) and not done */
    overdue: number | null;
    /** ★ check items not addressed (assessment/starred-items findings) */
    starredMissing: number;
    /** readiness by area id */
    areas: Record<string, number | null>;
  };
  /** Differences from the same filer's previous fiscal year in the database. */
  change: {
    systems: number | null;
    shared: number | null;
    unauthorisedAccess: number | null;
    findingsNotAppropriate: number | null;
    completionRate: number | null;
    readiness: number | null;
  };
}

/** How a column's values are kept in a spreadsheet and set in a table. */
export type ColumnKind = 'text' | 'code' | 'year' | 'integer' | 'number' | 'percent' | 'date' | 'delta';

export type ColumnGroup = 'filing' | 'systems' | 'deadline' | 'monitoring' | 'assessment' | 'change';

export interface Column<R = CompareRow> {
  key: string;
  label: MessageKey;
  /** a header with words that are data (the catalogue's area names) */
  title?: (lang: Lang) => string;
  /** its column group (a header over its columns); `detail` columns fold away in a spreadsheet */
  group: { id: ColumnGroup; detail?: boolean };
  /** one of the few columns the HTML report shows at first (the rest one click away) */
  main?: true;
  /** text by default; a code (法人番号) stays text where a spreadsheet would take it for a number */
  kind?: ColumnKind;
  value: (row: R, lang: Lang) => string | number | null;
}

export const COLUMNS: Column[] = [
  { key: 'filer', group: { id: 'filing' }, main: true, label: 'compare.col.filer', value: (r) => r.filer },
  {
    key: 'corporateNumber',
    group: { id: 'filing' },
    main: true,
    kind: 'code',
    label: 'compare.col.corporateNumber',
    value: (r) => r.corporateNumber,
  },
  { key: 'fiscalYear', group: { id: 'filing' }, main: true, kind: 'year', label: 'compare.col.fiscalYear', value: (r) => r.fiscalYear },
  { key: 'submitted', group: { id: 'filing' }, main: true, kind: 'date', label: 'compare.col.submitted', value: (r) => r.submitted },
  {
    key: 'signature',
    group: { id: 'filing' },
    main: true,
    label: 'compare.col.signature',
    value: (r, lang) =>
      !r.signature.signed
        ? t(lang, 'compare.signature.unsigned')
        : r.signature.signer
          ? t(lang, 'compare.signature.by', { signer: r.signature.signer })
          : t(lang, 'compare.signature.key'),
  },
  {
    key: 'edition',
    group: { id: 'filing' },
    label: 'compare.col.edition',
    value: (r, lang) => t(lang, `cli.build.edition.${r.edition}` as MessageKey),
  },
  { key: 'profile', group: { id: 'filing' }, label: 'compare.col.profile', value: (r) => r.profile },
  { key: 'systems', group: { id: 'systems' }, main: true, kind: 'integer', label: 'compare.col.systems', value: (r) => r.systems },
  { key: 'sharedNetwork', group: { id: 'systems' }, kind: 'integer', label: 'compare.col.sharedNetwork', value: (r) => r.sharedNetwork },
  { key: 'sharedHardware', group: { id: 'systems' }, kind: 'integer', label: 'compare.col.sharedHardware', value: (r) => r.sharedHardware },
  { key: 'sharedSoftware', group: { id: 'systems' }, kind: 'integer', label: 'compare.col.sharedSoftware', value: (r) => r.sharedSoftware },
  {
    key: 'latestSeparationTarget',
    main: true,
    group: { id: 'deadline' },
    kind: 'date',
    label: 'compare.col.latestSeparationTarget',
    value: (r) => r.latestSeparationTarget,
  },
  {
    key: 'sharedPastHorizon',
    main: true,
    group: { id: 'deadline' },
    kind: 'integer',
    label: 'compare.col.sharedPastHorizon',
    value: (r) => r.deadline.pastHorizon,
  },
  {
    key: 'daysPastHorizon',
    group: { id: 'deadline' },
    kind: 'integer',
    label: 'compare.col.daysPastHorizon',
    value: (r) => r.deadline.daysPast,
  },
  {
    key: 'separationOverdue',
    group: { id: 'deadline' },
    kind: 'integer',
    label: 'compare.col.separationOverdue',
    value: (r) => r.deadline.overdue,
  },
  { key: 'logReviews', group: { id: 'monitoring' }, kind: 'integer', label: 'compare.col.logReviews', value: (r) => r.logReviews },
  {
    key: 'unauthorisedAccess',
    group: { id: 'monitoring' },
    kind: 'integer',
    label: 'compare.col.unauthorisedAccess',
    value: (r) => r.unauthorisedAccess,
  },
  {
    key: 'findingsNotAppropriate',
    main: true,
    group: { id: 'monitoring' },
    kind: 'integer',
    label: 'compare.col.findingsNotAppropriate',
    value: (r) => r.findingsNotAppropriate,
  },
  {
    key: 'findingsCorrected',
    group: { id: 'monitoring' },
    kind: 'integer',
    label: 'compare.col.findingsCorrected',
    value: (r) => r.findingsCorrected,
  },
  { key: 'trainings', group: { id: 'monitoring' }, kind: 'integer', label: 'compare.col.trainings', value: (r) => r.trainings },
  {
    key: 'completionRate',
    group: { id: 'monitoring' },
    kind: 'percent',
    label: 'compare.col.completionRate',
    value: (r) => r.completionRate,
  },
  {
    key: 'informationManagerPosition',
    group: { id: 'monitoring' },
    label: 'compare.col.informationManagerPosition',
    value: (r, lang) => enumLabel(lang, ['organisation', 'informationManager', 'position'], r.informationManagerPosition),
  },
  {
    key: 'monitoringHeadcount',
    group: { id: 'monitoring' },
    kind: 'integer',
    label: 'compare.col.monitoringHeadcount',
    value: (r) => r.monitoringHeadcount,
  },
  {
    key: 'ruleFindings',
    group: { id: 'monitoring' },
    main: true,
    kind: 'integer',
    label: 'compare.col.ruleFindings',
    value: (r) => r.ruleFindings,
  },
  {
    key: 'settings',
    group: { id: 'monitoring' },
    label: 'compare.col.settings',
    value: (r, lang) =>
      r.settings.length === 0
        ? null
        : r.settings
            .map((s) =>
              t(lang, s.justification ? 'compare.setting.justified' : 'compare.setting', {
                setting: s.setting.replace(/^rules\//, ''),
                from: s.defaultValue ?? '—',
                to: s.value,
                justification: s.justification ?? '',
              }),
            )
            .join('\n'),
  },
  // the internal-control column group
  {
    key: 'readiness',
    main: true,
    group: { id: 'assessment', detail: false },
    kind: 'number',
    label: 'compare.col.readiness',
    value: (r) => r.assessment.readiness,
  },
  {
    key: 'coverage',
    group: { id: 'assessment', detail: true },
    kind: 'percent',
    label: 'compare.col.coverage',
    value: (r) => r.assessment.coverage,
  },
  {
    key: 'evidence',
    group: { id: 'assessment', detail: true },
    kind: 'percent',
    label: 'compare.col.evidence',
    value: (r) => r.assessment.evidence,
  },
  {
    key: 'periodsMissed',
    group: { id: 'assessment', detail: true },
    kind: 'integer',
    label: 'compare.col.periodsMissed',
    value: (r) => r.assessment.periodsMissed,
  },
  {
    key: 'overdueMeasures',
    group: { id: 'assessment', detail: true },
    kind: 'integer',
    label: 'compare.col.overdueMeasures',
    value: (r) => r.assessment.overdue,
  },
  {
    key: 'starredMissing',
    group: { id: 'assessment', detail: false },
    kind: 'integer',
    label: 'compare.col.starredMissing',
    value: (r) => r.assessment.starredMissing,
  },
  ...internalControl.areas.map((area): Column => ({
    key: `readiness:${area.id}`,
    group: { id: 'assessment', detail: true },
    kind: 'number',
    label: 'compare.col.areaReadiness',
    title: (lang) => t(lang, 'compare.col.areaReadiness', { area: lang === 'ja' ? area.ja : area.en }),
    value: (r) => r.assessment.areas[area.id] ?? null,
  })),
  { key: 'changeSystems', group: { id: 'change' }, kind: 'delta', label: 'compare.col.changeSystems', value: (r) => r.change.systems },
  { key: 'changeShared', group: { id: 'change' }, kind: 'delta', label: 'compare.col.changeShared', value: (r) => r.change.shared },
  {
    key: 'changeUnauthorised',
    group: { id: 'change' },
    kind: 'delta',
    label: 'compare.col.changeUnauthorised',
    value: (r) => r.change.unauthorisedAccess,
  },
  {
    key: 'changeFindings',
    group: { id: 'change' },
    kind: 'delta',
    label: 'compare.col.changeFindings',
    value: (r) => r.change.findingsNotAppropriate,
  },
  {
    key: 'changeCompletion',
    group: { id: 'change' },
    kind: 'delta',
    label: 'compare.col.changeCompletion',
    value: (r) => r.change.completionRate,
  },
  {
    key: 'changeReadiness',
    group: { id: 'change' },
    kind: 'delta',
    label: 'compare.col.changeReadiness',
    value: (r) => r.change.readiness,
  },
];

export function compareRows(db: Database, fiscalYear?: number): CompareRow[] {
  // the current bundle per filer and year, the submission edition preferred
  const chosen = db
    .prepare(
      `SELECT b.* FROM bundles b WHERE b.current = 1 AND b.document = 'filing' AND NOT EXISTS (
         SELECT 1 FROM bundles o WHERE o.current = 1 AND o.document = 'filing' AND o.filer_number = b.filer_number AND o.fiscal_year = b.fiscal_year AND o.edition = 'submission' AND b.edition = 'public')
       ORDER BY b.filer_number, b.fiscal_year`,
    )
    .all() as {
    hash: string;
    filer_name: string;
    filer_number: string;
    fiscal_year: number;
    edition: string;
    profile: string;
    created: string;
    signed: number;
    signer_subject: string | null;
  }[];
  const one = <T>(sql: string, hash: string) => db.prepare(sql).get(hash) as T;
  const rows = chosen.map((b): CompareRow => {
    const systems = one<{ total: number; network: number; hardware: number; software: number; target: string | null }>(
      `SELECT COUNT(*) total, SUM(sharing_level = 'network') network, SUM(sharing_level = 'hardware') hardware, SUM(sharing_level = 'software') software, MAX(CASE WHEN sharing_level != 'none' THEN separation_target END) target FROM systems WHERE bundle = ? AND holds_non_public != 0`,
      b.hash,
    );
    const reviews = one<{ n: number; unauthorised: number | null }>(
      'SELECT COUNT(*) n, SUM(unauthorised_access) unauthorised FROM log_reviews WHERE bundle = ?',
      b.hash,
    );
    const findings = one<{ n: number }>("SELECT COUNT(*) n FROM findings WHERE bundle = ? AND verdict = 'not-appropriate'", b.hash);
    const corrected = one<{ n: number }>("SELECT COUNT(*) n FROM corrections WHERE bundle = ? AND outcome = 'taken'", b.hash);
    const trainings = one<{ n: number; targeted: number | null; participants: number | null }>(
      'SELECT COUNT(*) n, SUM(targeted) targeted, SUM(participants) participants FROM trainings WHERE bundle = ?',
      b.hash,
    );
    const manager = one<{ position: string | null } | undefined>(
      "SELECT position FROM officers WHERE bundle = ? AND role = 'informationManager'",
      b.hash,
    );
    const organisation = one<{ monitoring_headcount: number | null } | undefined>(
      'SELECT monitoring_headcount FROM organisation WHERE bundle = ?',
      b.hash,
    );
    const filed = db
      .prepare('SELECT code, severity, message FROM rule_findings WHERE bundle = ? ORDER BY rowid')
      .all(b.hash) as CompareRow['findings'];
    const shared = db
      .prepare(
        "SELECT id, name, sharing_level level, separation_target target FROM systems WHERE bundle = ? AND holds_non_public != 0 AND sharing_level IS NOT NULL AND sharing_level != 'none' ORDER BY id",
      )
      .all(b.hash) as SharedSystem[];
    const late = shared.filter((x) => x.target === null || x.target > HORIZON);
    const past = late.filter((x) => x.target !== null).map((x) => daysBetween(HORIZON, x.target!));
    const scores = db.prepare('SELECT area, coverage, evidence, readiness, windows, met FROM assessment WHERE bundle = ?').all(b.hash) as {
      area: string;
      coverage: number | null;
      evidence: number | null;
      readiness: number | null;
      windows: number;
      met: number;
    }[];
    const overall = scores.find((x) => x.area === 'overall');
    const overdue = db
      .prepare("SELECT COUNT(*) n FROM plan_measures WHERE bundle = ? AND due < ? AND (status IS NULL OR status != 'done')")
      .get(b.hash, b.created) as { n: number };
    const starred = one<{ n: number }>(
      "SELECT COUNT(*) n FROM rule_findings WHERE bundle = ? AND code = 'assessment/starred-items'",
      b.hash,
    );
    const rate = trainings.targeted ? Math.round(((trainings.participants ?? 0) / trainings.targeted) * 1000) / 10 : null;
    return {
      filer: b.filer_name,
      corporateNumber: b.filer_number,
      submitted: b.created,
      signature: { signed: b.signed !== 0, signer: b.signer_subject ?? null },
      fiscalYear: b.fiscal_year,
      edition: b.edition,
      profile: b.profile,
      systems: systems.total,
      sharedNetwork: systems.network ?? 0,
      sharedHardware: systems.hardware ?? 0,
      sharedSoftware: systems.software ?? 0,
      latestSeparationTarget: systems.target,
      logReviews: reviews.n,
      unauthorisedAccess: reviews.unauthorised ?? 0,
      findingsNotAppropriate: findings.n,
      findingsCorrected: corrected.n,
      trainings: trainings.n,
      completionRate: rate,
      informationManagerPosition: manager?.position ?? null,
      monitoringHeadcount: organisation?.monitoring_headcount ?? null,
      ruleFindings: filed.length,
      findings: filed,
      settings: db
        .prepare('SELECT setting, value, default_value defaultValue, justification FROM settings WHERE bundle = ? ORDER BY rowid')
        .all(b.hash) as CompareRow['settings'],
      shared,
      deadline: {
        pastHorizon: late.length,
        daysPast: past.length > 0 ? Math.max(...past) : null,
        overdue: filed.filter((f) => f.code === 'systems/separation-overdue').length,
      },
      assessment: {
        readiness: overall?.readiness ?? null,
        coverage: overall?.coverage ?? null,
        evidence: overall?.evidence ?? null,
        periodsMissed: overall ? overall.windows - overall.met : null,
        overdue: overall ? overdue.n : null,
        starredMissing: starred.n,
        areas: Object.fromEntries(scores.filter((x) => x.area !== 'overall').map((x) => [x.area, x.readiness])),
      },
      change: {
        systems: null,
        shared: null,
        unauthorisedAccess: null,
        findingsNotAppropriate: null,
        completionRate: null,
        readiness: null,
      },
    };
  });
  for (const row of rows) {
    const previous = rows.find((r) => r.corporateNumber === row.corporateNumber && r.fiscalYear === row.fiscalYear - 1);
    if (!previous) continue;
    const shared = (r: CompareRow) => r.sharedNetwork + r.sharedHardware + r.sharedSoftware;
    row.change = {
      systems: row.systems - previous.systems,
      shared: shared(row) - shared(previous),
      unauthorisedAccess: row.unauthorisedAccess - previous.unauthorisedAccess,
      findingsNotAppropriate: row.findingsNotAppropriate - previous.findingsNotAppropriate,
      completionRate:
        row.completionRate !== null && previous.completionRate !== null
          ? Math.round((row.completionRate - previous.completionRate) * 10) / 10
          : null,
      readiness:
        row.assessment.readiness !== null && previous.assessment.readiness !== null
          ? Math.round((row.assessment.readiness - previous.assessment.readiness) * 10) / 10
          : null,
    };
  }
  return fiscalYear === undefined ? rows : rows.filter((r) => r.fiscalYear === fiscalYear);
}

export const headers = <R = CompareRow>(lang: Lang, columns: readonly Column<R>[] = COLUMNS as unknown as Column<R>[]) =>
  columns.map((c) => c.title?.(lang) ?? t(lang, c.label));

/**
 * CSV as Excel and LibreOffice read it. A code (法人番号) is written as a formula that yields text,
 * ="4010401000001": both take it whole, where a bare 13-digit field would become a number (in Excel,
 * 4.0104E+12) and lose a leading zero. Only digits are written so; any other text is neutralised.
 */
export function toCsv<R = CompareRow>(
  rows: readonly R[],
  lang: Lang,
  columns: readonly Column<R>[] = COLUMNS as unknown as Column<R>[],
): Buffer {
  const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const cell = (column: Column<R> | undefined, v: string | number | null) =>
    // unquoted, as Excel writes it: a quoted one is read as text in some importers, ="…" and all
    column?.kind === 'code' && typeof v === 'string' && /^\d+$/.test(v) ? `="${v}"` : quote(neutralised(v));
  const lines = [
    headers(lang, columns)
      .map((h) => cell(undefined, h))
      .join(','),
    ...rows.map((r) => columns.map((c) => cell(c, c.value(r, lang))).join(',')),
  ];
  // a BOM so that Excel reads the file as UTF-8
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}

export async function toXlsx<R = CompareRow>(
  rows: readonly R[],
  lang: Lang,
  columns: readonly Column<R>[] = COLUMNS as unknown as Column<R>[],
  sheetName: string = t(lang, 'compare.sheet'),
): Promise<Buffer> {
  // the regulator installs it beside taisei; a filer never needs it
  const ExcelJS = exceljs();
  if (!ExcelJS) throw new InputOutputError('regulator.noExcel', {}, 'regulator.noExcel.hint');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'taisei';
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const sheet = workbook.addWorksheet(sheetName, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }],
    // printed: landscape A4, every column on one page's width, the header row on every page
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  const titles = headers(lang, columns);
  const cellValue = (c: Column<R>, v: string | number | null): string | number | Date | null => {
    if (v === null) return null;
    if (c.kind === 'percent' && typeof v === 'number') return Math.round(v * 10) / 1000;
    if (c.kind === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(`${v}T00:00:00Z`);
    return v;
  };
  const FORMATS: Partial<Record<ColumnKind, string>> = {
    code: '@',
    year: '0',
    integer: '0',
    number: '0.0',
    percent: '0.0%',
    date: 'yyyy-mm-dd',
    delta: '+0.0;-0.0;0',
  };
  // widths from the content: the widest value, or half the header (it wraps onto two lines)
  sheet.columns = columns.map((c, i) => {
    const values = rows.map((r) => {
      const v = c.value(r, lang);
      return v === null ? '' : c.kind === 'percent' ? `${v}%` : String(v);
    });
    const widest = Math.max(0, ...values.map(displayWidth));
    const width = Math.min(60, Math.max(8, widest + 2, Math.ceil(displayWidth(titles[i]!) / 2) + 2));
    return { header: titles[i], key: c.key, width, style: FORMATS[c.kind ?? 'text'] ? { numFmt: FORMATS[c.kind ?? 'text'] } : {} };
  });
  for (const r of rows) sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, cellValue(c, c.value(r, lang))])));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  header.height = 32;
  // the internal-control column group: its headers shaded, its details foldable (Data › Group)
  columns.forEach((c, i) => {
    if (c.group.id !== 'assessment') return;
    header.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE8F3' } };
    if (c.group.detail) sheet.getColumn(i + 1).outlineLevel = 1;
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  // exceljs stamps each zip entry with the time of writing; re-pack with fixed times (and the
  // bundle writer's fixed compression) so the same database always gives the same bytes
  return repack(Buffer.from(await workbook.xlsx.writeBuffer()));
}
