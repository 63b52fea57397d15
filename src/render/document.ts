// Filing (possibly redacted) + profile → a pdfmake document definition. Layout lives here; every
// fixed word comes from the templates, field labels from the schema, item titles from the profile.
import type { Profile, ProfileItem } from '../profiles/index.js';
import { getAt, parsePointer } from '../util/pointer.js';
import type { SchemaIndex, SchemaNode } from '../model/schema-index.js';
import type { FilingDiff } from '../edition/changes.js';
import type { Evaluation, Scored } from '../assessment/evaluate.js';
import { evidenceKinds } from '../assessment/evidence.js';
import { japaneseNotation, parseRecurrence, type Window } from '../model/recurrence.js';
import { SECTION_LAYOUTS, type Block, type Field } from './layouts.js';
import { brokenLines, paragraphInlines, proseInlines, widthInEms, type Inline, type Measure } from './phrases.js';
import { attachmentWithheld, isWithheld } from '../model/withheld.js';
import type { Wording } from './templates.js';
import { eraDate, wareki } from './wareki.js';

import type { Edition } from '../model/edition.js';

export type { Edition };

export interface DocumentInput {
  data: Record<string, unknown>;
  profile: Profile;
  edition: Edition;
  wording: Wording;
  schema: SchemaIndex;
  toolVersion: string;
  /** Widths in the body font: table cells are broken into lines with it before layout. */
  measure?: Measure;
  /** Changes from last year's filing: an appendix 前年度からの主な変更点. */
  changes?: FilingDiff;
  /** The self-assessment, evaluated: an appendix 参考資料 with the readiness score. */
  assessment?: Evaluation;
}

type Content = Record<string, unknown> | string | Content[];

const BODY_SIZE = 10;
/** A4 width less the left and right page margins. */
const CONTENT_WIDTH = 595.28 - 64 - 64;
/**
 * Rows are kept whole (and with the header) unless one might not fit on a page at all: pdfmake
 * silently drops a row taller than a page when it may not break or must stay with the header, and
 * content must never vanish.
 */
const MAX_UNBROKEN_ROW = 420;

/** A generous estimate of a cell's height in points. */
function estimatedHeight(inlines: Inline[], width: number, fontSize: number): number {
  let lines = 1;
  let line = 0;
  for (const inline of inlines) {
    if (inline.text === '\n') {
      lines++;
      line = 0;
      continue;
    }
    line += widthInEms(inline.text) * fontSize;
    while (line > width) {
      lines++;
      line -= width;
    }
  }
  return lines * fontSize * 1.4 + 6;
}
const TABLE_SIZE = 9;

type Entry = Record<string, unknown>;

export function fiscalYearLabel(wording: Wording, fiscalYear: number): string {
  const { era, year } = eraDate(`${fiscalYear}-04-01`);
  return wording.text('fiscal-year', { era, year });
}

/** Builds the pdfmake document definition. */
export function buildDocument(input: DocumentInput): Record<string, unknown> {
  const { data, profile, wording, edition } = input;
  const filer = data.filer as Entry;
  const fiscalYear = data.fiscalYear as number;
  const fy = fiscalYearLabel(wording, fiscalYear);
  const templateData = {
    filer: plainFiler(filer, wording),
    fiscalYear: fy,
    periodFrom: wareki(`${fiscalYear}-04-01`),
    periodTo: wareki(`${fiscalYear + 1}-03-31`),
    date: wareki(String(data.submissionDate)),
    addressee: (data.addressee as string | undefined) ?? '経済産業大臣',
    legalBasis: profile.legalBasis,
    profile: profile.title,
    contact: isWithheld(data.contact) ? { department: wording.text('withheld') } : data.contact ? displayed(data.contact as Entry, wording) : undefined,
  };
  const context = new RenderContext(input);
  const content: Content[] = [
    ...cover(wording, templateData, edition),
    { text: wording.text('toc-title'), style: 'tocTitle', pageBreak: 'before' },
    { toc: { numberStyle: { fontSize: BODY_SIZE }, textStyle: { fontSize: BODY_SIZE } } },
    { text: wording.text('attachment-title', templateData), style: 'attachmentTitle', pageBreak: 'before' },
    ...context.relatedCompanies(),
    ...profile.items.flatMap((item) => context.item(item)),
    ...context.attachments(),
    ...context.assessment(),
    ...context.changes(),
  ];
  const submissionDate = new Date(`${String(data.submissionDate)}T00:00:00+09:00`);
  return {
    pageSize: 'A4',
    pageMargins: [64, 64, 64, 60],
    language: 'ja-JP',
    info: {
      title: wording.text('metadata-title', templateData),
      author: String(filer.name),
      subject: wording.text('metadata-subject', templateData),
      keywords: wording.text('metadata-keywords', templateData),
      creator: 'taisei',
      producer: `taisei ${input.toolVersion}`,
      creationDate: submissionDate,
      modDate: submissionDate,
    },
    defaultStyle: { font: 'Serif', fontSize: BODY_SIZE, lineHeight: 1.3 },
    styles: {
      coverForm: { fontSize: 9 },
      coverTitle: { font: 'Sans', bold: true, fontSize: 20, alignment: 'center', characterSpacing: 4 },
      tocTitle: { font: 'Sans', bold: true, fontSize: 14, alignment: 'center', margin: [0, 0, 0, 16] },
      attachmentTitle: { font: 'Sans', bold: true, fontSize: 13, margin: [0, 0, 0, 10] },
      item: { font: 'Sans', bold: true, fontSize: 11, lineHeight: 1.3, margin: [0, 16, 0, 6] },
      block: { font: 'Sans', bold: true, fontSize: 9.5, margin: [0, 8, 0, 4] },
      record: { font: 'Sans', bold: true, fontSize: 9.5, margin: [0, 8, 0, 3] },
      th: { font: 'Sans', bold: true, fontSize: 8.5, fillColor: '#eeeeee' },
      label: { font: 'Sans', bold: true, fontSize: 8.5 },
      none: { margin: [0, 2, 0, 4] },
      note: { fontSize: 8.5 },
    },
    header: (page: number) => (page === 1 ? null : { text: wording.text('running-header', templateData), fontSize: 8, alignment: 'right', margin: [64, 28, 64, 0], color: '#444444' }),
    footer: (page: number, pages: number) => (page === 1 ? null : { text: wording.text('footer', { page, pages }), fontSize: 9, alignment: 'center', margin: [0, 18, 0, 0] }),
    // A heading never ends a page: if nothing follows it on its page, it moves to the next one.
    pageBreakBefore: (node: { headlineLevel?: number }, nodes: { getFollowingNodesOnPage: () => unknown[] }) => node.headlineLevel !== undefined && nodes.getFollowingNodesOnPage().length === 0,
    content,
  };
}

/** A flat object's values as text for a template (withheld ones as 非公表). */
function displayed(entry: Entry, wording: Wording): Entry {
  return Object.fromEntries(Object.entries(entry).map(([k, v]) => [k, isWithheld(v) ? wording.text('withheld') : v]));
}

function plainFiler(filer: Entry, wording: Wording): Entry {
  // The cover shows the filer's own particulars; a withheld one prints as 非公表.
  const text = (v: unknown) => (isWithheld(v) ? wording.text('withheld') : v);
  const representative = filer.representative as Entry;
  return { name: text(filer.name), address: text(filer.address), representative: { title: text(representative.title), name: text(representative.name) } };
}

function cover(wording: Wording, data: Record<string, unknown>, edition: Edition): Content[] {
  const filerLines = wording.text('cover-filer', data).split('\n');
  return [
    { text: wording.text('cover-form'), style: 'coverForm' },
    { text: wording.text('cover-date', data), alignment: 'right', margin: [0, 24, 0, 24] },
    { text: wording.text('cover-addressee', data), margin: [0, 0, 0, 24] },
    { columns: [{ width: '*', text: '' }, { width: 'auto', stack: filerLines.map((line) => ({ text: paragraphInlines(line) })), lineHeight: 1.6 }] },
    { text: wording.text('cover-title'), style: 'coverTitle', margin: [0, 64, 0, 40] },
    { text: proseInlines(wording.text('cover-body', data)), lineHeight: 1.8, leadingIndent: BODY_SIZE },
    ...(data.contact ? [{ text: proseInlines(wording.text('cover-contact', data)), style: 'note', margin: [0, 48, 0, 0] }] : []),
    ...(edition === 'public' ? [{ text: wording.text('public-note'), style: 'note', margin: [0, 40, 0, 0] }] : []),
  ];
}

class RenderContext {
  constructor(private readonly input: DocumentInput) {}

  private get wording(): Wording {
    return this.input.wording;
  }

  item(item: ProfileItem): Content[] {
    const heading = this.wording.text('item-heading', { label: item.label, title: item.title });
    const out: Content[] = [{ stack: [{ text: paragraphInlines(heading), tocItem: true, outline: true, outlineText: `${item.label}　${shorten(item.title)}` }], style: 'item', unbreakable: true, headlineLevel: 1 }];
    const sections = item.sections as string[];
    const single = sections.length === 1;
    let wrote = false;
    for (const section of sections) {
      const value = this.input.data[section];
      const blocks = SECTION_LAYOUTS[section] ?? [];
      const empty = value === undefined || (Array.isArray(value) && value.length === 0);
      if (empty) {
        if (!single) out.push({ text: this.title([section]), style: 'block' });
        // a corrective item with nothing to correct says so; a section left out never vanishes
        out.push({ text: this.wording.text(item.whenEmpty === 'none' || value !== undefined ? 'none' : 'empty-section'), style: 'none' });
        wrote = true;
        continue;
      }
      if (!single && blocks.length > 0) out.push({ text: this.title([section]), style: 'block', headlineLevel: 2 });
      for (const block of blocks) {
        const rendered = this.block(block, single && blocks.length === 1);
        out.push(...rendered);
        wrote ||= rendered.length > 0;
      }
    }
    if (!wrote) out.push({ text: this.wording.text('none'), style: 'none' });
    return out;
  }

  private title(segments: readonly string[]): string {
    return this.input.schema.at(segments)?.title ?? segments[segments.length - 1] ?? '';
  }

  private block(block: Block, onlyBlock: boolean): Content[] {
    const segments = parsePointer(block.path);
    const value = getAt(this.input.data, segments);
    if (value === undefined || value === null) return [];
    const heading = onlyBlock || block.kind === 'text' || block.kind === 'corrections' ? [] : [{ text: this.title(segments), style: 'block', headlineLevel: 2 }];
    switch (block.kind) {
      case 'text':
        return [{ text: proseInlines(this.format(value, this.input.schema.at(segments))), margin: [0, 0, 0, 6] }];
      case 'table': {
        if (!Array.isArray(value)) return [];
        if (value.length === 0) return [...heading, { text: this.wording.text('none'), style: 'none' }];
        return [this.table(segments, value as Entry[], block.columns, block.fontSize ?? TABLE_SIZE, onlyBlock ? undefined : this.title(segments))];
      }
      case 'records': {
        if (!Array.isArray(value)) return [];
        return (value as Entry[]).map((entry, index) =>
          this.fieldTable([...segments, String(index)], entry, block.fields, block.heading.map((k) => this.display(entry[k])).filter(Boolean).join('　'), 'record'),
        );
      }
      case 'fields':
        return [this.fieldTable(segments, value as Entry, block.fields, onlyBlock ? undefined : this.title(segments), 'block')];
      case 'corrections':
        return this.corrections(segments, value, block.findings);
    }
  }

  /**
   * A heading as the first header row of its table: it stays with the table (never stranded at
   * the foot of a page) and is repeated on every page the table runs onto.
   */
  private headingRow(heading: string, style: string, columns: number): Content[] {
    const none = [false, false, false, false];
    return [{ text: paragraphInlines(heading), style, colSpan: columns, border: none, margin: [-4, 4, 0, 0] }, ...Array.from({ length: columns - 1 }, () => ({ text: '', border: none }))];
  }

  /** A label/value table for one object. Fields with no value are left out. */
  private fieldTable(segments: string[], entry: Entry, fields: Field[], heading?: string, headingStyle = 'block'): Content {
    const body: Content[] = [];
    const valueWidth = CONTENT_WIDTH - 110 - 16;
    let tallest = 0;
    for (const field of fields) {
      const path = field.path.split('.');
      const value = getAt(entry, path);
      if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
      const node = this.input.schema.at([...segments, ...path]);
      const text = this.cell(this.fieldText(value, node, field, entry), valueWidth, TABLE_SIZE);
      tallest = Math.max(tallest, estimatedHeight(text, valueWidth, TABLE_SIZE));
      body.push([{ text: paragraphInlines(node?.title ?? field.path, 11), style: 'label' }, { text }]);
    }
    if (body.length === 0) body.push([{ text: this.wording.text('none'), colSpan: 2 }, {}]);
    if (heading !== undefined) body.unshift(this.headingRow(heading, headingStyle, 2));
    const headerRows = heading !== undefined ? 1 : 0;
    const fits = tallest < MAX_UNBROKEN_ROW;
    return { table: { headerRows, keepWithHeaderRows: fits ? headerRows : 0, widths: [110, '*'], body, dontBreakRows: fits }, taiseiHeading: heading !== undefined, layout: 'taisei', fontSize: TABLE_SIZE, margin: [0, 0, 0, 6] };
  }

  private table(segments: string[], entries: Entry[], columns: Field[], fontSize: number, heading?: string): Content {
    const itemNode = this.input.schema.at([...segments, '0']);
    // The width each column gets, to size phrases so that none is wider than its cell.
    const fixed = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 0), 0);
    const stars = columns.filter((c) => typeof c.width !== 'number').length;
    const starWidth = stars > 0 ? Math.max(40, (CONTENT_WIDTH - fixed - columns.length * 9) / stars) : 0;
    const inner = (column: Field) => (typeof column.width === 'number' ? column.width : starWidth) - 8;
    const maxEms = (column: Field, size: number) => Math.max(2, inner(column) / size);
    const header = columns.map((column) => ({ text: paragraphInlines(this.columnTitle(itemNode, segments, column), maxEms(column, 8.5)), style: 'th' }));
    const widths = columns.map((c) => c.width ?? '*');
    const body: Content[] = [header];
    let tallest = 0;
    entries.forEach((entry, index) => {
      body.push(
        columns.map((column) => {
          const path = column.path.split('.');
          const node = this.input.schema.at([...segments, String(index), ...path]);
          const extra = (column.lines ?? []).map((line) => this.fieldText(getAt(entry, line.split('.')), this.input.schema.at([...segments, String(index), ...line.split('.')]), { path: line }, entry));
          const text = this.cell([this.fieldText(getAt(entry, path), node, column, entry), ...extra].filter((t) => t !== '').join('\n'), inner(column), fontSize);
          tallest = Math.max(tallest, estimatedHeight(text, inner(column), fontSize));
          return { text };
        }),
      );
    });
    if (heading !== undefined) body.unshift(this.headingRow(heading, 'block', columns.length));
    const headerRows = heading !== undefined ? 2 : 1;
    const fits = tallest < MAX_UNBROKEN_ROW;
    return { table: { headerRows, keepWithHeaderRows: fits ? 1 : 0, widths, body, dontBreakRows: fits }, taiseiHeading: heading !== undefined, layout: 'taisei', fontSize, margin: [0, 0, 0, 8] };
  }

  private columnTitle(itemNode: SchemaNode | undefined, segments: string[], column: Field): string {
    return [column.path, ...(column.lines ?? [])]
      .map((p) => (itemNode ? this.input.schema.at([...segments, '0', ...p.split('.')])?.title : undefined) ?? p)
      .join('／');
  }

  private corrections(segments: string[], value: unknown, findingsPath: string): Content[] {
    const entries = Array.isArray(value) ? (value as Entry[]) : [];
    if (entries.length === 0) return [{ text: this.wording.text('none'), style: 'none' }];
    const findings = (getAt(this.input.data, parsePointer(findingsPath)) as Entry[] | undefined) ?? [];
    const itemNode = this.input.schema.at([...segments, '0']);
    const title = (key: string) => this.input.schema.resolve(itemNode?.properties?.[key])?.title ?? key;
    const body: Content[] = [[title('finding'), title('outcome'), `${title('action')}／${title('reason')}`, title('completed')].map((t) => ({ text: paragraphInlines(t), style: 'th' }))];
    entries.forEach((entry, index) => {
      const finding = findings.find((f) => f.id === entry.finding);
      const findingText = finding ? `${String(entry.finding)}　${this.display(finding.summary)}` : this.display(entry.finding);
      const node = (key: string) => this.input.schema.at([...segments, String(index), key]);
      const widths = [122, 52, CONTENT_WIDTH - 130 - 60 - 62 - 4 * 9, 54];
      body.push([
        { text: this.cell(findingText, widths[0]!, TABLE_SIZE) },
        { text: this.cell(this.fieldText(entry.outcome, node('outcome'), { path: 'outcome' }, entry), widths[1]!, TABLE_SIZE) },
        { text: this.cell(this.fieldText(entry.outcome === 'taken' ? entry.action : entry.reason, node(entry.outcome === 'taken' ? 'action' : 'reason'), { path: 'action' }, entry), widths[2]!, TABLE_SIZE) },
        { text: this.cell(this.fieldText(entry.completed, node('completed'), { path: 'completed' }, entry), widths[3]!, TABLE_SIZE) },
      ]);
    });
    return [{ table: { headerRows: 1, keepWithHeaderRows: 1, widths: [130, 60, '*', 62], body, dontBreakRows: true }, layout: 'taisei', fontSize: TABLE_SIZE, margin: [0, 0, 0, 8] }];
  }

  /** The related companies (特定関係事業者) the report is about, before the items. */
  relatedCompanies(): Content[] {
    const list = (this.input.data.relatedCompanies as Entry[] | undefined) ?? [];
    if (list.length === 0) return [];
    return [this.table(['relatedCompanies'], list, [{ path: 'name', width: '*' }, { path: 'business', width: '*' }], TABLE_SIZE, this.title(['relatedCompanies']))];
  }

  attachments(): Content[] {
    const list = (this.input.data.attachments as Entry[] | undefined) ?? [];
    if (list.length === 0) return [];
    const node = (i: number, key: string) => this.input.schema.at(['attachments', String(i), key]);
    const header = ['title', 'kind', 'file'].map((key) => ({ text: node(0, key)?.title ?? key, style: 'th' }));
    const body: Content[] = [header];
    list.forEach((entry, i) => {
      const hidden = this.input.edition === 'public' && attachmentWithheld(entry as { kind?: string; withheld?: boolean });
      const star = (CONTENT_WIDTH - 70 - 3 * 9) / 2;
      body.push([
        { text: this.cell(this.fieldText(entry.title, node(i, 'title'), { path: 'title' }, entry), star, TABLE_SIZE) },
        { text: this.cell(this.fieldText(entry.kind, node(i, 'kind'), { path: 'kind' }, entry), 62, TABLE_SIZE) },
        { text: hidden ? this.wording.text('withheld') : this.cell(this.fieldText(entry.file, node(i, 'file'), { path: 'file' }, entry), star, TABLE_SIZE) },
      ]);
    });
    return [
      { stack: [{ text: this.wording.text('attachments-title'), tocItem: true, outline: true }], style: 'item', unbreakable: true, headlineLevel: 1 },
      { table: { headerRows: 1, keepWithHeaderRows: 1, widths: ['*', 70, '*'], body, dontBreakRows: true }, layout: 'taisei', fontSize: TABLE_SIZE },
    ];
  }

  /** The appendix: what changed since last year's filing, by item, worded from the templates. */
  changes(): Content[] {
    const diff = this.input.changes;
    if (!diff) return [];
    const w = (name: string) => this.wording.text(name);
    const old = diff.old.fiscalYear !== undefined ? fiscalYearLabel(this.wording, diff.old.fiscalYear) : '';
    const out: Content[] = [
      { stack: [{ text: w('appendix-title'), tocItem: true, outline: true }], style: 'item', unbreakable: true, headlineLevel: 1, pageBreak: 'before' },
      { text: proseInlines(this.wording.text('appendix-note', { old })), style: 'note', margin: [0, 0, 0, 8] },
    ];
    const summary: Content[] = [[w('change-item'), w('change-list'), w('change-added'), w('change-removed'), w('change-changed')].map((text) => ({ text, style: 'th' }))];
    for (const s of diff.sections) {
      for (const l of s.lists) summary.push([s.item?.label ?? '', this.titleOfPath(l.list), String(l.added), String(l.removed), String(l.changed)].map((text) => ({ text: paragraphInlines(text, 20) })));
      if (s.fields.length > 0) summary.push([s.item?.label ?? '', s.section !== 'header' ? this.titleOfPath(s.section) : w('change-header'), '', '', String(s.fields.length)].map((text) => ({ text: paragraphInlines(text, 20) })));
    }
    if (summary.length === 1) return [...out, { text: w('none'), style: 'none' }];
    out.push({ table: { headerRows: 1, widths: [40, '*', 40, 40, 40], body: summary, dontBreakRows: true }, layout: 'taisei', fontSize: TABLE_SIZE, margin: [0, 0, 0, 10] });
    const detailWidth = CONTENT_WIDTH - 40 - 130 - 3 * 9;
    for (const s of diff.sections) {
      const body: Content[] = [[w('change-list'), w('change-detail')].map((text) => ({ text, style: 'th' })).concat([])];
      const rows: [string, string][] = [];
      for (const f of s.fields) rows.push([w('change-changed'), `${this.titleOfPath(f.path)}：${this.changeValue(f.path, f.old)} → ${this.changeValue(f.path, f.new)}`]);
      for (const l of s.lists) {
        for (const e of l.entries) {
          const name = `${e.key}${e.label && e.label !== e.key ? `　${e.label}` : ''}`;
          const lines = e.fields.map((f) => `${this.titleOfPath(`${l.list}.0.${f.path}`)}：${this.changeValue(`${l.list}.0.${f.path}`, f.old)} → ${this.changeValue(`${l.list}.0.${f.path}`, f.new)}`);
          rows.push([w(`change-${e.kind}`), [name, ...lines].join('\n')]);
        }
      }
      if (rows.length === 0) continue;
      for (const [kind, detail] of rows) body.push([{ text: paragraphInlines(kind, 6) }, { text: this.cell(detail, detailWidth + 130, TABLE_SIZE) }]);
      const heading = s.item ? `${s.item.label}　${s.item.title}` : s.section === 'header' ? w('change-header') : `${w('change-reference')}　${this.titleOfPath(s.section)}`;
      out.push(this.tableWithHeading(heading, [40, '*'], body));
    }
    return out;
  }

  /**
   * The appendix 参考資料: the readiness score by area (a table and a bar chart drawn with vector
   * shapes), the self-assessment by check item, and the improvement plan.
   */
  assessment(): Content[] {
    const evaluation = this.input.assessment;
    if (!evaluation) return [];
    const note = this.wording.text('assessment-note', { catalogue: evaluation.catalogue.title.ja, starred: evaluation.applicable.some((i) => i.starred) });
    return [
      { stack: [{ text: this.wording.text('assessment-title'), tocItem: true, outline: true }], style: 'item', unbreakable: true, headlineLevel: 1, pageBreak: 'before' },
      { text: proseInlines(note), style: 'note', margin: [0, 0, 0, 8] },
      ...this.scoreTableAndChart(evaluation),
      this.checkItemsTable(evaluation),
      ...this.planTable(evaluation),
    ];
  }

  private scoreTableAndChart(evaluation: Evaluation): Content[] {
    const w = (name: string, data: Record<string, unknown> = {}) => this.wording.text(name, data);
    const percent = (value: number | undefined) => (value === undefined ? '—' : w('assessment-percent', { value: value.toFixed(1) }));
    const areaName = (id: string) => evaluation.catalogue.areas.find((a) => a.id === id)?.ja ?? id;
    const rows = [...evaluation.areas.map((a) => ({ name: areaName(a.id), s: a as Scored, total: false })), { name: w('assessment-overall'), s: evaluation.overall, total: true }];
    const emphasis = (total: boolean) => (total ? { style: 'label' } : {});
    const body: Content[] = [['assessment-area', 'assessment-items', 'assessment-coverage', 'assessment-evidence', 'assessment-recurrences', 'assessment-readiness'].map((name) => ({ text: w(name), style: 'th' }))];
    for (const { name, s, total } of rows) {
      const recurrences = s.windows === 0 ? '—' : w('assessment-windows', { met: s.met, due: s.windows, percent: percent(s.recurrences) });
      const cells = [name, String(s.items), percent(s.coverage), percent(s.evidence), recurrences, s.readiness.toFixed(1)];
      body.push(cells.map((text, i) => ({ text: paragraphInlines(text, 16), ...(i > 0 ? { alignment: 'right' } : {}), ...emphasis(total) })));
    }
    const barWidth = CONTENT_WIDTH - 120 - 40 - 3 * 9;
    const bar = (value: number, total: boolean) => ({
      canvas: [
        { type: 'rect', x: 0, y: 3, w: barWidth, h: 9, color: '#eeeeee' },
        { type: 'rect', x: 0, y: 3, w: Math.max(0, Math.min(100, value)) * (barWidth / 100), h: 9, color: total ? '#333333' : '#777777' },
        ...[25, 50, 75].map((tick) => ({ type: 'line', x1: (tick * barWidth) / 100, y1: 2, x2: (tick * barWidth) / 100, y2: 13, lineWidth: 0.4, lineColor: '#ffffff' })),
      ],
    });
    const chart = rows.map(({ name, s, total }) => [{ text: paragraphInlines(name, 12), ...emphasis(total) }, bar(s.readiness, total), { text: s.readiness.toFixed(1), alignment: 'right', ...emphasis(total) }]);
    return [
      this.tableWithHeading(w('assessment-score'), ['*', 44, 50, 50, 96, 44], body),
      { table: { widths: [120, barWidth, 40], body: chart }, layout: 'noBorders', fontSize: TABLE_SIZE, margin: [0, 0, 0, 12] },
    ];
  }

  private checkItemsTable(evaluation: Evaluation): Content {
    const assessments = (this.input.data.selfAssessment ?? {}) as Record<string, Entry | undefined>;
    const node = (item: string, key: string) => this.input.schema.at(['selfAssessment', item, key]);
    const widths = [108, 54, CONTENT_WIDTH - 108 - 54 - 124 - 4 * 9, 124];
    const headings = [this.wording.text('assessment-items'), ...['status', 'measures', 'evidence'].map((key) => node(evaluation.catalogue.items[0]!.id, key)?.title ?? key)];
    const body: Content[] = [headings.map((text) => ({ text: paragraphInlines(text, 12), style: 'th' }))];
    for (const item of evaluation.applicable) {
      const entry = assessments[item.id];
      const status = entry ? this.format(entry.status, node(item.id, 'status')) : this.wording.text('assessment-not-assessed');
      const lines = entry && Array.isArray(entry.measures) ? entry.measures.map((m) => this.display(m)) : [];
      if (entry?.note !== undefined) lines.push(`${node(item.id, 'note')?.title ?? 'note'}：${this.display(entry.note)}`);
      const measures = lines.length > 1 ? lines.map((l) => `・${l}`).join('\n') : (lines[0] ?? '');
      const evidence = entry && Array.isArray(entry.evidence) ? entry.evidence.map((ref) => this.evidenceLabel(ref)).join('\n') : '';
      const cells = [`${item.id}${item.starred ? '★' : ''}　${item.ja}`, status, measures, evidence];
      body.push(cells.map((text, i) => ({ text: this.cell(text, widths[i]! - 8, TABLE_SIZE) })));
    }
    return this.tableWithHeading(this.wording.text('assessment-checkitems'), widths, body);
  }

  private planTable(evaluation: Evaluation): Content[] {
    const plan = Array.isArray(this.input.data.improvementPlan) ? (this.input.data.improvementPlan as Entry[]) : [];
    if (plan.length === 0) return [];
    const w = (name: string, data: Record<string, unknown> = {}) => this.wording.text(name, data);
    const node = (i: number, key: string) => this.input.schema.at(['improvementPlan', String(i), key]);
    const title = (key: string) => node(0, key)?.title ?? key;
    const missed = new Map(evaluation.recurrences.map((r) => [r.index, r.missed]));
    const widths = [134, 104, 56, CONTENT_WIDTH - 134 - 104 - 56 - 4 * 9];
    const headings = [title('title'), `${title('start')}／${title('due')}・${title('recurrence')}`, title('status'), title('evidence')];
    const body: Content[] = [headings.map((text) => ({ text: paragraphInlines(text, 12), style: 'th' }))];
    plan.forEach((m, i) => {
      const measure = [`${this.display(m.id)}　${this.format(m.title, node(i, 'title'))}`, `${title('area')}：${this.format(m.area, node(i, 'area'))}`, `${title('owner')}：${this.format(m.owner, node(i, 'owner'))}`];
      const when = [
        typeof m.start === 'string' ? w('assessment-start', { start: wareki(m.start) }) : '',
        typeof m.due === 'string' ? w('assessment-due', { due: wareki(m.due) }) : '',
        typeof m.recurrence === 'string' ? this.recurrenceText(m.recurrence) : this.display(m.recurrence),
      ];
      const gaps = missed.get(i) ?? [];
      const record = [
        ...(Array.isArray(m.evidence) ? m.evidence.map((ref) => this.evidenceLabel(ref)) : []),
        ...(gaps.length > 0 ? [w('assessment-missed', { windows: gaps.map((g) => this.windowLabel(g)).join('、') })] : []),
      ];
      const cells = [measure.join('\n'), when.filter(Boolean).join('\n'), this.format(m.status, node(i, 'status')), record.join('\n')];
      body.push(cells.map((text, j) => ({ text: this.cell(text, widths[j]! - 8, TABLE_SIZE) })));
    });
    return [this.tableWithHeading(w('assessment-plan'), widths, body)];
  }

  /** "trainings/TRN-01" → 研修 TRN-01 役員向け行為規制研修 (the entry's kind, its id, its name or else its date). */
  private evidenceLabel(ref: unknown): string {
    if (typeof ref !== 'string') return this.display(ref);
    const slash = ref.lastIndexOf('/');
    const kind = evidenceKinds().get(ref.slice(0, slash));
    if (!kind) return ref;
    const id = ref.slice(slash + 1);
    const list = getAt(this.input.data, kind.path);
    const entry = Array.isArray(list) ? (list as Entry[]).find((e) => e.id === id) : undefined;
    const name = entry ? (entry.title ?? entry.name) : undefined;
    const date = entry ? kind.dated.map((field) => entry[field]).find((v) => typeof v === 'string') : undefined;
    const title = this.input.schema.at([...kind.path, '0'])?.title ?? this.input.schema.at(kind.path)?.title ?? ref.slice(0, slash);
    const what = typeof name === 'string' ? name : typeof date === 'string' ? wareki(date) : '';
    return [title, id, what].filter(Boolean).join(' ');
  }

  /** A recurrence as the Japanese notation writes it, whichever form the filing used. */
  private recurrenceText(text: string): string {
    const recurrence = parseRecurrence(text);
    return recurrence ? japaneseNotation(recurrence) : text;
  }

  /** A window of months in 和暦: 令和6年10月〜令和7年3月. */
  private windowLabel(window: Window): string {
    const month = (ym: string) => {
      const { era, year, month: m } = eraDate(`${ym}-01`);
      return this.wording.text('assessment-month', { era, year, month: m });
    };
    return window.from === window.to ? month(window.from) : this.wording.text('assessment-window', { from: month(window.from), to: month(window.to) });
  }

  private tableWithHeading(heading: string, widths: (number | string)[], body: Content[]): Content {
    body.unshift(this.headingRow(heading, 'block', widths.length));
    return { table: { headerRows: 2, keepWithHeaderRows: 1, widths, body, dontBreakRows: true }, taiseiHeading: true, layout: 'taisei', fontSize: TABLE_SIZE, margin: [0, 0, 0, 8] };
  }

  /** "systems.0.sharing.separationPlan.targetDate" → 共用解消の計画 › 解消の目標日 (schema titles). */
  private titleOfPath(path: string): string {
    const segments = path.split('.');
    const titles: string[] = [];
    for (let i = 1; i <= segments.length; i++) {
      if (/^\d+$/.test(segments[i - 1]!)) continue;
      const title = this.input.schema.at(segments.slice(0, i))?.title;
      if (title && titles[titles.length - 1] !== title) titles.push(title);
    }
    return titles.length > 0 ? titles.slice(-2).join(' › ') : path;
  }

  private changeValue(path: string, value: unknown): string {
    if (value === undefined) return '—';
    const text = this.format(value, this.input.schema.at(path.split('.')));
    return text.length > 120 ? `${text.slice(0, 118)}…` : text.replace(/\n/g, ' ');
  }

  /** A value's text for a cell: references by their names, the training's completion rate, else formatted. */
  private fieldText(value: unknown, node: SchemaNode | undefined, field: Field, entry: Entry): string {
    if (field.derived === 'completionRate') {
      const targeted = entry.targeted as number | undefined;
      const participants = entry.participants as number | undefined;
      if (typeof targeted === 'number' && typeof participants === 'number' && targeted > 0) {
        const rate = (Math.floor((participants / targeted) * 1000) / 10).toFixed(1);
        return `${participants} / ${targeted}\n${this.wording.text('completion-rate', { rate })}`;
      }
    }
    if (field.ref && !isWithheld(value)) {
      const list = (getAt(this.input.data, parsePointer(field.ref.list)) as Entry[] | undefined) ?? [];
      const ids = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
      return ids
        .map((id) => {
          const shown = list.find((e) => e.id === id)?.[field.ref!.show];
          return shown === undefined ? String(id) : this.display(shown);
        })
        .join('、');
    }
    return this.format(value, node);
  }

  /** A cell's text as lines no wider than the cell (measured in the body font). */
  private cell(text: string, width: number, fontSize: number): Inline[] {
    return this.input.measure ? brokenLines(text, width, fontSize, this.input.measure) : paragraphInlines(text, width / fontSize);
  }

  /** The text of a value, formatted by its schema: 和暦 dates, enum labels, はい/いいえ, nested objects as lines. */
  format(value: unknown, node: SchemaNode | undefined): string {
    const schema = this.input.schema;
    const resolved = schema.resolve(node);
    if (isWithheld(value)) return this.wording.text('withheld');
    if (value === undefined || value === null) return '';
    if (typeof value === 'boolean') return this.wording.text(value ? 'yes' : 'no');
    if (typeof value === 'number') return String(value);
    if (typeof value === 'string') {
      if (resolved?.format === 'date') return wareki(value);
      const index = resolved?.enum?.indexOf(value) ?? -1;
      if (index >= 0 && resolved?.enumDescriptions?.[index]) return resolved.enumDescriptions[index]!;
      return value;
    }
    if (Array.isArray(value)) {
      const items = schema.resolve(resolved?.items);
      if (items?.type === 'object') return value.map((v) => this.format(v, items).replace(/\n/g, '　')).join('\n');
      return value.map((v) => this.format(v, items)).join('、');
    }
    if (typeof value === 'object') {
      const entry = value as Entry;
      const properties = resolved?.properties ?? {};
      if ('from' in entry && 'to' in entry && Object.keys(properties).length === 2) {
        return this.wording.text('period', { from: this.format(entry.from, properties.from), to: this.format(entry.to, properties.to) });
      }
      return Object.entries(entry)
        .filter(([, v]) => v !== undefined && v !== null)
        .map(([k, v]) => {
          const child = schema.resolve(properties[k]);
          return `${child?.title ?? k}：${this.format(v, properties[k])}`;
        })
        .join('\n');
    }
    return String(value);
  }

  private display(value: unknown): string {
    return this.format(value, undefined);
  }
}

/** Outline entries are short: the item's title up to its first clause. */
function shorten(title: string): string {
  return title.length <= 40 ? title : `${title.slice(0, 38)}…`;
}
