// The appendix 前年度からの主な変更点: what changed since last year's filing, by item, worded from
// the templates (the view carries the changes, redacted in the public edition).
import { fiscalYearLabel } from '../format.js';
import { paragraphInlines, proseInlines } from '../phrases.js';
import { CONTENT_WIDTH, TABLE_SIZE, partHeading, type Content } from '../styles.js';
import type { PartContext } from './context.js';

export function changes(ctx: PartContext): Content[] {
  const { format, tables, wording } = ctx;
  const diff = ctx.view.changes;
  if (!diff) return [];
  const w = (name: string) => wording.text(name);
  const old = diff.old.fiscalYear !== undefined ? fiscalYearLabel(wording, diff.old.fiscalYear) : '';
  const out: Content[] = [
    partHeading(w('appendix-title'), { pageBreak: 'before' }),
    { text: proseInlines(wording.text('appendix-note', { old })), style: 'note', margin: [0, 0, 0, 8] },
  ];
  const summary: Content[] = [
    [w('change-item'), w('change-list'), w('change-added'), w('change-removed'), w('change-changed')].map((text) => ({
      text,
      style: 'th',
    })),
  ];
  for (const s of diff.sections) {
    for (const l of s.lists)
      summary.push(
        [s.item?.label ?? '', format.titleOfPath(l.list), String(l.added), String(l.removed), String(l.changed)].map((text) => ({
          text: paragraphInlines(text, 20),
        })),
      );
    if (s.fields.length > 0)
      summary.push(
        [
          s.item?.label ?? '',
          s.section !== 'header' ? format.titleOfPath(s.section) : w('change-header'),
          '',
          '',
          String(s.fields.length),
        ].map((text) => ({ text: paragraphInlines(text, 20) })),
      );
  }
  if (summary.length === 1) return [...out, { text: w('none'), style: 'none' }];
  out.push({
    table: { headerRows: 1, widths: [40, '*', 40, 40, 40], body: summary, dontBreakRows: true },
    layout: 'taisei',
    fontSize: TABLE_SIZE,
    margin: [0, 0, 0, 10],
  });
  const detailWidth = CONTENT_WIDTH - 40 - 130 - 3 * 9;
  for (const s of diff.sections) {
    const body: Content[] = [[w('change-list'), w('change-detail')].map((text) => ({ text, style: 'th' }))];
    const rows: [string, string][] = [];
    for (const f of s.fields)
      rows.push([
        w('change-changed'),
        `${format.titleOfPath(f.path)}：${format.changeValue(f.path, f.old)} → ${format.changeValue(f.path, f.new)}`,
      ]);
    for (const l of s.lists) {
      for (const e of l.entries) {
        const name = `${e.key}${e.label && e.label !== e.key ? `　${e.label}` : ''}`;
        const lines = e.fields.map(
          (f) =>
            `${format.titleOfPath(`${l.list}.0.${f.path}`)}：${format.changeValue(`${l.list}.0.${f.path}`, f.old)} → ${format.changeValue(`${l.list}.0.${f.path}`, f.new)}`,
        );
        rows.push([w(`change-${e.kind}`), [name, ...lines].join('\n')]);
      }
    }
    if (rows.length === 0) continue;
    for (const [kind, detail] of rows)
      body.push([{ text: paragraphInlines(kind, 6) }, { text: tables.cell(detail, detailWidth + 130, TABLE_SIZE) }]);
    const heading = s.item
      ? `${s.item.label}　${s.item.title}`
      : s.section === 'header'
        ? w('change-header')
        : `${w('change-reference')}　${format.titleOfPath(s.section)}`;
    out.push(tables.withHeading(heading, [40, '*'], body));
  }
  return out;
}
