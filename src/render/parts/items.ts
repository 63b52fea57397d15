// The statutory items, in the profile's order: each headed by its number and its statute title
// verbatim, its sections laid out by render/layouts.ts. Also the related companies the report is
// about, before the items.
import { shownEntries } from '../../model/edition.js';
import type { ProfileItem } from '../../profiles/index.js';
import { getAt, parsePointer } from '../../util/pointer.js';
import type { Entry } from '../format.js';
import { SECTION_LAYOUTS, type Block } from '../layouts.js';
import { BODY_SIZE, CONTENT_WIDTH, STYLES, TABLE_SIZE, keptWithNext, type Content } from '../styles.js';
import type { PartContext } from './context.js';
import { joinLines } from '../compose.js';
import { blockHeading, lead, prose, sectionHeadingId } from './text.js';
import { grouped, matrix } from './matrices.js';
import { summary } from './summary.js';

/** The related companies (特定関係事業者) the report is about, before the items. */
export function relatedCompanies(ctx: PartContext): Content[] {
  // withheld as a whole, the list is not shown: the cover still names the filer
  const list = shownEntries(ctx.view.data.relatedCompanies);
  if (list.length === 0) return [];
  return [
    ctx.tables.table(
      ['relatedCompanies'],
      list,
      [{ path: 'name' }, { path: 'business' }],
      TABLE_SIZE,
      ctx.format.title(['relatedCompanies']),
    ),
  ];
}

/** An item's heading: its number hanging, its title in the outline, the 目次 and as a link target. */
export function itemHeading(ctx: PartContext, id: string, label: string, title: string, outlineParent?: string): Content {
  const style = STYLES.item;
  const gap = ctx.wording.text('item-heading', { label, title: '' }).slice(label.length);
  const labelWidth = ctx.tables.composer.extent(`${label}${gap}`, style.fontSize, 'Sans').max;
  const lines = ctx.tables.composer.composeLines(title, CONTENT_WIDTH - labelWidth, style.fontSize, { face: 'Sans', justify: false });
  const text = joinLines(lines);
  return {
    taiseiHeight: lines.length * style.fontSize * style.lineHeight + style.margin[1]! + style.margin[3]!,
    columns: [
      {
        width: labelWidth,
        text: label,
        id,
        outline: true,
        outlineText: `${label}${gap}${title}`,
        ...(outlineParent ? { outlineParentId: outlineParent } : {}),
      },
      { width: '*', text },
    ],
    columnGap: 0,
    style: 'item',
  };
}

export function item(ctx: PartContext, item: ProfileItem, index: number): Content[] {
  const { wording, format } = ctx;
  const id = `item-${index}`;
  const heading = itemHeading(ctx, id, item.label, item.title);
  const body: Content[] = [];
  ctx.tables.outlineParent = id;
  const itemCaption = wording.text('item-heading', { label: item.label, title: item.title });
  const { sections } = item;
  const single = sections.length === 1;
  let wrote = false;
  for (const section of sections) {
    const value = ctx.view.data[section];
    const blocks = SECTION_LAYOUTS[section] ?? [];
    const empty = value === undefined || (Array.isArray(value) && value.length === 0);
    const sectionTitle = format.title([section]);
    if (empty) {
      const none = { text: wording.text(item.whenEmpty === 'none' || value !== undefined ? 'none' : 'empty-section'), style: 'none' };
      // a corrective item with nothing to correct says so; a section left out never vanishes
      body.push(...(single ? [none] : keptWithNext(blockHeading(ctx, sectionTitle, sectionHeadingId(id, section), id), 20, [none])));
      wrote = true;
      continue;
    }
    // a block that is the whole section is headed by the section's title alone
    // a table without a heading of its own runs on under its section's title, or the item's
    const rendered = ctx.tables.under(single ? itemCaption : sectionTitle, () =>
      blocks.flatMap((b) => block(ctx, b, (single && blocks.length === 1) || b.path === `/${section}`, id)),
    );
    if (!single && blocks.length > 0 && rendered.length > 0)
      body.push(
        ...keptWithNext(
          blockHeading(ctx, sectionTitle, sectionHeadingId(id, section), id),
          lead(rendered[0]!, ...rendered.slice(1)),
          rendered,
        ),
      );
    else body.push(...rendered);
    wrote ||= rendered.length > 0;
  }
  if (!wrote) body.push({ text: wording.text('none'), style: 'none' });
  ctx.tables.outlineParent = undefined;
  return keptWithNext(heading, lead(body[0]!, ...body.slice(1)), body);
}

function block(ctx: PartContext, block: Block, onlyBlock: boolean, itemId: string): Content[] {
  const { format, tables, wording } = ctx;
  const segments = parsePointer(block.path);
  const value = getAt(ctx.view.data, segments);
  if (value === undefined || value === null) return [];
  const title = onlyBlock ? undefined : format.title(segments);
  switch (block.kind) {
    case 'text':
      return prose(ctx, format.format(value, ctx.view.schema.at(segments)), BODY_SIZE);
    case 'table': {
      if (!Array.isArray(value)) return [];
      if (value.length === 0) {
        const none = { text: wording.text('none'), style: 'none' };
        return title === undefined ? [none] : keptWithNext(blockHeading(ctx, title, `${itemId}-${block.path}`, itemId), 20, [none]);
      }
      return [tables.table(segments, value as Entry[], block.columns, block.fontSize ?? TABLE_SIZE, title)];
    }
    case 'matrix':
      if (!Array.isArray(value)) return [];
      return matrix(ctx, segments, value as Entry[], block, title);
    case 'grouped':
      if (!Array.isArray(value)) return [];
      return grouped(ctx, segments, value as Entry[], block, title);
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
      return [tables.fieldTable(segments, value as Entry, block.fields, title, 'block')];
    case 'corrections':
      return corrections(ctx, segments, value, block.findings);
    case 'summary':
      if (!Array.isArray(value) || value.length === 0) return [];
      return summary(ctx, segments, value as Entry[], block);
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
  const rows = entries.map((entry, index) => {
    const finding = findings.find((f) => f.id === entry.finding);
    const findingText = finding ? `${String(entry.finding)}　${format.display(finding.summary)}` : format.display(entry.finding);
    const node = (key: string) => schema.at([...segments, String(index), key]);
    const taken = entry.outcome === 'taken';
    return [
      findingText,
      format.fieldText(entry.outcome, node('outcome'), { path: 'outcome' }, entry),
      format.fieldText(taken ? entry.action : entry.reason, node(taken ? 'action' : 'reason'), { path: 'action' }, entry),
      format.fieldText(entry.completed, node('completed'), { path: 'completed' }, entry),
    ];
  });
  return [
    tables.grid(
      [title('finding'), title('outcome'), `${title('action')}／${title('reason')}`, title('completed')].map((t) => ({ title: t })),
      rows,
    ),
  ];
}
