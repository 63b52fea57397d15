// The cover sheet: form number, date, addressee, filer, title, the sentence that submits the report
// and the contact line; the public edition says it is the public one.
import type { Edition } from '../../model/edition.js';
import { BODY_SIZE, CONTENT_WIDTH, STYLES, type Content } from '../styles.js';
import type { PartContext } from './context.js';
import { attachmentLeftOut, isWithheld } from '../../model/withheld.js';
import { shownEntries } from '../../model/edition.js';
import { parsePointer } from '../../util/pointer.js';

export function cover(ctx: PartContext, data: Record<string, unknown>, edition: Edition): Content[] {
  const { wording, tables } = ctx;
  const filerLines = wording.text('cover-filer', data).split('\n');
  const filerWidth = Math.min(CONTENT_WIDTH * 0.62, Math.max(...filerLines.map((l) => tables.composer.extent(l, BODY_SIZE).max)) + 1);
  const title = wording.text('cover-title', data);
  return [
    {
      text: wording.text('cover-form', data),
      style: 'coverForm',
      id: 'cover',
      outline: true,
      outlineText: wording.text('cover-outline', data),
    },
    {
      text: tables.lines(wording.text('cover-date', data), CONTENT_WIDTH, BODY_SIZE, 'Serif', false),
      alignment: 'right',
      margin: [0, 24, 0, 24],
    },
    { text: tables.lines(wording.text('cover-addressee', data), CONTENT_WIDTH, BODY_SIZE, 'Serif', false), margin: [0, 0, 0, 24] },
    {
      columns: [
        { width: '*', text: '' },
        {
          width: filerWidth,
          stack: filerLines.map((line) => ({ text: tables.lines(line, filerWidth, BODY_SIZE, 'Serif', false) })),
          lineHeight: 1.8,
        },
      ],
    },
    { text: title, style: 'coverTitle', margin: [0, 64, 0, edition === 'public' ? 8 : 40] },
    ...(edition === 'public' ? [{ text: wording.text('public-mark'), alignment: 'center' as const, margin: [0, 0, 0, 24] }] : []),
    { text: tables.composer.compose(wording.text('cover-body', data), CONTENT_WIDTH, BODY_SIZE, { indent: 1 }).inlines, lineHeight: 1.9 },
    ...(data.contact
      ? [
          {
            text: tables.lines(wording.text('cover-contact', data), CONTENT_WIDTH, STYLES.note.fontSize, 'Serif', false),
            style: 'note',
            margin: [0, 48, 0, 0],
          },
        ]
      : []),
    ...(edition === 'public'
      ? [
          {
            text: tables.lines(wording.text('public-note', publicNote(ctx)), CONTENT_WIDTH, STYLES.note.fontSize),
            style: 'note',
            margin: [0, 40, 0, 0],
          },
        ]
      : []),
  ];
}

/**
 * What this public edition withholds, exactly: the kinds of value blacked out (by the titles of the
 * fields withheld, in the filer type's words, in document order) and the attachments left out (by
 * kind, with how many).
 */
function publicNote(ctx: PartContext): { withheld: string; attachments: string } {
  const { view, wording } = ctx;
  // a withheld entry of a list is named by the list (its items' title), a value by its field, and a
  // field of a list's entries with the entries' title: 室の入退室の管理・平面図・階・室名
  const groups = new Map<string, string[]>();
  for (const pointer of view.withheld) {
    const segments = parsePointer(pointer);
    const title = view.schema.at(segments)?.title ?? view.schema.at(segments.slice(0, -1))?.title;
    if (!title) continue;
    const index = segments.findLastIndex((s) => /^\d+$/.test(s));
    const entry = index >= 0 && index < segments.length - 1 ? view.schema.at(segments.slice(0, index + 1))?.title : undefined;
    const key = entry ?? title;
    const fields = groups.get(key) ?? [];
    if (entry && !fields.includes(title)) fields.push(title);
    groups.set(key, fields);
  }
  const titles = [...groups].map(([key, fields]) =>
    fields.length > 0 ? wording.text('public-note-fields', { entry: key, fields: fields.join('・') }) : key,
  );
  const left = new Map<string, number>();
  for (const attachment of shownEntries(view.data.attachments)) {
    if (!attachmentLeftOut(attachment)) continue;
    const kind = isWithheld(attachment) ? undefined : attachment.kind;
    const label =
      (typeof kind === 'string' && ctx.format.format(kind, view.schema.at(['attachments', '0', 'kind'])).replace(/[\ue002\ue003]/g, '')) ||
      wording.text('attachment-title');
    left.set(label, (left.get(label) ?? 0) + 1);
  }
  return {
    withheld: titles.join('、'),
    attachments: [...left].map(([kind, n]) => wording.text('public-note-attachments', { kind, n })).join('、'),
  };
}
