// 添付資料: the files attached to the filing, numbered 別添1, 別添2… in the filing's order (the
// sections refer to them by that number). Both editions list every file with the same words (so
// they break alike), and say which files the public edition leaves out.
import { shownEntries } from '../../model/edition.js';
import { attachmentLeftOut, isWithheld } from '../../model/withheld.js';
import { keep } from '../compose.js';
import type { Content } from '../styles.js';
import type { PartContext } from './context.js';
import { recordAnnexes } from './summary.js';
import { partHeading } from './text.js';

export function attachments(ctx: PartContext): Content[] {
  const { format, tables, wording } = ctx;
  const list = shownEntries(ctx.view.data.attachments);
  const annexed = recordAnnexes(ctx);
  if (list.length === 0 && annexed.length === 0) return [];
  const node = (i: number, key: string) => ctx.view.schema.at(['attachments', String(i), key]);
  // each numbered 別添N, as the sections refer to it
  const columns = [
    { title: wording.text('attachment-number-title') },
    ...['title', 'kind', 'file'].map((key) => ({ title: node(0, key)?.title ?? key })),
  ];
  const withheld = list.map(attachmentLeftOut);
  const anyWithheld = withheld.some(Boolean);
  if (anyWithheld) columns.push({ title: wording.text('public-column') });
  const rows: string[][] = list.map((entry, i) => [
    keep(wording.text('attachment-number', { n: i + 1 })),
    ...(['title', 'kind', 'file'] as const).map((key) =>
      format.fieldText(isWithheld(entry) ? entry : entry[key], node(i, key), { path: key }, isWithheld(entry) ? {} : entry),
    ),
    ...(anyWithheld ? [withheld[i] ? wording.text('withheld-attachment') : ''] : []),
  ]);
  // the annexes of records this document carries at its end, numbered after the files
  for (const annex of annexed)
    rows.push([
      keep(wording.text('attachment-number', { n: annex.number })),
      wording.text('annex-list-title', { title: annex.title, count: annex.records.length }),
      wording.text('annex-kind'),
      wording.text('annex-place'),
      ...(anyWithheld ? [''] : []),
    ]);
  const title = wording.text('attachments-title');
  return [partHeading(ctx, 'attachments', title, [tables.under(title, () => tables.grid(columns, rows))])];
}
