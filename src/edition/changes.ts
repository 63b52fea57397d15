// Year over year: a semantic diff of two filings. One data model for every profile, so a 13-item
// filing and a 15-item one diff field by field; the result is grouped under the items of the NEW
// filing's profile. List entries are matched by id, then by name (or title, subject, event).
import type { Profile } from '../profiles/index.js';

export interface FieldChange {
  /** Path inside the entry (or section), dotted: "sharing.separationPlan.targetDate". */
  path: string;
  old: unknown;
  new: unknown;
}

export interface EntryChange {
  kind: 'added' | 'removed' | 'changed';
  /** The entry's id (or its name when it has no id). */
  key: string;
  /** A human name for the entry: its name, title, subject or event. */
  label?: string;
  fields: FieldChange[];
}

export interface ListDiff {
  /** Path of the list in the filing, dotted: "systems", "premises.rooms", "transactions.records". */
  list: string;
  added: number;
  removed: number;
  changed: number;
  entries: EntryChange[];
}

export interface SectionDiff {
  section: string;
  item?: { label: string; title: string };
  lists: ListDiff[];
  /** Changes to values that are not in a list (an officer, an overview, a count). */
  fields: FieldChange[];
}

export interface FilingDiff {
  format: 'taisei-diff';
  version: 1;
  old: { fiscalYear?: number; profile?: string };
  new: { fiscalYear?: number; profile?: string };
  sections: SectionDiff[];
}

type Json = unknown;
type Entry = Record<string, Json>;

const NAME_KEYS = ['name', 'title', 'subject', 'event'];

function isEntryList(value: Json): value is Entry[] {
  return Array.isArray(value) && value.length > 0 && value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v));
}

function labelOf(entry: Entry): string | undefined {
  for (const k of NAME_KEYS) if (typeof entry[k] === 'string') return entry[k] as string;
  return undefined;
}

function keyOf(entry: Entry, index: number): string {
  if (typeof entry.id === 'string') return entry.id;
  return labelOf(entry) ?? `#${index + 1}`;
}

/** JSON with object keys sorted, so that key order (YAML as written, or canonical JSON) does not count. */
export function stable(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Entry)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'undefined';
}

const same = (a: Json, b: Json) => a === b || JSON.stringify(a) === JSON.stringify(b) || stable(a) === stable(b);

/** Field changes between two values that are not lists of entries, flattened to dotted paths. */
function fieldChanges(old: Json, next: Json, path: string, lists: ListDiff[] | undefined, out: FieldChange[]): void {
  if (same(old, next)) return;
  const isObject = (v: Json) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObject(old) && isObject(next)) {
    const keys = [...new Set([...Object.keys(old as Entry), ...Object.keys(next as Entry)])];
    for (const k of keys) fieldChanges((old as Entry)[k], (next as Entry)[k], path ? `${path}.${k}` : k, lists, out);
    return;
  }
  if (lists && (isEntryList(old) || isEntryList(next))) {
    lists.push(diffList(path, Array.isArray(old) ? (old as Entry[]) : [], Array.isArray(next) ? (next as Entry[]) : []));
    return;
  }
  out.push({ path, old, new: next });
}

/** Entries matched by id, then by name; each matched pair compared field by field. */
export function diffList(list: string, old: Entry[], next: Entry[]): ListDiff {
  const entries: EntryChange[] = [];
  const oldById = new Map<string, Entry>();
  const oldByName = new Map<string, Entry>();
  old.forEach((e, i) => {
    oldById.set(keyOf(e, i), e);
    const name = labelOf(e);
    if (name !== undefined && !oldByName.has(name)) oldByName.set(name, e);
  });
  const matched = new Set<Entry>();
  next.forEach((e, i) => {
    const key = keyOf(e, i);
    let previous = oldById.get(key);
    if (!previous || matched.has(previous)) {
      const name = labelOf(e);
      const byName = name !== undefined ? oldByName.get(name) : undefined;
      previous = byName && !matched.has(byName) ? byName : undefined;
    }
    if (!previous) {
      entries.push({ kind: 'added', key, label: labelOf(e), fields: [] });
      return;
    }
    matched.add(previous);
    const fields: FieldChange[] = [];
    fieldChanges(previous, e, '', undefined, fields);
    if (fields.length > 0) entries.push({ kind: 'changed', key, label: labelOf(e), fields });
  });
  old.forEach((e, i) => {
    if (!matched.has(e)) entries.push({ kind: 'removed', key: keyOf(e, i), label: labelOf(e), fields: [] });
  });
  const count = (kind: EntryChange['kind']) => entries.filter((e) => e.kind === kind).length;
  return { list, added: count('added'), removed: count('removed'), changed: count('changed'), entries };
}

const HEADER = ['filer', 'filerType', 'profile', 'fiscalYear', 'submissionDate', 'addressee', 'contact', 'relatedCompanies'];

export function diffFilings(old: Entry, next: Entry, profile?: Profile): FilingDiff {
  const sections: SectionDiff[] = [];
  const seen = new Set<string>();
  const diffSection = (section: string, item?: SectionDiff['item']) => {
    seen.add(section);
    const lists: ListDiff[] = [];
    const fields: FieldChange[] = [];
    fieldChanges(old[section], next[section], section, lists, fields);
    if (lists.length > 0 || fields.length > 0) sections.push({ section, ...(item ? { item } : {}), lists, fields });
  };
  // the header as one group
  {
    const lists: ListDiff[] = [];
    const fields: FieldChange[] = [];
    for (const key of HEADER) {
      seen.add(key);
      fieldChanges(old[key], next[key], key, lists, fields);
    }
    if (lists.length > 0 || fields.length > 0) sections.push({ section: 'header', lists, fields });
  }
  for (const item of profile?.items ?? [])
    for (const section of item.sections) diffSection(section, { label: item.label, title: item.title });
  for (const key of [...new Set([...Object.keys(old), ...Object.keys(next)])].sort()) if (!seen.has(key)) diffSection(key);
  return {
    format: 'taisei-diff',
    version: 1,
    old: { fiscalYear: old.fiscalYear as number | undefined, profile: old.profile as string | undefined },
    new: { fiscalYear: next.fiscalYear as number | undefined, profile: profile?.id ?? (next.profile as string | undefined) },
    sections,
  };
}

/** "systems: +1 −0 ~3 · rules: +0 −0 ~1" — the lists that changed, and field changes by section. */
export function summaryLine(diff: FilingDiff): string {
  const parts: string[] = [];
  for (const s of diff.sections) {
    for (const l of s.lists) parts.push(`${l.list}: +${l.added} −${l.removed} ~${l.changed}`);
    if (s.fields.length > 0) parts.push(`${s.section}: ~${s.fields.length}`);
  }
  return parts.join(' · ');
}
