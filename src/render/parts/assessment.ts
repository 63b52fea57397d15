// The appendix 参考資料: the readiness score by area (a table and a bar chart drawn with vector
// shapes), the self-assessment by check item, and the improvement plan.
import type { Evaluation, Scored } from '../../assessment/evaluate.js';
import { shownEntries } from '../../model/edition.js';
import { isWithheld } from '../../model/withheld.js';
import { CONTENT_WIDTH, TABLE_SIZE, type Content } from '../styles.js';
import { EMPTY_CELL, type Cell } from '../tables.js';
import { wareki } from '../wareki.js';
import type { PartContext } from './context.js';
import { partHeading, prose } from './text.js';

export function assessment(ctx: PartContext): Content[] {
  const evaluation = ctx.view.assessment;
  if (!evaluation) return [];
  const note = ctx.wording.text('assessment-note', {
    catalogue: evaluation.catalogue.title.ja,
    starred: evaluation.applicable.some((i) => i.starred),
  });
  return [
    partHeading(
      ctx,
      'assessment',
      ctx.wording.text('assessment-title'),
      [
        ...prose(ctx, note, TABLE_SIZE, { style: 'note' }),
        ...scoreTableAndChart(ctx, evaluation),
        checkItemsTable(ctx, evaluation),
        ...planTable(ctx, evaluation),
      ],
      { pageBreak: 'before' },
    ),
  ];
}

function scoreTableAndChart(ctx: PartContext, evaluation: Evaluation): Content[] {
  const w = (name: string, data: Record<string, unknown> = {}) => ctx.wording.text(name, data);
  const percent = (value: number | undefined) => (value === undefined ? EMPTY_CELL : w('assessment-percent', { value: value.toFixed(1) }));
  const areaName = (id: string) => evaluation.catalogue.areas.find((a) => a.id === id)?.ja ?? id;
  const rows = [
    ...evaluation.areas.map((a) => ({ name: areaName(a.id), s: a as Scored, total: false })),
    { name: w('assessment-overall'), s: evaluation.overall, total: true },
  ];
  const emphasis = (total: boolean, text: string): Cell => (total ? { text, face: 'Sans', props: { style: 'label' } } : text);
  const body: Cell[][] = [];
  for (const { name, s, total } of rows) {
    const recurrences =
      s.windows === 0 ? EMPTY_CELL : w('assessment-windows', { met: s.met, due: s.windows, percent: percent(s.recurrences) });
    const cells = [name, String(s.items), percent(s.coverage), percent(s.evidence), recurrences, s.readiness.toFixed(1)];
    body.push(cells.map((text) => emphasis(total, text)));
  }
  const columns = [
    'assessment-area',
    'assessment-items',
    'assessment-coverage',
    'assessment-evidence',
    'assessment-recurrences',
    'assessment-readiness',
  ].map((name, i) => ({ title: w(name), ...(i > 0 ? { align: 'right' as const } : {}) }));
  const barWidth = CONTENT_WIDTH - 120 - 40 - 3 * 9;
  const bar = (value: number, total: boolean) => ({
    canvas: [
      { type: 'rect', x: 0, y: 3, w: barWidth, h: 9, color: '#eeeeee' },
      { type: 'rect', x: 0, y: 3, w: Math.max(0, Math.min(100, value)) * (barWidth / 100), h: 9, color: total ? '#333333' : '#777777' },
      ...[25, 50, 75].map((tick) => ({
        type: 'line',
        x1: (tick * barWidth) / 100,
        y1: 2,
        x2: (tick * barWidth) / 100,
        y2: 13,
        lineWidth: 0.4,
        lineColor: '#ffffff',
      })),
    ],
  });
  const chart = rows.map(({ name, s, total }) => [
    { text: ctx.tables.lines(name, 120 - 8, TABLE_SIZE, total ? 'Sans' : 'Serif', false), ...(total ? { style: 'label' } : {}) },
    bar(s.readiness, total),
    { text: s.readiness.toFixed(1), alignment: 'right', ...(total ? { style: 'label' } : {}) },
  ]);
  return [
    ctx.tables.grid(columns, body, { heading: w('assessment-score') }),
    { table: { widths: [120, barWidth, 40], body: chart }, layout: 'noBorders', fontSize: TABLE_SIZE, margin: [0, 0, 0, 12] },
  ];
}

function checkItemsTable(ctx: PartContext, evaluation: Evaluation): Content {
  const { format, tables, wording } = ctx;
  // the answers by check item; withheld as a whole, each answer stands withheld
  const shown = ctx.view.data.selfAssessment;
  const answers = new Map(isWithheld(shown) ? [] : Object.entries(shown ?? {}));
  const answerTo = (id: string) => (isWithheld(shown) ? shown : answers.get(id));
  const node = (item: string, key: string) => ctx.view.schema.at(['selfAssessment', item, key]);
  const headings = [
    wording.text('assessment-items'),
    ...['status', 'measures', 'evidence'].map((key) => node(evaluation.catalogue.items[0]!.id, key)?.title ?? key),
  ];
  const body: string[][] = [];
  for (const item of evaluation.applicable) {
    const answer = answerTo(item.id);
    const entry = isWithheld(answer) ? undefined : answer;
    const status = answer
      ? format.format(isWithheld(answer) ? answer : answer.status, node(item.id, 'status'))
      : wording.text('assessment-not-assessed');
    const lines = entry && Array.isArray(entry.measures) ? entry.measures.map((m) => format.display(m)) : [];
    if (entry?.note !== undefined) lines.push(`${node(item.id, 'note')?.title ?? 'note'}：${format.display(entry.note)}`);
    const measures = lines.length > 1 ? lines.map((l) => `・${l}`).join('\n') : (lines[0] ?? '');
    const evidence = entry && Array.isArray(entry.evidence) ? entry.evidence.map((ref) => format.evidenceLabel(ref)).join('\n') : '';
    const cells = [`${item.id}${item.starred ? '★' : ''}　${item.ja}`, status, measures, evidence];
    body.push(cells);
  }
  return tables.grid(
    headings.map((title) => ({ title })),
    body,
    { heading: wording.text('assessment-checkitems') },
  );
}

function planTable(ctx: PartContext, evaluation: Evaluation): Content[] {
  const { format, tables } = ctx;
  const plan = shownEntries(ctx.view.data.improvementPlan);
  if (plan.length === 0) return [];
  const w = (name: string, data: Record<string, unknown> = {}) => ctx.wording.text(name, data);
  const node = (i: number, key: string) => ctx.view.schema.at(['improvementPlan', String(i), key]);
  const title = (key: string) => node(0, key)?.title ?? key;
  const missed = new Map(evaluation.recurrences.map((r) => [r.index, r.missed]));
  const headings = [title('title'), `${title('start')}／${title('due')}・${title('recurrence')}`, title('status'), title('evidence')];
  const body: string[][] = [];
  plan.forEach((m, i) => {
    // a measure withheld as a whole: its row is the bar
    if (isWithheld(m)) {
      body.push([format.format(m, undefined), '', '', '']);
      return;
    }
    const measure = [
      `${format.display(m.id)}　${format.format(m.title, node(i, 'title'))}`,
      `${title('area')}：${format.format(m.area, node(i, 'area'))}`,
      `${title('owner')}：${format.format(m.owner, node(i, 'owner'))}`,
    ];
    const when = [
      typeof m.start === 'string' ? w('assessment-start', { start: wareki(m.start) }) : '',
      typeof m.due === 'string' ? w('assessment-due', { due: wareki(m.due) }) : '',
      typeof m.recurrence === 'string' ? format.recurrenceText(m.recurrence) : format.display(m.recurrence),
    ];
    const gaps = missed.get(i) ?? [];
    const record = [
      ...(Array.isArray(m.evidence) ? m.evidence.map((ref) => format.evidenceLabel(ref)) : []),
      ...(gaps.length > 0 ? [w('assessment-missed', { windows: gaps.map((g) => format.windowLabel(g)).join('、') })] : []),
    ];
    const cells = [measure.join('\n'), when.filter(Boolean).join('\n'), format.format(m.status, node(i, 'status')), record.join('\n')];
    body.push(cells);
  });
  return [
    tables.grid(
      headings.map((t) => ({ title: t })),
      body,
      { heading: w('assessment-plan') },
    ),
  ];
}
