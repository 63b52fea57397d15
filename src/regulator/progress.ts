// compare --document progress: the view the regulator follows the 2023 orders up with. One row per
// shared system of each current progress report (every filer, every as-of date, so a system's
// status reads over time), and one per measure reported late. As a spreadsheet or CSV, and as a page:
// for each filer, its systems against their targets and the horizon at each date, then its late measures.
import { t, type Lang, type MessageKey } from '../messages/index.js';
import type { Database } from './sqlite.js';
import { HORIZON, enumLabel, type Column } from './compare.js';
import { asOfLine, escapeHtml, groupByFiler, page, type PageSource } from './report-html.js';

export interface ProgressRow {
  filer: string;
  corporateNumber: string;
  asOf: string;
  periodFrom: string;
  edition: string;
  signed: boolean;
  kind: 'system' | 'measure';
  id: string;
  name: string | null;
  /** a system's sharing level; a measure's area */
  level: string | null;
  /** separated, on-track, late, no-plan; a measure's verdict (late) */
  status: string;
  target: string | null;
  /** the day a system's sharing ended */
  ended: string | null;
  daysToTarget: number | null;
  daysToHorizon: number | null;
  beyondHorizon: boolean;
  lateMilestones: number | null;
  next: string | null;
  nextDate: string | null;
  /** a system's reason for its target or why it is late; a measure's note */
  note: string | null;
  /** a measure's periods missed within the report's period */
  missed: number | null;
  due: string | null;
}

/** The current progress reports' rows: per filer and as-of date, the submission edition preferred. */
export function progressRows(db: Database): ProgressRow[] {
  const bundles = db
    .prepare(
      `SELECT b.* FROM bundles b WHERE b.current = 1 AND b.document = 'progress' AND NOT EXISTS (
         SELECT 1 FROM bundles o WHERE o.current = 1 AND o.document = 'progress' AND o.filer_number = b.filer_number AND o.as_of = b.as_of AND o.edition = 'submission' AND b.edition = 'public')
       ORDER BY b.filer_number, b.as_of`,
    )
    .all() as {
    hash: string;
    filer_name: string;
    filer_number: string;
    as_of: string;
    period_from: string;
    edition: string;
    signed: number;
  }[];
  const rows: ProgressRow[] = [];
  for (const b of bundles) {
    const base = {
      filer: b.filer_name,
      corporateNumber: b.filer_number,
      asOf: b.as_of,
      periodFrom: b.period_from,
      edition: b.edition,
      signed: b.signed === 1,
    };
    const systems = db.prepare('SELECT * FROM progress_systems WHERE bundle = ? ORDER BY id').all(b.hash) as {
      id: string;
      name: string | null;
      level: string | null;
      status: string;
      target: string | null;
      ended: string | null;
      days_to_target: number | null;
      days_to_horizon: number | null;
      beyond_horizon: number;
      late_milestones: number;
      next_milestone: string | null;
      next_date: string | null;
      reason: string | null;
      late_note: string | null;
    }[];
    for (const s of systems)
      rows.push({
        ...base,
        kind: 'system',
        id: s.id,
        name: s.name,
        level: s.level,
        status: s.status,
        target: s.target,
        ended: s.ended,
        daysToTarget: s.days_to_target,
        daysToHorizon: s.days_to_horizon,
        beyondHorizon: s.beyond_horizon === 1,
        lateMilestones: s.late_milestones,
        next: s.next_milestone,
        nextDate: s.next_date,
        note: s.late_note ?? s.reason,
        missed: null,
        due: null,
      });
    const measures = db.prepare("SELECT * FROM progress_measures WHERE bundle = ? AND verdict = 'late' ORDER BY id").all(b.hash) as {
      id: string;
      title: string | null;
      area: string | null;
      verdict: string;
      due: string | null;
      windows: number;
      missed: number;
      note: string | null;
    }[];
    for (const m of measures)
      rows.push({
        ...base,
        kind: 'measure',
        id: m.id,
        name: m.title,
        level: m.area,
        status: m.verdict,
        target: null,
        ended: null,
        daysToTarget: null,
        daysToHorizon: null,
        beyondHorizon: false,
        lateMilestones: null,
        next: null,
        nextDate: null,
        note: m.note,
        missed: m.windows > 0 ? m.missed : null,
        due: m.due,
      });
  }
  return rows;
}

const label = (lang: Lang, key: string, args: Record<string, string | number> = {}) => t(lang, `progress.${key}` as MessageKey, args);

/** A status or a level as the regulator reads it. */
function statusText(row: ProgressRow, lang: Lang): string {
  return label(lang, row.kind === 'measure' ? 'status.measureLate' : `status.${row.status}`);
}

export const PROGRESS_COLUMNS: Column<ProgressRow>[] = [
  { key: 'filer', group: { id: 'filing' }, label: 'compare.col.filer', value: (r) => r.filer },
  { key: 'corporateNumber', group: { id: 'filing' }, kind: 'code', label: 'compare.col.corporateNumber', value: (r) => r.corporateNumber },
  { key: 'asOf', group: { id: 'filing' }, kind: 'date', label: 'progress.col.asOf', value: (r) => r.asOf },
  { key: 'periodFrom', group: { id: 'filing' }, kind: 'date', label: 'progress.col.periodFrom', value: (r) => r.periodFrom },
  {
    key: 'edition',
    group: { id: 'filing' },
    label: 'compare.col.edition',
    value: (r, lang) => t(lang, `cli.build.edition.${r.edition}` as MessageKey),
  },
  {
    key: 'signature',
    group: { id: 'filing' },
    label: 'compare.col.signature',
    value: (r, lang) => (r.signed ? label(lang, 'signed') : t(lang, 'compare.signature.unsigned')),
  },
  { key: 'kind', group: { id: 'systems' }, label: 'progress.col.kind', value: (r, lang) => label(lang, `kind.${r.kind}`) },
  { key: 'id', group: { id: 'systems' }, kind: 'code', label: 'progress.col.id', value: (r) => r.id },
  { key: 'name', group: { id: 'systems' }, label: 'progress.col.name', value: (r) => r.name },
  {
    key: 'level',
    group: { id: 'systems' },
    label: 'progress.col.level',
    value: (r, lang) =>
      enumLabel(lang, r.kind === 'system' ? ['systems', '0', 'sharing', 'level'] : ['improvementPlan', '0', 'area'], r.level),
  },
  { key: 'status', group: { id: 'deadline' }, label: 'progress.col.status', value: (r, lang) => statusText(r, lang) },
  { key: 'target', group: { id: 'deadline' }, kind: 'date', label: 'progress.col.target', value: (r) => r.target },
  { key: 'ended', group: { id: 'deadline' }, kind: 'date', label: 'progress.col.ended', value: (r) => r.ended },
  { key: 'daysToTarget', group: { id: 'deadline' }, kind: 'integer', label: 'progress.col.daysToTarget', value: (r) => r.daysToTarget },
  {
    key: 'daysToHorizon',
    group: { id: 'deadline' },
    kind: 'integer',
    label: 'progress.col.daysToHorizon',
    value: (r) => r.daysToHorizon,
  },
  {
    key: 'beyondHorizon',
    group: { id: 'deadline' },
    label: 'progress.col.beyondHorizon',
    value: (r, lang) => (r.kind === 'system' ? t(lang, r.beyondHorizon ? 'progress.yes' : 'progress.no') : null),
  },
  {
    key: 'lateMilestones',
    group: { id: 'deadline' },
    kind: 'integer',
    label: 'progress.col.lateMilestones',
    value: (r) => r.lateMilestones,
  },
  { key: 'next', group: { id: 'deadline' }, label: 'progress.col.next', value: (r) => r.next },
  { key: 'nextDate', group: { id: 'deadline' }, kind: 'date', label: 'progress.col.nextDate', value: (r) => r.nextDate },
  { key: 'missed', group: { id: 'assessment' }, kind: 'integer', label: 'progress.col.missed', value: (r) => r.missed },
  { key: 'due', group: { id: 'assessment' }, kind: 'date', label: 'progress.col.due', value: (r) => r.due },
  { key: 'note', group: { id: 'assessment' }, label: 'progress.col.note', value: (r) => r.note },
];

const days = (n: number | null, lang: Lang) =>
  n === null ? '' : n < 0 ? label(lang, 'daysPast', { n: -n }) : label(lang, 'daysLeft', { n });

/** The page: per filer, its systems (rows) at each as-of date (columns), then its late measures. */
export function toProgressHtml(rows: ProgressRow[], lang: Lang, options?: PageSource): Buffer {
  const title = label(lang, 'title');
  const sections = groupByFiler(rows).map((filerRows) => {
    const first = filerRows[0]!;
    const dates = [...new Set(filerRows.map((r) => r.asOf))].sort();
    const systems = [...new Set(filerRows.filter((r) => r.kind === 'system').map((r) => r.id))].sort();
    const at = (id: string, asOf: string) => filerRows.find((r) => r.kind === 'system' && r.id === id && r.asOf === asOf);
    const head = `<th scope="col" class="filer">${escapeHtml(label(lang, 'col.system'))}</th>${dates
      .map((d) => `<th scope="col" class="date">${escapeHtml(d)}</th>`)
      .join('')}`;
    const body = systems
      .map((id) => {
        const named = filerRows.find((r) => r.kind === 'system' && r.id === id);
        const cells = dates
          .map((d) => {
            const r = at(id, d);
            if (!r) return '<td></td>';
            const lines = [
              `<strong>${escapeHtml(statusText(r, lang))}</strong>`,
              ...(r.ended ? [escapeHtml(`${label(lang, 'col.ended')} ${r.ended}`)] : []),
              ...(r.target && !r.ended ? [escapeHtml(`${label(lang, 'col.target')} ${r.target} (${days(r.daysToTarget, lang)})`)] : []),
              ...(r.daysToHorizon !== null ? [escapeHtml(`${label(lang, 'horizon')} ${days(r.daysToHorizon, lang)}`)] : []),
              ...(r.beyondHorizon && r.status !== 'separated' ? [`<em>${escapeHtml(label(lang, 'beyond'))}</em>`] : []),
              ...(r.lateMilestones ? [`<strong>${escapeHtml(`${label(lang, 'col.lateMilestones')}: ${r.lateMilestones}`)}</strong>`] : []),
              ...(r.next ? [escapeHtml(`${label(lang, 'col.next')}: ${r.nextDate} ${r.next}`)] : []),
            ];
            // the reason for a late or moved target, where the report gives one, on hovering
            const title = r.note ? ` title="${escapeHtml(r.note)}"` : '';
            return `<td class="status ${escapeHtml(r.status)}"${title}>${lines.join('<br>')}</td>`;
          })
          .join('');
        return `<tr><th scope="row" class="filer">${escapeHtml(`${id} ${named?.name ?? ''}`)}</th>${cells}</tr>`;
      })
      .join('\n');
    const late = filerRows.filter((r) => r.kind === 'measure');
    const measures =
      late.length > 0
        ? `<ul class="findings">${late
            .map(
              (m) =>
                `<li><strong>${escapeHtml(m.asOf)}</strong> ${escapeHtml(`${m.id} ${m.name ?? ''}`)}${
                  m.note ? `: ${escapeHtml(m.note)}` : m.due ? `: ${escapeHtml(`${label(lang, 'col.due')} ${m.due}`)}` : ''
                }</li>`,
            )
            .join('')}</ul>`
        : `<p>${escapeHtml(label(lang, 'noLateMeasures'))}</p>`;
    return `<h2>${escapeHtml(`${first.filer} (${first.corporateNumber})`)}</h2>
${
  systems.length > 0
    ? `<div class="scroll"><table class="progress"><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table></div>`
    : `<p>${escapeHtml(label(lang, 'noShared'))}</p>`
}
<h3>${escapeHtml(label(lang, 'lateMeasures'))}</h3>
${measures}`;
  });
  const html = `<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(label(lang, 'note', { horizon: HORIZON }))}${asOfLine(lang, options)}</p>
${sections.length > 0 ? sections.join('\n') : `<p>${escapeHtml(label(lang, 'empty'))}</p>`}`;
  return page(lang, title, html);
}
