// The appendix 前年度からの主な変更点: what changed since last year's filing, by item, worded from
// the templates (the view carries the changes, redacted in the public edition).
import { isWithheldMarker } from '../../model/withheld.js';
import { fiscalYearLabel } from '../format.js';
import { TABLE_SIZE, type Content } from '../styles.js';
import type { Cell } from '../tables.js';
import type { PartContext } from './context.js';
import { partHeading, prose } from './text.js';

export function changes(ctx: PartContext): Content[] {
  const { format, tables, wording } = ctx;
  const diff = ctx.view.changes;
  if (!diff) return [];
  const w = (name: string) => wording.text(name);
  const old = diff.old.fiscalYear !== undefined ? fiscalYearLabel(wording, diff.old.fiscalYear) : '';
  const out: Content[] = [...prose(ctx, wording.text('appendix-note', { old }), TABLE_SIZE, { style: 'note' })];
  const summary: string[][] = [];
  for (const s of diff.sections) {
    for (const l of s.lists)
      summary.push([s.item?.label ?? '', format.titleOfPath(l.list), String(l.added), String(l.removed), String(l.changed)]);
    if (s.fields.length > 0)
      summary.push([
        s.item?.label ?? '',
        s.section !== 'header' ? format.titleOfPath(s.section) : w('change-header'),
        '',
        '',
        String(s.fields.length),
      ]);
  }
  const heading = (body: Content[]) => [partHeading(ctx, 'changes', w('appendix-title'), body, { pageBreak: 'before' })];
  if (summary.length === 0) return heading([...out, { text: w('none'), style: 'none' }]);
  out.push(
    tables.grid(
      ['change-item', 'change-list', 'change-added', 'change-removed', 'change-changed'].map((name) => ({ title: w(name) })),
      summary,
      { margin: [0, 0, 0, 10] },
    ),
  );
  // a withheld value's change is said as such: neither value, nor its length, is shown
  const line = (path: string, f: { old: unknown; new: unknown }) =>
    isWithheldMarker(f.old) || isWithheldMarker(f.new)
      ? `${format.titleOfPath(path)}：${w('change-withheld')}`
      : `${format.titleOfPath(path)}：${format.changeValue(path, f.old)} → ${format.changeValue(path, f.new)}`;
  for (const s of diff.sections) {
    const rows: [string, string][] = [];
    for (const f of s.fields) rows.push([w('change-changed'), line(f.path, f)]);
    for (const l of s.lists) {
      for (const e of l.entries) {
        const name = `${e.key}${e.label && e.label !== e.key ? `　${e.label}` : ''}`;
        const lines = e.fields.map((f) => line(`${l.list}.0.${f.path}`, f));
        rows.push([w(`change-${e.kind}`), [name, ...lines].join('\n')]);
      }
    }
    if (rows.length === 0) continue;
    const title = s.item
      ? `${s.item.label}　${s.item.title}`
      : s.section === 'header'
        ? w('change-header')
        : `${w('change-reference')}　${format.titleOfPath(s.section)}`;
    out.push(tables.grid([{ title: w('change-list') }, { title: w('change-detail') }], rows as Cell[][], { heading: title }));
  }
  return heading(out);
}
