// The progress report (build --document progress): a cover letter addressed as the annual filing is,
// dated in 和暦, and its 別紙 (parts/progress.ts). No statutory form exists for it: the layout is
// taisei's, in the same 公用文 typesetting, styles and page furniture as the annual filing.
import type { ProgressData } from '../assessment/progress.js';
import { isWithheld } from '../model/withheld.js';
import type { DocumentInput } from './document.js';
import { plainFiler, withheldText } from './document.js';
import { Formatter } from './format.js';
import type { PartContext } from './parts/context.js';
import { progressParts } from './parts/progress.js';
import { BODY_SIZE, CONTENT_WIDTH, STYLES, documentFrame, pageFurniture, type Content } from './styles.js';
import { Tables } from './tables.js';
import { wareki } from './wareki.js';

export interface ProgressDocumentInput extends Omit<DocumentInput, 'changes' | 'assessment' | 'recordsAnnex'> {
  progress: ProgressData;
  /** the day the report is dated */
  date: string;
}

export function buildProgressDocument(input: ProgressDocumentInput): Record<string, unknown> {
  const { data, wording, edition, progress } = input;
  const format = new Formatter(input.schema, wording, data);
  const ctx: PartContext = { view: input, wording, format, tables: new Tables(format, input.composer) };
  ctx.tables.continuedMark = wording.text('continued');
  ctx.tables.continuedNotesMark = wording.text('continued-notes');
  const templateData = {
    filer: plainFiler(data.filer, wording),
    date: wareki(input.date),
    asOf: wareki(progress.asOf),
    periodFrom: wareki(progress.period.from),
    periodTo: wareki(progress.period.to),
    addressee: isWithheld(data.addressee) ? withheldText(data.addressee, wording) : (data.addressee ?? '経済産業大臣'),
    public: edition === 'public',
    contact: isWithheld(data.contact)
      ? { department: withheldText(data.contact, wording) }
      : data.contact
        ? Object.fromEntries(Object.entries(data.contact).map(([k, v]) => [k, isWithheld(v) ? withheldText(v, wording) : v]))
        : undefined,
  };
  const w = (name: string) => wording.text(name, templateData);
  const line = (text: string, size = BODY_SIZE) => ctx.tables.lines(text, CONTENT_WIDTH, size, 'Serif', false);
  const filerLines = w('cover-filer').split('\n');
  const filerWidth = Math.min(CONTENT_WIDTH * 0.62, Math.max(...filerLines.map((l) => ctx.tables.composer.extent(l, BODY_SIZE).max)) + 1);
  const annexTitle = w('progress-annex-title');
  const content: Content[] = [
    {
      text: line(w('cover-date')),
      alignment: 'right',
      margin: [0, 0, 0, 24],
      id: 'cover',
      outline: true,
      outlineText: w('progress-outline-cover'),
    },
    { text: line(w('cover-addressee')), margin: [0, 0, 0, 24] },
    {
      columns: [
        { width: '*', text: '' },
        {
          width: filerWidth,
          stack: filerLines.map((l) => ({ text: ctx.tables.lines(l, filerWidth, BODY_SIZE, 'Serif', false) })),
          lineHeight: 1.8,
        },
      ],
    },
    { text: line(w('progress-title'), 14), style: 'tocTitle', margin: [0, 48, 0, edition === 'public' ? 8 : 32] },
    ...(edition === 'public' ? [{ text: w('public-mark'), alignment: 'center' as const, margin: [0, 0, 0, 24] }] : []),
    { text: ctx.tables.composer.compose(w('progress-body'), CONTENT_WIDTH, BODY_SIZE, { indent: 1 }).inlines, lineHeight: 1.9 },
    ...(templateData.contact ? [{ text: line(w('cover-contact'), STYLES.note.fontSize), style: 'note', margin: [0, 40, 0, 0] }] : []),
    ...(edition === 'public'
      ? [{ text: ctx.tables.lines(w('progress-public-note'), CONTENT_WIDTH, STYLES.note.fontSize), style: 'note', margin: [0, 24, 0, 0] }]
      : []),
    {
      text: ctx.tables.lines(annexTitle, CONTENT_WIDTH, STYLES.attachmentTitle.fontSize, 'Sans', false),
      style: 'attachmentTitle',
      pageBreak: 'before',
      id: 'annex',
      outline: true,
      outlineText: annexTitle,
    },
    ...progressParts(ctx, progress),
  ];
  return documentFrame(
    {
      title: w('progress-metadata-title'),
      author: data.filer.name,
      subject: w('progress-metadata-subject'),
      keywords: w('progress-metadata-keywords'),
      toolVersion: input.toolVersion,
      dated: input.date,
    },
    pageFurniture(wording, templateData, (page) => ctx.tables.continuedOn(page), 'progress-running-header'),
    content,
  );
}
