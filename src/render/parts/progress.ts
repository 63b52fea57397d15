// The progress report's 別紙: 1 the summary (counts and the chart of separation over time), 2 each
// shared system against its target and the orders' horizon, 3 each improvement-plan measure against
// its recurrence or due date, with the period's records. It prints the progress data (computed from
// the edition's filing.json) and takes each value the filer wrote from the edition's view, so that a
// withheld one prints as its bar.
import type { MeasureProgress, Milestone, ProgressData, SystemProgress } from '../../assessment/progress.js';
import { isWithheldMarker } from '../../model/withheld.js';
import { getAt, parsePointer } from '../../util/pointer.js';
import { keep } from '../compose.js';
import { BODY_SIZE, CELL_PADDING, CONTENT_WIDTH, RULE_WIDTH, STYLES, TABLE_SIZE, type Content } from '../styles.js';
import { EMPTY_CELL, estimatedHeight, headerMin, type Cell } from '../tables.js';
import { wareki } from '../wareki.js';
import type { PartContext } from './context.js';
import { itemHeading, prose } from './text.js';

type Words = (name: string, data?: Record<string, unknown>) => string;

/** A date as the report sets it: 和暦, kept whole on its line. */
const day = (iso: string) => keep(wareki(iso));

export function progressParts(ctx: PartContext, progress: ProgressData): Content[] {
  const w: Words = (name, data = {}) => ctx.wording.text(`progress-${name}`, data);
  return [
    ...itemHeading(ctx, 'progress-summary', w('summary-title'), summary(ctx, w, progress)),
    ...itemHeading(ctx, 'progress-systems', w('systems-title'), systems(ctx, w, progress)),
    ...itemHeading(ctx, 'progress-measures', w('measures-title'), measures(ctx, w, progress)),
  ];
}

/** A value the filer wrote, as this edition shows it: from the view (a withheld one is its bar). */
function shown(ctx: PartContext, pointer: string, fallback: unknown): string {
  const value = getAt(ctx.view.data, parsePointer(pointer));
  if (value === undefined && isWithheldMarker(fallback)) return ctx.wording.text('withheld');
  return ctx.format.format(value ?? fallback, ctx.view.schema.at(parsePointer(pointer)));
}

const label = (text: string): Cell => ({ text, face: 'Sans', props: { style: 'label' } });

/** A label/value table, its label column as wide as its longest label. */
function fields(ctx: PartContext, rows: [string, string][], heading?: string): Content {
  const widths = rows.map(([l]) => ctx.tables.composer.extent(l, TABLE_SIZE, 'Sans').max + 1);
  return ctx.tables.grid(
    [{ title: '', fixed: Math.min(Math.max(...widths), CONTENT_WIDTH / 4) }, { title: '' }],
    rows.map(([l, v]) => [label(l), v === '' ? EMPTY_CELL : v]),
    { noHeader: true, ...(heading ? { heading, headingStyle: 'block' as const } : {}), margin: [0, 0, 0, 8], keepRows: 2 },
  );
}

function summary(ctx: PartContext, w: Words, progress: ProgressData): Content[] {
  const s = progress.summary;
  const unit = (n: number) => w('count-unit', { n });
  const counts: [string, string][] = [
    [w('count-systems'), unit(s.systems - s.separated)],
    [w('count-on-track'), unit(s.onTrack)],
    [w('count-late'), unit(s.late)],
    ...(s.noPlan > 0 ? [[w('count-no-plan'), unit(s.noPlan)] as [string, string]] : []),
    [w('count-separated'), unit(s.separated)],
    [w('count-beyond'), unit(s.beyondHorizon)],
    [w('count-measures'), unit(s.measures)],
    [w('count-evidenced'), unit(s.measuresEvidenced)],
    [w('count-measures-late'), unit(s.measuresLate)],
  ];
  const unexplained = progress.systems.filter((x) => x.status !== 'separated' && x.beyondHorizon && x.reason === null).length;
  const text = [
    w('summary', { ...s, horizon: day(progress.horizon), beyondHorizon: s.beyondHorizon > 0 && unexplained === 0 ? s.beyondHorizon : 0 }),
    ...(unexplained > 0 ? [w('summary-beyond-unexplained', { horizon: day(progress.horizon), count: s.beyondHorizon, unexplained })] : []),
  ].join('');
  // the counts as a narrow table: each label on one line, the numbers right under one another
  const labelWidth = Math.max(...counts.map(([l]) => ctx.tables.composer.extent(l, TABLE_SIZE, 'Sans').max)) + 1;
  const valueWidth = Math.max(...counts.map(([, v]) => ctx.tables.composer.extent(v, TABLE_SIZE).max)) + 1;
  const table = ctx.tables.grid(
    [
      { title: '', fixed: labelWidth },
      { title: '', fixed: valueWidth, align: 'right' },
    ],
    counts.map(([l, v]) => [label(l), v]),
    { noHeader: true, width: labelWidth + valueWidth + 2 * CELL_PADDING + 3 * RULE_WIDTH, margin: [0, 0, 0, 10], keepRows: counts.length },
  );
  return [
    ...prose(ctx, w('period', { from: day(progress.period.from), to: day(progress.period.to) }), TABLE_SIZE, { indent: 0 }),
    ...prose(ctx, text, BODY_SIZE),
    table,
    chart(ctx, w, progress),
  ];
}

/** Systems shared and separated at each half-year's end: a bar each, the shared part dark. */
function chart(ctx: PartContext, w: Words, progress: ProgressData): Content {
  const dateWidth = Math.max(...progress.timeline.map((t) => ctx.tables.composer.extent(wareki(t.date), TABLE_SIZE).max)) + 2;
  const valueWidth = Math.max(...progress.timeline.map((t) => ctx.tables.composer.extent(w('chart-value', t), TABLE_SIZE).max)) + 2;
  const barWidth = CONTENT_WIDTH - dateWidth - valueWidth - 3 * 9 - 16;
  const most = Math.max(1, ...progress.timeline.map((t) => t.shared + t.separated));
  const unit = barWidth / most;
  const bar = (shared: number, separated: number) => ({
    canvas: [
      { type: 'rect', x: 0, y: 3, w: shared * unit, h: 9, color: '#444444' },
      { type: 'rect', x: shared * unit, y: 3, w: separated * unit, h: 9, color: '#ffffff', lineColor: '#444444', lineWidth: 0.6 },
      ...Array.from({ length: most - 1 }, (_, i) => ({
        type: 'line',
        x1: (i + 1) * unit,
        y1: 3,
        x2: (i + 1) * unit,
        y2: 12,
        lineWidth: 0.4,
        lineColor: i + 1 < shared ? '#ffffff' : '#444444',
      })),
    ],
  });
  const rows = progress.timeline.map((t) => [
    { text: ctx.tables.lines(wareki(t.date), dateWidth, TABLE_SIZE, 'Serif', false) },
    bar(t.shared, t.separated),
    { text: ctx.tables.lines(w('chart-value', t), valueWidth, TABLE_SIZE, 'Serif', false) },
  ]);
  const heading = w('chart-title');
  return {
    stack: [
      { text: ctx.tables.lines(heading, CONTENT_WIDTH, STYLES.block.fontSize, 'Sans', false), style: 'block' },
      {
        table: { widths: [dateWidth, barWidth, valueWidth], body: rows },
        layout: 'noBorders',
        fontSize: TABLE_SIZE,
      },
      {
        text: ctx.tables.lines(w('chart-legend'), CONTENT_WIDTH, STYLES.note.fontSize, 'Serif', false),
        style: 'note',
        margin: [0, 2, 0, 0],
      },
    ],
    unbreakable: true,
  };
}

function systems(ctx: PartContext, w: Words, progress: ProgressData): Content[] {
  if (progress.systems.length === 0) return prose(ctx, w('systems-none'), BODY_SIZE);
  return progress.systems.map((system) => systemBlock(ctx, w, progress, system));
}

function systemBlock(ctx: PartContext, w: Words, progress: ProgressData, system: SystemProgress): Content {
  const at = (path: string) => `${system.pointer}/${path}`;
  const plan = (path: string) => at(`sharing/separationPlan/${path}`);
  const milestone = (m: Milestone, late = false) =>
    w(late ? 'milestone-late' : 'milestone', {
      date: day(m.date),
      description: shown(ctx, plan(`milestones/${m.index}/description`), m.description),
      completed: m.completed ? day(m.completed) : '',
      note: m.note === null ? '' : shown(ctx, plan(`milestones/${m.index}/note`), m.note),
    });
  const days = (n: number | null) => (n === null ? '' : w('days', { days: Math.abs(n), past: n < 0 }));
  const rows: [string, string][] = [
    [
      ctx.format.title(['systems', '0', 'sharing', 'level']),
      system.level === null ? w('level-unknown') : shown(ctx, at('sharing/level'), system.level),
    ],
    [
      w('label-status'),
      w('system-status', { separated: system.status === 'separated', late: system.status === 'late', noPlan: system.status === 'no-plan' }),
    ],
  ];
  if (system.ended) rows.push([w('label-ended'), day(system.ended)]);
  if (system.target && system.status !== 'separated')
    rows.push([
      w('label-target'),
      w('target', { date: day(system.target), days: days(system.daysToTarget), beyond: system.beyondHorizon }),
    ]);
  if (system.daysToHorizon !== null)
    rows.push([w('label-horizon'), w('horizon', { date: day(progress.horizon), days: days(system.daysToHorizon) })]);
  if (system.done.length > 0) rows.push([w('label-done'), system.done.map((m) => milestone(m)).join('\n')]);
  if (system.late.length > 0) rows.push([w('label-late'), system.late.map((m) => milestone(m, true)).join('\n')]);
  if (system.next) rows.push([w('label-next'), milestone(system.next)]);
  if (system.revisions.length > 0)
    rows.push([
      w('label-revisions'),
      system.revisions
        .map((r) =>
          w('revision', { date: day(r.date), target: day(r.target), reason: shown(ctx, plan(`revisions/${r.index}/reason`), r.reason) }),
        )
        .join('\n'),
    ]);
  else if (system.reason !== null && system.status !== 'separated')
    rows.push([w('label-reason'), shown(ctx, plan(`revisions/${system.reasonIndex ?? 0}/reason`), system.reason)]);
  const heading = w('system-heading', { id: system.id, name: shown(ctx, at('name'), system.name) });
  return fields(ctx, rows, heading);
}

function measures(ctx: PartContext, w: Words, progress: ProgressData): Content[] {
  if (progress.measures.length === 0) return prose(ctx, w('measures-none'), BODY_SIZE);
  const rows: Cell[][] = progress.measures.map((m) => measureRow(ctx, w, m));
  const titles = ['col-measure', 'col-owner', 'col-verdict', 'col-schedule', 'col-records', 'col-note'].map((name) => w(name));
  // a table without a heading row: where it runs onto the next page, the running header names it
  return [
    ctx.tables.under(w('measures-title'), () =>
      ctx.tables.grid(
        titles.map((title) => ({ title })),
        rows,
        { margin: [0, 0, 0, 8], widths: measureWidths(ctx, titles, rows) },
      ),
    ),
  ];
}

/**
 * The measures' column widths: the owner, the status and the schedule as wide as their texts need
 * (the owner up to seven characters; a date never broken); the measure, its records and what was
 * done share the rest as makes the table shortest (each at least its longest unbreakable run, the
 * measure at least ten characters), tried half an em at a time. Widths from the longest cell alone
 * leave the measure's title a few characters wide wherever one long note claims the room, and a
 * share by the text's length leaves that one note many lines tall.
 */
function measureWidths(ctx: PartContext, titles: string[], rows: Cell[][]): number[] {
  const { composer } = ctx.tables;
  const text = (cell: Cell | undefined) => (typeof cell === 'string' ? cell : cell && 'text' in cell ? cell.text : '');
  const extents = titles.map((_, j) => rows.map((r) => composer.extent(text(r[j]) || EMPTY_CELL, TABLE_SIZE)));
  const header = (j: number) =>
    headerMin(composer.extent(titles[j]!, STYLES.th.fontSize, 'Sans').max / STYLES.th.fontSize) * STYLES.th.fontSize;
  const fitted = (j: number, most: number) => Math.max(header(j), ...extents[j]!.map((e) => Math.max(e.min, Math.min(e.max, most)))) + 1;
  const widths = titles.map(() => 0);
  widths[1] = fitted(1, 7 * TABLE_SIZE);
  widths[2] = fitted(2, Infinity);
  widths[3] = Math.max(header(3), ...extents[3]!.map((e) => e.min)) + 1;
  const min = (j: number) =>
    Math.max(header(j), ...extents[j]!.map((e) => e.min), j === 0 ? Math.min(10 * TABLE_SIZE, ...extents[j]!.map((e) => e.max)) : 0) + 1;
  const rest = CONTENT_WIDTH - titles.length * CELL_PADDING - (titles.length + 1) * RULE_WIDTH - widths[1]! - widths[2]! - widths[3]!;
  const paragraphs = rows.map((_, r) => extents.map((column) => column[r]!.paragraphs));
  const height = (ws: number[]) => estimatedHeight(paragraphs, ws);
  const step = TABLE_SIZE / 2;
  let best: { ws: number[]; h: number } | undefined;
  for (let a = min(0); a <= rest - min(4) - min(5); a += step)
    for (let b = min(4); a + b <= rest - min(5); b += step) {
      const ws = [a, widths[1]!, widths[2]!, widths[3]!, b, rest - a - b];
      const h = height(ws);
      if (!best || h < best.h - 1e-9) best = { ws, h };
    }
  // (no room for the minima: the measure and the notes share what there is)
  const chosen = best?.ws ?? [rest / 2, widths[1]!, widths[2]!, widths[3]!, 0, rest / 2];
  return chosen.map((x) => Math.floor(x * 100) / 100);
}

function measureRow(ctx: PartContext, w: Words, m: MeasureProgress): Cell[] {
  const at = (path: string) => `${m.pointer}/${path}`;
  // the verdict as of the date, and the measure's own status under it (継続実施中, 未着手…)
  const status = typeof m.status === 'string' ? ctx.format.format(m.status, ctx.view.schema.at(['improvementPlan', '0', 'status'])) : '';
  const verdict = w('verdict', { done: m.verdict === 'done', late: m.verdict === 'late', notDue: m.verdict === 'not-due', status });
  const schedule = [
    ...(m.recurrence ? [keep(ctx.format.recurrenceText(m.recurrence))] : []),
    ...(m.due ? [w('due', { date: day(m.due) })] : []),
  ].join('\n');
  const missed = m.windows.filter((x) => !x.met);
  const notes = [
    ...(m.note !== null ? [shown(ctx, at(`progress/${m.noteIndex ?? 0}/note`), m.note)] : []),
    ...(missed.length > 0 ? [w('missed', { windows: missed.map((x) => keep(ctx.format.windowLabel(x))).join('、') })] : []),
    ...(m.verdict === 'late' && m.due !== null && missed.length === 0 ? [w('overdue')] : []),
  ];
  return [
    `${m.id}\n${shown(ctx, at('title'), m.title)}`,
    shown(ctx, at('owner'), m.owner),
    verdict,
    schedule || EMPTY_CELL,
    m.records.map((r) => ctx.format.evidenceLabel(r)).join('\n') || EMPTY_CELL,
    notes.join('\n') || EMPTY_CELL,
  ];
}
