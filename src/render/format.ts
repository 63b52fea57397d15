// Values as the document prints them, from their schema: 和暦 dates, enum labels, はい/いいえ,
// periods, nested objects as lines, references by the name of what they point at. Pure: it builds
// text only, so it is tested without pdfmake.
import { evidenceKinds } from '../assessment/evidence.js';
import type { SchemaIndex, SchemaNode } from '../model/schema-index.js';
import { japaneseNotation, parseRecurrence, type Window } from '../model/recurrence.js';
import { isWithheld } from '../model/withheld.js';
import { getAt, parsePointer } from '../util/pointer.js';
import { barToken, keep, keepInList } from './compose.js';
import type { Field } from './layouts.js';
import { eraDate, wareki } from './wareki.js';

/** What fills an empty cell, and stands for a value that is not there: one mark in every table. */
export const EMPTY_CELL = '－';

/** Where fixed words come from (the templates). */
export interface Words {
  text(name: string, data?: Record<string, unknown>): string;
}

export type Entry = Record<string, unknown>;

/** 令和6年度 for 2024: the fiscal year as the templates word it. */
export function fiscalYearLabel(wording: Words, fiscalYear: number): string {
  const { era, year } = eraDate(`${fiscalYear}-04-01`);
  return wording.text('fiscal-year', { era, year });
}

export class Formatter {
  constructor(
    readonly schema: SchemaIndex,
    readonly wording: Words,
    /** The filing as the edition shows it: references are looked up in it. */
    readonly data: Record<string, unknown>,
  ) {}

  /**
   * The text of a value, formatted by its schema: 和暦 dates, enum labels, はい/いいえ, nested
   * objects as lines. Dates, labels and yes/no are marked to be kept whole on a line; a filer's
   * text has its single line breaks joined (as a folded YAML scalar would) and a blank line as a
   * paragraph break; a withheld value is the shape of a redaction bar.
   */
  format(value: unknown, node: SchemaNode | undefined): string {
    const schema = this.schema;
    const resolved = schema.resolve(node);
    if (isWithheld(value)) return value.shape ? barToken(value.shape) : this.wording.text('withheld');
    if (value === undefined || value === null) return '';
    if (typeof value === 'boolean') return keep(this.wording.text(value ? 'yes' : 'no'));
    if (typeof value === 'number') return String(value);
    if (typeof value === 'string') {
      // a reference the schema says how to show: its referent's fields (a room as 12階 託送系サーバ室)
      const site = node as { 'x-taisei-ref'?: string; 'x-taisei-ref-show'?: string[] } | undefined;
      if (site?.['x-taisei-ref'] && site['x-taisei-ref-show']) {
        const list = getAt(this.data, site['x-taisei-ref'].split('.'));
        const referent = Array.isArray(list) ? (list as Entry[]).find((e) => e.id === value) : undefined;
        if (referent)
          return site['x-taisei-ref-show']
            .map((key) => this.format(referent[key], undefined))
            .filter((text) => text !== '')
            .join(' ');
      }
      if (resolved?.format === 'date') return keep(wareki(value));
      const index = resolved?.enum?.indexOf(value) ?? -1;
      if (index >= 0 && resolved?.enumDescriptions?.[index]) return keep(resolved.enumDescriptions[index]!);
      return folded(value);
    }
    if (Array.isArray(value)) {
      const items = schema.resolve(resolved?.items);
      if (items?.type === 'object') return value.map((v) => this.format(v, items).replace(/\n/g, '　')).join('\n');
      // labels in a list may break where keeping one whole would leave a line loosely spaced
      return value.map((v) => this.format(v, items).replace(/^\ue002([^]*)\ue003$/, (_, l: string) => keepInList(l))).join('、');
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

  /** A value's text with nothing marked (for the outline and metadata). */
  plain(value: unknown, node?: SchemaNode): string {
    return plainText(this.format(value, node));
  }

  /** A value's text without a schema. */
  display(value: unknown): string {
    return this.format(value, undefined);
  }

  /** A value's text for a cell: references by their names, the training's completion rate, else formatted. */
  fieldText(value: unknown, node: SchemaNode | undefined, field: Field, entry: Entry): string {
    if (field.derived === 'completionRate') {
      const targeted = entry.targeted as number | undefined;
      const participants = entry.participants as number | undefined;
      if (typeof targeted === 'number' && typeof participants === 'number' && targeted > 0) {
        const rate = (Math.floor((participants / targeted) * 1000) / 10).toFixed(1);
        return `${participants} / ${targeted}\n${this.wording.text('completion-rate', { rate })}`;
      }
    }
    if (field.ref && !isWithheld(value)) {
      const list = (getAt(this.data, parsePointer(field.ref.list)) as Entry[] | undefined) ?? [];
      const ids = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
      return ids
        .map((id) => {
          const index = list.findIndex((e) => e.id === id);
          if (index >= 0 && field.ref!.numbered) return keep(this.wording.text(field.ref!.numbered, { n: index + 1 }));
          const shown = list[index]?.[field.ref!.show];
          return shown === undefined ? String(id) : this.display(shown);
        })
        .join('、');
    }
    return this.format(value, node);
  }

  /** The schema title of a data path, or its last segment. */
  title(segments: readonly string[]): string {
    return this.schema.at(segments)?.title ?? segments[segments.length - 1] ?? '';
  }

  /** "systems.0.sharing.separationPlan.targetDate" → 共用解消の計画 › 解消の目標日 (schema titles). */
  titleOfPath(path: string): string {
    const segments = path.split('.');
    const titles: string[] = [];
    for (let i = 1; i <= segments.length; i++) {
      if (/^\d+$/.test(segments[i - 1]!)) continue;
      const title = this.schema.at(segments.slice(0, i))?.title;
      if (title && titles[titles.length - 1] !== title) titles.push(title);
    }
    return titles.length > 0 ? titles.slice(-2).join(' › ') : path;
  }

  /** A changed value, on one line and cut at 120 characters. */
  changeValue(path: string, value: unknown): string {
    if (value === undefined) return EMPTY_CELL;
    if (isWithheld(value)) return this.format(value, undefined);
    const text = plainText(this.format(value, this.schema.at(path.split('.'))));
    return text.length > 120 ? `${text.slice(0, 118)}…` : text.replace(/\n/g, ' ');
  }

  /** A recurrence as the Japanese notation writes it, whichever form the filing used. */
  recurrenceText(text: string): string {
    const recurrence = parseRecurrence(text);
    return recurrence ? japaneseNotation(recurrence) : text;
  }

  /** A window of months in 和暦: 令和6年10月〜令和7年3月. */
  windowLabel(window: Window): string {
    const month = (ym: string) => {
      const { era, year, month: m } = eraDate(`${ym}-01`);
      return this.wording.text('assessment-month', { era, year, month: m });
    };
    return window.from === window.to
      ? month(window.from)
      : this.wording.text('assessment-window', { from: month(window.from), to: month(window.to) });
  }

  /**
   * "trainings/TRN-01" → 研修 TRN-01 役員向け行為規制研修 (the entry's kind, its id, its name or else its
   * date); "premises/rooms/room-hq-08" → 室 託送執務室 (a lower-case key is not shown).
   */
  evidenceLabel(ref: unknown): string {
    if (typeof ref !== 'string') return this.display(ref);
    const slash = ref.lastIndexOf('/');
    const kind = evidenceKinds().get(ref.slice(0, slash));
    if (!kind) return ref;
    const id = ref.slice(slash + 1);
    const list = getAt(this.data, kind.path);
    const entry = Array.isArray(list) ? (list as Entry[]).find((e) => e.id === id) : undefined;
    const name = entry ? (entry.title ?? entry.name) : undefined;
    const date = entry ? kind.dated.map((field) => entry[field]).find((v) => typeof v === 'string') : undefined;
    const title = this.schema.at([...kind.path, '0'])?.title ?? this.schema.at(kind.path)?.title ?? ref.slice(0, slash);
    const what = typeof name === 'string' ? name : typeof date === 'string' ? wareki(date) : '';
    // an id written as a code (TRN-01, MB-1) is what the document shows elsewhere; a lower-case key
    // (room-conv-control) only links entries in the YAML, and the entry's name says what it is
    const shownId = /[a-z]/.test(id) && what !== '' ? '' : id;
    return [title, shownId, what].filter(Boolean).join(' ');
  }
}

/** Text with the composer's marks taken out; a redaction bar as as many ■ as it hides characters. */
export function plainText(text: string): string {
  // a bar's payload is its characters' entries, separated by spaces (within a cluster) and commas
  return text
    .replace(/[\ue002-\ue005]/g, '')
    .replace(/\ue000[^|]*\|([^\ue001]*)\ue001/g, (_, payload: string) => '■'.repeat(payload === '' ? 0 : payload.split(/[ ,]/).length));
}

/**
 * A filer's text as a folded YAML scalar reads: a single line break joins (with a space between
 * two Latin characters, with nothing between Japanese ones), a blank line starts a new paragraph.
 */
export function folded(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .trim()
    .split(/\n{2,}/)
    .map((p) => p.replace(/([\x21-\x7e]?)\n[ \t]*([\x21-\x7e]?)/g, (_, a: string, b: string) => (a && b ? `${a} ${b}` : `${a}${b}`)))
    .join('\n');
}
