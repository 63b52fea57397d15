// A 概要 of many records, as item 九 (⑦) asks: counts by the fields the layout names (with how many
// concern the related company), the records the filer marked notable one by one, and every record
// with its id in an annex (別添) at the end — unless the configuration leaves the annex out, when the
// summary says the bundle's filing.json holds them all.
import { shownEntries } from '../../model/edition.js';
import { isWithheld } from '../../model/withheld.js';
import { getAt, parsePointer } from '../../util/pointer.js';
import type { Entry } from '../format.js';
import { SECTION_LAYOUTS, type SummaryBlock } from '../layouts.js';
import { BODY_SIZE, CONTENT_WIDTH, TABLE_SIZE, type Content } from '../styles.js';
import type { Cell } from '../tables.js';
import type { PartContext } from './context.js';
import { partHeading, prose } from './text.js';

const WITHHELD = '\u0000withheld';
const UNSTATED = '\u0000unstated';
const ANNEX_SIZE = 8;
const COUNT_WIDTH = CONTENT_WIDTH * 0.72;

/** One annex of records: its number among the 別添 (after the attached files), what it lists. */
export interface RecordAnnex {
  id: string;
  number: number;
  title: string;
  segments: string[];
  records: Entry[];
  block: SummaryBlock;
}

/**
 * The annexes this edition prints, numbered after the attached files (別添1… are files), in the
 * order the profile's items report their sections. None when the configuration leaves them out.
 */
export function recordAnnexes(ctx: PartContext): RecordAnnex[] {
  if (ctx.view.recordsAnnex === false) return [];
  const files = shownEntries(ctx.view.data.attachments).length;
  const out: RecordAnnex[] = [];
  for (const section of new Set(ctx.view.profile.items.flatMap((i) => i.sections)))
    for (const block of SECTION_LAYOUTS[section] ?? []) {
      if (block.kind !== 'summary') continue;
      const segments = parsePointer(block.path);
      const records = getAt(ctx.view.data, segments);
      if (!Array.isArray(records) || records.length === 0) continue;
      const number = files + out.length + 1;
      out.push({ id: `annex-${number}`, number, title: ctx.format.title([section]), segments, records: records as Entry[], block });
    }
  return out;
}

/** The summary printed in the item's place. */
export function summary(ctx: PartContext, segments: string[], records: Entry[], block: SummaryBlock): Content[] {
  const { wording, tables, format } = ctx;
  const out: Content[] = [];
  const within = block.within?.split('.');
  const withinTitle = block.within ? format.title([...segments, '0', ...within!]) : undefined;
  const total = records.length;
  const totalWithin = within ? records.filter((r) => getAt(r, within) === true).length : 0;
  for (const count of block.counts) {
    const path = count.by.split('.');
    const node = ctx.view.schema.at([...segments, '0', ...path]);
    const fieldTitle = count.period === 'quarter' ? wording.text('count-quarter-title') : format.title([...segments, '0', ...path]);
    const groups = new Map<string, { label: string; count: number; within: number; order: number }>();
    records.forEach((record, i) => {
      const value = getAt(record, path);
      const key = isWithheld(value)
        ? WITHHELD
        : value === undefined || value === null || value === ''
          ? UNSTATED
          : count.period === 'quarter'
            ? String(quarterOf(String(value)))
            : String(value);
      let group = groups.get(key);
      if (!group) {
        const label =
          key === WITHHELD
            ? wording.text('withheld')
            : key === UNSTATED
              ? wording.text('count-unstated')
              : count.period === 'quarter'
                ? quarterLabel(ctx, Number(key))
                : format.format(value, node);
        const enumOrder = node?.enum?.indexOf(value) ?? -1;
        const order = count.period === 'quarter' ? Number(key) : enumOrder >= 0 ? enumOrder : 1000 + i;
        groups.set(key, (group = { label, count: 0, within: 0, order: key === WITHHELD || key === UNSTATED ? 1e9 : order }));
      }
      group.count++;
      if (within && getAt(record, within) === true) group.within++;
    });
    // a field no record states says nothing counted: no table
    if (groups.size === 1 && groups.has(UNSTATED)) continue;
    let rows = [...groups.values()].sort((a, b) =>
      node?.enum || count.period === 'quarter' ? a.order - b.order : b.count - a.count || a.order - b.order,
    );
    if (count.top !== undefined && rows.length > count.top) {
      const rest = rows.slice(count.top);
      rows = [
        ...rows.slice(0, count.top),
        {
          label: wording.text('count-others', { n: rest.length }),
          count: rest.reduce((s, r) => s + r.count, 0),
          within: rest.reduce((s, r) => s + r.within, 0),
          order: 1e9,
        },
      ];
    }
    const bold = { bold: true };
    const cells: Cell[][] = [
      ...rows.map((r) => [r.label, String(r.count), ...(within ? [String(r.within)] : [])]),
      [
        { text: wording.text('count-total'), props: bold },
        { text: String(total), props: bold },
        ...(within ? [{ text: String(totalWithin), props: bold }] : []),
      ],
    ];
    out.push(
      tables.grid(
        [
          { title: fieldTitle },
          { title: wording.text('count-title'), align: 'right' },
          ...(withinTitle ? [{ title: wording.text('count-within', { title: withinTitle }), align: 'right' as const }] : []),
        ],
        cells,
        // a count table is short: kept whole on one page
        { heading: wording.text('count-by', { title: fieldTitle }), width: COUNT_WIDTH, keepRows: cells.length },
      ),
    );
  }
  const notable = records.filter((r) => getAt(r, block.notable.split('.')) === true);
  const notableTitle = format.title([...segments, '0', ...block.notable.split('.')]);
  if (notable.length > 0) out.push(tables.table(segments, notable, block.columns, TABLE_SIZE, notableTitle));
  else out.push(...prose(ctx, wording.text('notable-none', { title: notableTitle }), BODY_SIZE));
  const annex = recordAnnexes(ctx).find((a) => a.segments.join('/') === segments.join('/'));
  out.push(
    ...prose(
      ctx,
      annex
        ? wording.text('records-annex-note', { count: total, annex: wording.text('attachment-number', { n: annex.number }) })
        : wording.text('records-bundle-note', { count: total }),
      BODY_SIZE,
    ),
  );
  return out;
}

/** The annexes at the end: every record, its id first. */
export function annexes(ctx: PartContext): Content[] {
  return recordAnnexes(ctx).map((annex) => {
    const title = annexTitle(ctx, annex);
    return partHeading(ctx, annex.id, title, [
      ctx.tables.under(title, () => ctx.tables.table(annex.segments, annex.records, [{ path: 'id' }, ...annex.block.columns], ANNEX_SIZE)),
    ]);
  });
}

export function annexTitle(ctx: PartContext, annex: RecordAnnex): string {
  return ctx.wording.text('records-annex-title', {
    number: ctx.wording.text('attachment-number', { n: annex.number }),
    title: annex.title,
    count: annex.records.length,
  });
}

/** 1 to 4: the fiscal year's quarter of an ISO date (April–June is the first). */
function quarterOf(iso: string): number {
  const month = Number(iso.slice(5, 7));
  return Math.floor(((month + 8) % 12) / 3) + 1;
}

function quarterLabel(ctx: PartContext, quarter: number): string {
  const { fiscalYear } = ctx.view.data;
  const first = 4 + (quarter - 1) * 3;
  const ym = (m: number) => {
    const year = m > 12 ? fiscalYear + 1 : fiscalYear;
    return `${year}-${String(((m - 1) % 12) + 1).padStart(2, '0')}`;
  };
  return ctx.wording.text('quarter', { q: quarter, window: ctx.format.windowLabel({ from: ym(first), to: ym(first + 2) }) });
}
