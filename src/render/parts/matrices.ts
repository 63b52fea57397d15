// Layouts that suit many similar entries: a matrix (one row per entry) whose long texts become
// numbered notes under it — one note for every entry that says the same thing — with the facts
// the matrix cannot hold as a per-entry detail; and a table grouped under a row per group (rooms
// by site).
import type { SchemaIndex } from '../../model/schema-index.js';
import { getAt } from '../../util/pointer.js';
import { plainText, type Entry, type Formatter } from '../format.js';
import type { Field, GroupedBlock, MatrixBlock } from '../layouts.js';
import { CONTENT_WIDTH, STYLES, TABLE_SIZE, type Content } from '../styles.js';
import type { Cell } from '../tables.js';
import type { PartContext } from './context.js';

/** Texts longer than this (characters) go under the table as notes. */
const NOTE_OVER = 28;

/** Numbered notes: the same text gets the same number. */
class Notes {
  private readonly numbers = new Map<string, number>();
  readonly texts: string[] = [];
  /**
   * `uses`, when given, counts each text's uses: a text used once stays where it is (a detail has
   * the room), a repeated one becomes a note.
   */
  constructor(
    private readonly ref: (n: number) => string,
    private readonly uses?: ReadonlyMap<string, number>,
  ) {}
  /** The text itself if short (or, with `uses`, said only once), else its note's reference. */
  cell(text: string): string {
    if (plainText(text).length <= NOTE_OVER || (this.uses && (this.uses.get(text) ?? 0) < 2)) return text;
    let n = this.numbers.get(text);
    if (n === undefined) {
      this.texts.push(text);
      n = this.texts.length;
      this.numbers.set(text, n);
    }
    return this.ref(n);
  }
}

function fieldValue(f: Formatter, schema: SchemaIndex, segments: string[], index: number, entry: Entry, field: Field): string {
  const path = field.path.split('.');
  const node = schema.at([...segments, String(index), ...path]);
  const lines = [f.fieldText(getAt(entry, path), node, field, entry)];
  for (const line of field.lines ?? []) {
    const p = line.split('.');
    lines.push(f.fieldText(getAt(entry, p), schema.at([...segments, String(index), ...p]), { path: line }, entry));
  }
  return lines.filter((t) => t !== '').join('\n');
}

function columnTitles(ctx: PartContext, segments: string[], columns: Field[]): string[] {
  const itemNode = ctx.view.schema.at([...segments, '0']);
  return columns.map((c) => ctx.tables.columnTitle(itemNode, segments, c));
}

/** The notes under a table (注1 and its text), hanging, under 注. */
function notesList(ctx: PartContext, notes: Notes, fontSize: number): Content[] {
  if (notes.texts.length === 0) return [];
  const rows: Cell[][] = notes.texts.map((text, i) => [
    { text: ctx.wording.text('note-ref', { n: i + 1 }), face: 'Sans', props: { style: 'label' } },
    text,
  ]);
  const labelWidth =
    ctx.tables.composer.extent(ctx.wording.text('note-ref', { n: notes.texts.length }), STYLES.label.fontSize, 'Sans').max + 6;
  // headed 注, so that where the notes run onto another page they say so there (注（続き）)
  const grid = ctx.tables.grid([{ title: '', fixed: labelWidth }, { title: '' }], rows, {
    noHeader: true,
    fontSize,
    heading: ctx.wording.text('notes-heading'),
    headingStyle: 'notesHeading',
    margin: [0, -4, 0, 10],
  });
  return [{ ...(grid as Record<string, unknown>), layout: 'taiseiNotes' }];
}

/** One row per entry; long texts as notes under the table; what the matrix cannot hold, per entry. */
export function matrix(ctx: PartContext, segments: string[], entries: Entry[], block: MatrixBlock, title: string | undefined): Content[] {
  const { format, tables } = ctx;
  const schema = ctx.view.schema;
  const fontSize = block.fontSize ?? TABLE_SIZE;
  const notes = new Notes((n) => ctx.wording.text('note-ref', { n }));
  const rows = entries.map((entry, index) =>
    block.columns.map((c) => {
      const text = fieldValue(format, schema, segments, index, entry, c);
      return c.note ? notes.cell(text) : text;
    }),
  );
  const out: Content[] = [
    tables.grid(
      columnTitles(ctx, segments, block.columns).map((t) => ({ title: t })),
      rows,
      { fontSize, notesAfter: notes.texts.length > 0, ...(title !== undefined ? { heading: title } : {}) },
    ),
    ...notesList(ctx, notes, fontSize),
  ];
  if (block.detail) {
    const facts = entries.map((entry, index) =>
      block.detail!.fields.flatMap((field) => {
        const value = getAt(entry, field.path.split('.'));
        if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return [];
        const label = schema.at([...segments, String(index), ...field.path.split('.')])?.title ?? field.path;
        return [{ label, text: fieldValue(format, schema, segments, index, entry, field).replace(/\n/g, '　') }];
      }),
    );
    const uses = new Map<string, number>();
    for (const fact of facts.flat()) uses.set(fact.text, (uses.get(fact.text) ?? 0) + 1);
    const detailNotes = new Notes((n) => ctx.wording.text('note-ref', { n }), uses);
    const detailRows: Cell[][] = [];
    entries.forEach((entry, index) => {
      const lines = facts[index]!.map(({ label, text }) => ctx.wording.text('detail-line', { label, value: detailNotes.cell(text) }));
      if (lines.length === 0) return;
      const heading = block.detail!.heading.map((k) => format.display(entry[k])).filter(Boolean);
      detailRows.push([{ text: heading.join('\n'), face: 'Sans', props: { style: 'label' } }, lines.join('\n')]);
    });
    if (detailRows.length > 0) {
      const head = detailRows.map((r) => tables.composer.extent((r[0] as { text: string }).text, STYLES.label.fontSize, 'Sans').max);
      out.push(
        tables.grid([{ title: '', fixed: Math.min(Math.max(...head), CONTENT_WIDTH / 4) }, { title: '' }], detailRows, {
          noHeader: true,
          fontSize,
          notesAfter: detailNotes.texts.length > 0,
          heading: ctx.wording.text('detail-heading', { title: title ?? format.title(segments) }),
        }),
        ...notesList(ctx, detailNotes, fontSize),
      );
    }
  }
  return out;
}

/** A table under one header row per group (rooms under their site): the grouping column is not repeated. */
export function grouped(ctx: PartContext, segments: string[], entries: Entry[], block: GroupedBlock, title: string | undefined): Content[] {
  const { format, tables } = ctx;
  const schema = ctx.view.schema;
  const fontSize = block.fontSize ?? TABLE_SIZE;
  const groups = new Map<string, number[]>();
  entries.forEach((entry, i) => {
    const key = fieldValue(format, schema, segments, i, entry, block.by);
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const rows: Cell[][] = [];
  for (const [group, indexes] of groups) {
    rows.push([
      { text: group, face: 'Sans', props: { style: 'groupRow', colSpan: block.columns.length } },
      ...block.columns.slice(1).map(() => ''),
    ]);
    for (const i of indexes) rows.push(block.columns.map((c) => fieldValue(format, schema, segments, i, entries[i]!, c)));
  }
  return [
    tables.grid(
      columnTitles(ctx, segments, block.columns).map((t) => ({ title: t })),
      rows,
      { fontSize, ...(title !== undefined ? { heading: title } : {}) },
    ),
  ];
}
