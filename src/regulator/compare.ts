// compare: one row per filer × fiscal year (the current bundle; the submission edition where both
// editions were ingested) with the indicators a regulator reads, and the change against the
// filer's previous year.
import { createRequire } from 'node:module';
import { InputOutputError } from '../errors.js';
import type { Database } from './sqlite.js';
import { readDirectory, readEntry, writeZip } from '../bundle/zip.js';
import { filingSchemas } from '../model/generated/schema-bundle.js';
import { CURRENT_SCHEMA_VERSION } from '../model/generated/schemas.js';
import { internalControl } from '../model/generated/data.js';
import { t, type Lang, type MessageKey } from '../messages/index.js';
import { SchemaIndex, type SchemaNode } from '../model/schema-index.js';

let schema: SchemaIndex | undefined;
/** In Japanese, an enum value as the schema describes it (director → 取締役); otherwise the value. */
function enumLabel(lang: Lang, path: string[], value: string | null): string | null {
  if (lang !== 'ja' || value === null) return value;
  schema ??= new SchemaIndex(filingSchemas[CURRENT_SCHEMA_VERSION] as SchemaNode);
  const node = schema.resolve(schema.at(path));
  return node?.enumDescriptions?.[node.enum?.indexOf(value) ?? -1] ?? value;
}

export interface CompareRow {
  filer: string;
  corporateNumber: string;
  fiscalYear: number;
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

interface Column {
  key: string;
  label: MessageKey;
  /** a header with words that are data (the catalogue's area names) */
  title?: (lang: Lang) => string;
  /** a column group: set apart in the header; `detail` columns fold away in a spreadsheet */
  group?: { id: 'assessment'; detail?: boolean };
  value: (row: CompareRow, lang: Lang) => string | number | null;
}

export const COLUMNS: Column[] = [
  { key: 'filer', label: 'compare.col.filer', value: (r) => r.filer },
  { key: 'corporateNumber', label: 'compare.col.corporateNumber', value: (r) => r.corporateNumber },
  { key: 'fiscalYear', label: 'compare.col.fiscalYear', value: (r) => r.fiscalYear },
  { key: 'edition', label: 'compare.col.edition', value: (r, lang) => t(lang, `cli.build.edition.${r.edition}` as MessageKey) },
  { key: 'profile', label: 'compare.col.profile', value: (r) => r.profile },
  { key: 'systems', label: 'compare.col.systems', value: (r) => r.systems },
  { key: 'sharedNetwork', label: 'compare.col.sharedNetwork', value: (r) => r.sharedNetwork },
  { key: 'sharedHardware', label: 'compare.col.sharedHardware', value: (r) => r.sharedHardware },
  { key: 'sharedSoftware', label: 'compare.col.sharedSoftware', value: (r) => r.sharedSoftware },
  { key: 'latestSeparationTarget', label: 'compare.col.latestSeparationTarget', value: (r) => r.latestSeparationTarget },
  { key: 'logReviews', label: 'compare.col.logReviews', value: (r) => r.logReviews },
  { key: 'unauthorisedAccess', label: 'compare.col.unauthorisedAccess', value: (r) => r.unauthorisedAccess },
  { key: 'findingsNotAppropriate', label: 'compare.col.findingsNotAppropriate', value: (r) => r.findingsNotAppropriate },
  { key: 'findingsCorrected', label: 'compare.col.findingsCorrected', value: (r) => r.findingsCorrected },
  { key: 'trainings', label: 'compare.col.trainings', value: (r) => r.trainings },
  { key: 'completionRate', label: 'compare.col.completionRate', value: (r) => r.completionRate },
  {
    key: 'informationManagerPosition',
    label: 'compare.col.informationManagerPosition',
    value: (r, lang) => enumLabel(lang, ['organisation', 'informationManager', 'position'], r.informationManagerPosition),
  },
  { key: 'monitoringHeadcount', label: 'compare.col.monitoringHeadcount', value: (r) => r.monitoringHeadcount },
  { key: 'ruleFindings', label: 'compare.col.ruleFindings', value: (r) => r.ruleFindings },
  // the internal-control column group
  { key: 'readiness', group: { id: 'assessment', detail: false }, label: 'compare.col.readiness', value: (r) => r.assessment.readiness },
  { key: 'coverage', group: { id: 'assessment', detail: true }, label: 'compare.col.coverage', value: (r) => r.assessment.coverage },
  { key: 'evidence', group: { id: 'assessment', detail: true }, label: 'compare.col.evidence', value: (r) => r.assessment.evidence },
  {
    key: 'periodsMissed',
    group: { id: 'assessment', detail: true },
    label: 'compare.col.periodsMissed',
    value: (r) => r.assessment.periodsMissed,
  },
  {
    key: 'overdueMeasures',
    group: { id: 'assessment', detail: true },
    label: 'compare.col.overdueMeasures',
    value: (r) => r.assessment.overdue,
  },
  {
    key: 'starredMissing',
    group: { id: 'assessment', detail: false },
    label: 'compare.col.starredMissing',
    value: (r) => r.assessment.starredMissing,
  },
  ...internalControl.areas.map((area): Column => ({
    key: `readiness:${area.id}`,
    group: { id: 'assessment', detail: true },
    label: 'compare.col.areaReadiness',
    title: (lang) => t(lang, 'compare.col.areaReadiness', { area: lang === 'ja' ? area.ja : area.en }),
    value: (r) => r.assessment.areas[area.id] ?? null,
  })),
  { key: 'changeSystems', label: 'compare.col.changeSystems', value: (r) => r.change.systems },
  { key: 'changeShared', label: 'compare.col.changeShared', value: (r) => r.change.shared },
  { key: 'changeUnauthorised', label: 'compare.col.changeUnauthorised', value: (r) => r.change.unauthorisedAccess },
  { key: 'changeFindings', label: 'compare.col.changeFindings', value: (r) => r.change.findingsNotAppropriate },
  { key: 'changeCompletion', label: 'compare.col.changeCompletion', value: (r) => r.change.completionRate },
  { key: 'changeReadiness', label: 'compare.col.changeReadiness', value: (r) => r.change.readiness },
];

export function compareRows(db: Database, fiscalYear?: number): CompareRow[] {
  // the current bundle per filer and year, the submission edition preferred
  const chosen = db
    .prepare(
      `SELECT b.* FROM bundles b WHERE b.current = 1 AND NOT EXISTS (
         SELECT 1 FROM bundles o WHERE o.current = 1 AND o.filer_number = b.filer_number AND o.fiscal_year = b.fiscal_year AND o.edition = 'submission' AND b.edition = 'public')
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
    const ruleFindings = one<{ n: number }>('SELECT COUNT(*) n FROM rule_findings WHERE bundle = ?', b.hash);
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
      ruleFindings: ruleFindings.n,
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

const headers = (lang: Lang) => COLUMNS.map((c) => c.title?.(lang) ?? t(lang, c.label));

/**
 * A text a spreadsheet would take for a formula (= + - @, or a tab or carriage return first) gets a
 * leading apostrophe, as OWASP advises for CSV injection: a filer's name cannot run in the
 * regulator's Excel. Numbers are numbers, never prefixed. (The xlsx writes every text as a string
 * cell, which Excel never evaluates.)
 */
export function neutralised(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toCsv(rows: CompareRow[], lang: Lang): Buffer {
  const cell = (v: string | number | null) => {
    const s = neutralised(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [headers(lang).map(cell).join(','), ...rows.map((r) => COLUMNS.map((c) => cell(c.value(r, lang))).join(','))];
  // a BOM so that Excel reads the file as UTF-8
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function toHtml(rows: CompareRow[], lang: Lang): Buffer {
  const title = t(lang, 'compare.title');
  const head = headers(lang)
    .map((h, i) => `<th data-col="${i}" scope="col"${COLUMNS[i]!.group ? ` class="${COLUMNS[i]!.group!.id}"` : ''}>${escapeHtml(h)}</th>`)
    .join('');
  const body = rows
    .map(
      (r) =>
        `<tr>${COLUMNS.map((c) => {
          const v = c.value(r, lang);
          return `<td${typeof v === 'number' ? ' class="n"' : ''}>${v === null ? '' : escapeHtml(String(v))}</td>`;
        }).join('')}</tr>`,
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: "Noto Sans JP", "Hiragino Sans", "Yu Gothic", sans-serif; margin: 1.5rem; color: #222; }
table { border-collapse: collapse; font-size: 0.85rem; }
th, td { border: 1px solid #999; padding: 0.25rem 0.5rem; }
th { background: #eee; position: sticky; top: 0; cursor: pointer; }
th.assessment { background: #dde8f3; }
th[aria-sort="ascending"]::after { content: " ▲"; } th[aria-sort="descending"]::after { content: " ▼"; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr:nth-child(even) td { background: #fafafa; }
@media print { th { position: static; cursor: auto; } body { margin: 0; } table { font-size: 8pt; } }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(t(lang, 'compare.note', { n: rows.length }))}</p>
<table id="compare"><thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody></table>
<script>
document.querySelectorAll('#compare th').forEach(function (th) {
  th.addEventListener('click', function () {
    var col = Number(th.dataset.col), asc = th.getAttribute('aria-sort') !== 'ascending';
    document.querySelectorAll('#compare th').forEach(function (o) { o.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
    var tbody = document.querySelector('#compare tbody');
    var rows = Array.prototype.slice.call(tbody.rows);
    rows.sort(function (a, b) {
      var x = a.cells[col].textContent, y = b.cells[col].textContent, nx = parseFloat(x), ny = parseFloat(y);
      var c = !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y, 'ja');
      return asc ? c : -c;
    });
    rows.forEach(function (r) { tbody.appendChild(r); });
  });
});
</script>
</body>
</html>
`;
  return Buffer.from(html, 'utf8');
}

export async function toXlsx(rows: CompareRow[], lang: Lang): Promise<Buffer> {
  // required, not imported: the launcher runs this bundle through vm.Script (bin/taisei.js)
  let ExcelJS: typeof import('exceljs');
  try {
    ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');
  } catch (error) {
    // an optional peer: the regulator installs it beside taisei; a filer never needs it
    if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
    throw new InputOutputError('regulator.noExcel', {}, 'regulator.noExcel.hint');
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'taisei';
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const sheet = workbook.addWorksheet(t(lang, 'compare.sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  const titles = headers(lang);
  sheet.columns = COLUMNS.map((c, i) => ({ header: titles[i], key: c.key, width: Math.max(10, Math.min(40, titles[i]!.length * 2 + 2)) }));
  for (const r of rows) sheet.addRow(Object.fromEntries(COLUMNS.map((c) => [c.key, c.value(r, lang)])));
  sheet.getRow(1).font = { bold: true };
  // the internal-control column group: its headers shaded, its details foldable (Data › Group)
  COLUMNS.forEach((c, i) => {
    if (!c.group) return;
    sheet.getRow(1).getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE8F3' } };
    if (c.group.detail) sheet.getColumn(i + 1).outlineLevel = 1;
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  // exceljs stamps each zip entry with the time of writing; re-pack with fixed times (and the
  // bundle writer's fixed compression) so the same database always gives the same bytes
  const zip = Buffer.from(await workbook.xlsx.writeBuffer());
  return writeZip(
    readDirectory(zip)
      .filter((entry) => !entry.name.endsWith('/'))
      .map((entry) => ({ name: entry.name, data: readEntry(zip, entry) })),
  );
}
