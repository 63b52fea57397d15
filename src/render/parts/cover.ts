// The cover sheet: form number, date, addressee, filer, title, the sentence that submits the report
// and the contact line; the public edition says it is the public one.
import type { Edition } from '../../model/edition.js';
import { paragraphInlines, proseInlines } from '../phrases.js';
import { BODY_SIZE, type Content } from '../styles.js';
import type { Wording } from '../templates.js';

export function cover(wording: Wording, data: Record<string, unknown>, edition: Edition): Content[] {
  const filerLines = wording.text('cover-filer', data).split('\n');
  return [
    { text: wording.text('cover-form'), style: 'coverForm' },
    { text: wording.text('cover-date', data), alignment: 'right', margin: [0, 24, 0, 24] },
    { text: wording.text('cover-addressee', data), margin: [0, 0, 0, 24] },
    {
      columns: [
        { width: '*', text: '' },
        { width: 'auto', stack: filerLines.map((line) => ({ text: paragraphInlines(line) })), lineHeight: 1.6 },
      ],
    },
    { text: wording.text('cover-title'), style: 'coverTitle', margin: [0, 64, 0, 40] },
    { text: proseInlines(wording.text('cover-body', data)), lineHeight: 1.8, leadingIndent: BODY_SIZE },
    ...(data.contact ? [{ text: proseInlines(wording.text('cover-contact', data)), style: 'note', margin: [0, 48, 0, 0] }] : []),
    ...(edition === 'public' ? [{ text: wording.text('public-note'), style: 'note', margin: [0, 40, 0, 0] }] : []),
  ];
}
