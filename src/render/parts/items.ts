// The statutory items, in the profile's order: each headed by its number and its statute title
// verbatim, its sections laid out by render/layouts.ts. Also the related companies the report is
// about, before the items.
import type { ProfileItem } from '../../profiles/index.js';
import { getAt, parsePointer } from '../../util/pointer.js';
import type { Entry } from '../format.js';
import { SECTION_LAYOUTS, type Block } from '../layouts.js';
import { paragraphInlines, proseInlines } from '../phrases.js';
import { CONTENT_WIDTH, TABLE_SIZE, partHeading, type Content } from '../styles.js';
import type { PartContext } from './context.js';

/** Outline entries are short: the item's title up to its first clause. */
function shorten(title: string): string {
  return title.length <= 40 ? title : `${title.slice(0, 38)}…`;
}

/** The related companies (特定関係事業者) the report is about, before the items. */
export function relatedCompanies(ctx: PartContext): Content[] {
  const list = (ctx.view.data.relatedCompanies as Entry[] | undefined) ?? [];
  if (list.length === 0) return [];
  return [
    ctx.tables.table(
      ['relatedCompanies'],
      list,
      [
        { path: 'name', width: '*' },
        { path: 'business', width: '*' },
      ],
      TABLE_SIZE,
      ctx.format.title(['relatedCompanies']),
    ),
  ];
}

export function item(ctx: PartContext, item: ProfileItem): Content[] {
  const { wording, format } = ctx;
  const heading = wording.text('item-heading', { label: item.label, title: item.title });
  const out: Content[] = [partHeading(paragraphInlines(heading), { outlineText: `${item.label}　${shorten(item.title)}` })];
  const sections = item.sections as string[];
  const single = sections.length === 1;
  let wrote = false;
  for (const section of sections) {
    const value = ctx.view.data[section];
    const blocks = SECTION_LAYOUTS[section] ?? [];
    const empty = value === undefined || (Array.isArray(value) && value.length === 0);
    if (empty) {
      if (!single) out.push({ text: format.title([section]), style: 'block' });
      // a corrective item with nothing to correct says so; a section left out never vanishes
      out.push({ text: wording.text(item.whenEmpty === 'none' || value !== undefined ? 'none' : 'empty-section'), style: 'none' });
      wrote = true;
      continue;
    }
    if (!single && blocks.length > 0) out.push({ text: format.title([section]), style: 'block', headlineLevel: 2 });
    for (const b of blocks) {
      const rendered = block(ctx, b, single && blocks.length === 1);
      out.push(...rendered);
      wrote ||= rendered.length > 0;
    }
  }
  if (!wrote) out.push({ text: wording.text('none'), style: 'none' });
  return out;
}

function block(ctx: PartContext, block: Block, onlyBlock: boolean): Content[] {
  const { format, tables, wording } = ctx;
  const segments = parsePointer(block.path);
  const value = getAt(ctx.view.data, segments);
  if (value === undefined || value === null) return [];
  const heading =
    onlyBlock || block.kind === 'text' || block.kind === 'corrections'
      ? []
      : [{ text: format.title(segments), style: 'block', headlineLevel: 2 }];
  switch (block.kind) {
    case 'text':
      return [{ text: proseInlines(format.format(value, ctx.view.schema.at(segments))), margin: [0, 0, 0, 6] }];
    case 'table': {
      if (!Array.isArray(value)) return [];
      if (value.length === 0) return [...heading, { text: wording.text('none'), style: 'none' }];
      return [
        tables.table(
          segments,
          value as Entry[],
          block.columns,
          block.fontSize ?? TABLE_SIZE,
          onlyBlock ? undefined : format.title(segments),
        ),
      ];
    }
    case 'records': {
      if (!Array.isArray(value)) return [];
      return (value as Entry[]).map((entry, index) =>
        tables.fieldTable(
          [...segments, String(index)],
          entry,
          block.fields,
          block.heading
            .map((k) => format.display(entry[k]))
            .filter(Boolean)
            .join('　'),
          'record',
        ),
      );
    }
    case 'fields':
      return [tables.fieldTable(segments, value as Entry, block.fields, onlyBlock ? undefined : format.title(segments), 'block')];
    case 'corrections':
      return corrections(ctx, segments, value, block.findings);
  }
}

/** Corrective actions, one row per finding judged not appropriate: 該当なし when there are none. */
function corrections(ctx: PartContext, segments: string[], value: unknown, findingsPath: string): Content[] {
  const { format, tables, wording } = ctx;
  const schema = ctx.view.schema;
  const entries = Array.isArray(value) ? (value as Entry[]) : [];
  if (entries.length === 0) return [{ text: wording.text('none'), style: 'none' }];
  const findings = (getAt(ctx.view.data, parsePointer(findingsPath)) as Entry[] | undefined) ?? [];
  const itemNode = schema.at([...segments, '0']);
  const title = (key: string) => schema.resolve(itemNode?.properties?.[key])?.title ?? key;
  const body: Content[] = [
    [title('finding'), title('outcome'), `${title('action')}／${title('reason')}`, title('completed')].map((t) => ({
      text: paragraphInlines(t),
      style: 'th',
    })),
  ];
  entries.forEach((entry, index) => {
    const finding = findings.find((f) => f.id === entry.finding);
    const findingText = finding ? `${String(entry.finding)}　${format.display(finding.summary)}` : format.display(entry.finding);
    const node = (key: string) => schema.at([...segments, String(index), key]);
    const widths = [122, 52, CONTENT_WIDTH - 130 - 60 - 62 - 4 * 9, 54];
    body.push([
      { text: tables.cell(findingText, widths[0]!, TABLE_SIZE) },
      { text: tables.cell(format.fieldText(entry.outcome, node('outcome'), { path: 'outcome' }, entry), widths[1]!, TABLE_SIZE) },
      {
        text: tables.cell(
          format.fieldText(
            entry.outcome === 'taken' ? entry.action : entry.reason,
            node(entry.outcome === 'taken' ? 'action' : 'reason'),
            { path: 'action' },
            entry,
          ),
          widths[2]!,
          TABLE_SIZE,
        ),
      },
      { text: tables.cell(format.fieldText(entry.completed, node('completed'), { path: 'completed' }, entry), widths[3]!, TABLE_SIZE) },
    ]);
  });
  return [
    {
      table: { headerRows: 1, keepWithHeaderRows: 1, widths: [130, 60, '*', 62], body, dontBreakRows: true },
      layout: 'taisei',
      fontSize: TABLE_SIZE,
      margin: [0, 0, 0, 8],
    },
  ];
}
