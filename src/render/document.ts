// An edition view + the wording → a pdfmake document definition: the cover, the table of contents,
// the attached document (the related companies, then every item of the profile), 添付資料, and the
// appendices. Each part is a module of parts/; every fixed word comes from the templates, field
// labels from the schema, item titles from the profile.
import type { EditionView } from '../edition/view.js';
import type { Edition, EditionData } from '../model/edition.js';
import { isWithheld, type Withheld } from '../model/withheld.js';
import { Formatter, fiscalYearLabel, type Entry } from './format.js';
import { assessment } from './parts/assessment.js';
import { annexes } from './parts/summary.js';
import { attachments } from './parts/attachments.js';
import { changes } from './parts/changes.js';
import type { PartContext } from './parts/context.js';
import { cover } from './parts/cover.js';
import { item, relatedCompanies } from './parts/items.js';
import { barToken, type Composer } from './compose.js';
import { toc, type TocEntry } from './parts/toc.js';
import { BODY_SIZE, CONTENT_WIDTH, STYLES, documentFrame, pageFurniture, type Content } from './styles.js';
import { Tables } from './tables.js';
import type { Wording } from './templates.js';
import { wareki } from './wareki.js';

export type { Edition };
export { fiscalYearLabel };

export interface DocumentInput extends Pick<
  EditionView,
  'data' | 'profile' | 'edition' | 'schema' | 'changes' | 'assessment' | 'recordsAnnex' | 'withheld'
> {
  wording: Wording;
  toolVersion: string;
  /** Lines are composed with the faces' own widths before layout. */
  composer: Composer;
}

/** Builds the pdfmake document definition. */
export function buildDocument(input: DocumentInput): Record<string, unknown> {
  const { data, profile, wording, edition } = input;
  const { filer, fiscalYear } = data;
  const fy = fiscalYearLabel(wording, fiscalYear);
  const templateData = {
    filer: plainFiler(filer, wording),
    fiscalYear: fy,
    periodFrom: wareki(`${fiscalYear}-04-01`),
    periodTo: wareki(`${fiscalYear + 1}-03-31`),
    date: wareki(data.submissionDate),
    addressee: text(data.addressee, wording) ?? '経済産業大臣',
    legalBasis: profile.legalBasis,
    form: profile.form.name,
    formRelation: profile.form.relation,
    precedingArticle: profile.precedingArticle,
    profile: profile.title,
    public: edition === 'public',
    contact: isWithheld(data.contact)
      ? { department: withheldText(data.contact, wording) }
      : data.contact
        ? displayed(data.contact, wording)
        : undefined,
  };
  const format = new Formatter(input.schema, wording, data);
  const ctx: PartContext = { view: input, wording, format, tables: new Tables(format, input.composer) };
  ctx.tables.continuedMark = wording.text('continued');
  ctx.tables.continuedNotesMark = wording.text('continued-notes');
  const entries: TocEntry[] = profile.items.map((i, n) => ({ id: `item-${n}`, label: i.label, title: i.title }));
  const appendices = [...attachments(ctx), ...annexes(ctx), ...assessment(ctx), ...changes(ctx)];
  for (const a of appendices) if (isAppendix(a)) entries.push({ id: a.taiseiAppendix.id, label: '', title: a.taiseiAppendix.title });
  const attachmentTitle = wording.text('attachment-title', templateData);
  const content: Content[] = [
    ...cover(ctx, templateData, edition),
    {
      text: wording.text('toc-title'),
      style: 'tocTitle',
      pageBreak: 'before',
      id: 'toc',
      outline: true,
      outlineText: wording.text('toc-title').replace(/\s+/g, ''),
    },
    toc(ctx, entries),
    {
      text: ctx.tables.lines(attachmentTitle, CONTENT_WIDTH, STYLES.attachmentTitle.fontSize, 'Sans', false),
      style: 'attachmentTitle',
      pageBreak: 'before',
      id: 'attached',
      outline: true,
      outlineText: attachmentTitle,
    },
    // the item titles quote the statute's 「前条」 verbatim; one line says which article that is
    {
      text: ctx.tables.lines(wording.text('preceding-note', templateData), CONTENT_WIDTH, BODY_SIZE, 'Serif', false),
      margin: [0, 0, 0, 10],
    },
    ...relatedCompanies(ctx),
    ...profile.items.flatMap((i, n) => item(ctx, i, n)),
    ...appendices,
  ];
  return documentFrame(
    {
      title: wording.text('metadata-title', templateData),
      author: filer.name,
      subject: wording.text('metadata-subject', templateData),
      keywords: wording.text('metadata-keywords', templateData),
      toolVersion: input.toolVersion,
      dated: data.submissionDate,
    },
    pageFurniture(wording, templateData, (page) => ctx.tables.continuedOn(page)),
    content,
  );
}

/** A withheld value on the cover: its bar, or 非公表 where its shape is not known. */
export function withheldText(value: unknown, wording: Wording): string {
  return isWithheld(value) && value.shape ? barToken(value.shape) : wording.text('withheld');
}

/** A value as a template prints it: a withheld one as its bar. */
function text<T>(value: T | Withheld, wording: Wording): T | string {
  return isWithheld(value) ? withheldText(value, wording) : value;
}

/** A flat object's values as text for a template (withheld ones as bars). */
function displayed(entry: object, wording: Wording): Entry {
  return Object.fromEntries(Object.entries(entry).map(([k, v]) => [k, text(v, wording)]));
}

function isAppendix(node: Content): node is { taiseiAppendix: { id: string; title: string } } {
  return typeof node === 'object' && node !== null && !Array.isArray(node) && typeof node.taiseiAppendix === 'object';
}

export function plainFiler(filer: EditionData['filer'], wording: Wording): Entry {
  // The cover shows the filer's own particulars; a withheld one prints as a bar (the representative
  // withheld as a whole, both title and name).
  const { representative } = filer;
  return {
    name: filer.name,
    address: text(filer.address, wording),
    representative: isWithheld(representative)
      ? { title: withheldText(representative, wording), name: withheldText(representative, wording) }
      : { title: text(representative.title, wording), name: text(representative.name, wording) },
  };
}
