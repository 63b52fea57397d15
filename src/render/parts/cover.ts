// The cover sheet: form number, date, addressee, filer, title, the sentence that submits the report
// and the contact line; the public edition says it is the public one.
import type { Edition } from '../../model/edition.js';
import { BODY_SIZE, CONTENT_WIDTH, STYLES, type Content } from '../styles.js';
import type { PartContext } from './context.js';

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
      ? [{ text: tables.lines(wording.text('public-note'), CONTENT_WIDTH, STYLES.note.fontSize), style: 'note', margin: [0, 40, 0, 0] }]
      : []),
  ];
}
