// 添付資料: the files attached to the filing (a withheld one's path is not printed in the public edition).
import { attachmentWithheld } from '../../model/withheld.js';
import type { Entry } from '../format.js';
import { CONTENT_WIDTH, TABLE_SIZE, partHeading, type Content } from '../styles.js';
import type { PartContext } from './context.js';

export function attachments(ctx: PartContext): Content[] {
  const { format, tables, wording } = ctx;
  const list = (ctx.view.data.attachments as Entry[] | undefined) ?? [];
  if (list.length === 0) return [];
  const node = (i: number, key: string) => ctx.view.schema.at(['attachments', String(i), key]);
  const header = ['title', 'kind', 'file'].map((key) => ({ text: node(0, key)?.title ?? key, style: 'th' }));
  const body: Content[] = [header];
  list.forEach((entry, i) => {
    const hidden = ctx.view.edition === 'public' && attachmentWithheld(entry as { kind?: string; withheld?: boolean });
    const star = (CONTENT_WIDTH - 70 - 3 * 9) / 2;
    body.push([
      { text: tables.cell(format.fieldText(entry.title, node(i, 'title'), { path: 'title' }, entry), star, TABLE_SIZE) },
      { text: tables.cell(format.fieldText(entry.kind, node(i, 'kind'), { path: 'kind' }, entry), 62, TABLE_SIZE) },
      {
        text: hidden
          ? wording.text('withheld')
          : tables.cell(format.fieldText(entry.file, node(i, 'file'), { path: 'file' }, entry), star, TABLE_SIZE),
      },
    ]);
  });
  return [
    partHeading(wording.text('attachments-title')),
    {
      table: { headerRows: 1, keepWithHeaderRows: 1, widths: ['*', 70, '*'], body, dontBreakRows: true },
      layout: 'taisei',
      fontSize: TABLE_SIZE,
    },
  ];
}
