// Schema stage: the ahead-of-time compiled ajv validators, and ajv's errors rewritten as sentences
// a filer understands, pointing at the value (or the key, for unknown and missing keys).
import type { ErrorObject } from 'ajv';
import * as compiled from '../model/generated/validators.js';
import type { CompiledValidator } from '../model/generated/validators.js';
import { CURRENT_SCHEMA_VERSION } from '../model/generated/schemas.js';
import { configSchema, filingSchema } from '../model/generated/schema-bundle.js';
import type { Diagnostic } from '../diagnostics.js';
import { hasKey, t, type Lang, type MessageArgs, type MessageKey } from '../messages/index.js';
import { corporateCheckDigit } from '../model/formats.js';
import { nearestRecurrence } from '../model/recurrence.js';
import { getAt, parsePointer, toPointer } from '../util/pointer.js';
import { suggest } from '../util/suggest.js';
import { fieldLabel } from './labels.js';
import { SchemaIndex, enumOfLabel, type SchemaNode } from '../model/schema-index.js';

export type SchemaKind = 'filing' | 'section' | 'config';

type Table = Record<string, CompiledValidator | undefined>;
let previous: Table | undefined;

function validatorFor(kind: SchemaKind, version: number): CompiledValidator | undefined {
  if (kind === 'config') return (compiled as unknown as Table).config;
  return ((version === CURRENT_SCHEMA_VERSION ? compiled : (previous ?? {})) as unknown as Table)[`filing${version}`];
}

/** The validators of earlier schema versions (to verify an older bundle) are loaded on first use. */
async function loadVersion(kind: SchemaKind, version: number): Promise<void> {
  if (kind !== 'config' && version !== CURRENT_SCHEMA_VERSION && !previous)
    previous = (await import('../model/generated/validators-previous.js')) as unknown as Table;
}

/**
 * Raw ajv errors for the data (empty when valid). A section file is checked with the filing
 * schema, less the keys the filing as a whole must have: those may live in other files.
 */
export function schemaErrors(data: unknown, kind: SchemaKind, version = CURRENT_SCHEMA_VERSION): ErrorObject[] {
  const validate = validatorFor(kind, version);
  if (!validate) throw new Error(`no compiled validator for ${kind} v${version} (earlier versions load through checkSchema)`);
  // every number is one a count, a sum or a year can hold exactly: 1e308 people is no count, and
  // their sum is no number (the schema's released versions set no upper bound on counts)
  const huge = outOfRange(data);
  if (validate(data)) return huge;
  const errors = [...(validate.errors ?? []), ...huge];
  return kind === 'section' ? errors.filter((e) => !(e.keyword === 'required' && e.instancePath === '')) : errors;
}

function anyOutOfRange(data: unknown): boolean {
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'number') {
      if (value > Number.MAX_SAFE_INTEGER || value < -Number.MAX_SAFE_INTEGER) return true;
    } else if (Array.isArray(value)) for (const v of value) stack.push(v);
    else if (value !== null && typeof value === 'object') for (const k in value) stack.push((value as Record<string, unknown>)[k]);
  }
  return false;
}

/** Numbers beyond what a double holds exactly (±9,007,199,254,740,991), as maximum/minimum errors. */
function outOfRange(data: unknown): ErrorObject[] {
  // almost every filing has none: looked for first without making a path for each value
  if (!anyOutOfRange(data)) return [];
  const out: ErrorObject[] = [];
  const stack: [unknown, string][] = [[data, '']];
  while (stack.length > 0 && out.length < 1000) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'number') {
      if (Number.isFinite(value) && Math.abs(value) > Number.MAX_SAFE_INTEGER) {
        const over = value > 0;
        out.push({
          instancePath: path,
          schemaPath: '#/taisei/number',
          keyword: over ? 'maximum' : 'minimum',
          params: { comparison: over ? '<=' : '>=', limit: over ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER },
        } as ErrorObject);
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => stack.push([v, `${path}/${i}`]));
    else if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) stack.push([v, `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`]);
  }
  return out;
}

/** Validates and words the findings. The schema text is loaded only when there is something to say. */
export async function checkSchema(
  data: unknown,
  kind: SchemaKind,
  lang: Lang,
  version = CURRENT_SCHEMA_VERSION,
  /** The filer type's words for the labels the findings name (wordsOf the filing's profile). */
  words?: (text: string) => string,
): Promise<Diagnostic[]> {
  await loadVersion(kind, version);
  const errors = schemaErrors(data, kind, version);
  if (errors.length === 0) return [];
  const root = (kind === 'config' ? configSchema() : filingSchema(version)) as SchemaNode;
  return describeErrors(errors, data, new SchemaIndex(root, words), lang);
}

const TYPE_KEYS: Record<string, MessageKey> = {
  string: 'type.string',
  integer: 'type.integer',
  number: 'type.number',
  boolean: 'type.boolean',
  array: 'type.array',
  object: 'type.object',
  null: 'type.null',
  infinite: 'type.infinite',
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  // .inf and .nan are YAML's numbers, but none a filing can hold
  if (typeof value === 'number') return !Number.isFinite(value) ? 'infinite' : Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function enumList(node: SchemaNode | undefined, lang: Lang): string {
  const values = node?.enum ?? [];
  return values
    .map((v, i) => {
      const label = node?.enumDescriptions?.[i];
      return label ? (lang === 'ja' ? `${String(v)}（${label}）` : `${String(v)} (${label})`) : String(v);
    })
    .join(', ');
}

const ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$';
/** YAML 1.1's words for true and false, which YAML 1.2 (and taisei) reads as text. */
const YAML11_BOOLEANS = /^(yes|no|on|off|y|n)$/i;

/** What a value at this place is to be, in the reader's words: a date as YYYY-MM-DD, one of …, a whole number. */
function wanted(node: SchemaNode | undefined, lang: Lang): string {
  const n = node as (SchemaNode & { maxLength?: number; 'x-taisei-withhold'?: boolean }) | undefined;
  if (n?.enum) return t(lang, 'wanted.oneOf', { allowed: enumList(n, lang) });
  if (n?.format === 'date') return t(lang, 'wanted.date');
  if (n?.format === 'corporate-number') return t(lang, 'wanted.corporateNumber');
  if (n?.format === 'email') return t(lang, 'wanted.email');
  if (n?.format === 'recurrence') return t(lang, 'wanted.recurrence');
  if (n?.pattern === ID_PATTERN) return t(lang, 'wanted.id');
  if (n?.pattern?.startsWith('^[0-9][0-9-]')) return t(lang, 'wanted.phone');
  const type = Array.isArray(n?.type) ? n?.type[0] : n?.type;
  if (type === 'string' || type === undefined) {
    if (n?.['x-taisei-withhold'] && (n.maxLength ?? 0) <= 100) return t(lang, 'wanted.name');
    if (n?.maxLength !== undefined && n.maxLength > 500) return t(lang, 'wanted.text');
    return t(lang, 'wanted.line');
  }
  return t(lang, TYPE_KEYS[type] ?? 'type.string');
}

/** The fix for an empty or missing value: what is wanted, and whether the key may go instead. */
function fillHint(node: SchemaNode | undefined, segments: readonly string[], schema: SchemaIndex, lang: Lang): string {
  const key = segments[segments.length - 1];
  const parent = schema.at(segments.slice(0, -1));
  const required = key !== undefined && (parent?.required ?? []).includes(key);
  return t(lang, required ? 'schema.empty.hint.required' : 'schema.empty.hint.optional', { expected: wanted(node, lang) });
}

export function describeErrors(errors: readonly ErrorObject[], data: unknown, schema: SchemaIndex, lang: Lang): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const d = describe(error, data, schema, lang);
    if (!d) continue;
    const key = `${d.code}|${d.pointer}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

function describe(error: ErrorObject, data: unknown, schema: SchemaIndex, lang: Lang): Diagnostic | undefined {
  const segments = parsePointer(error.instancePath);
  const value = getAt(data, segments);
  const field = fieldLabel(lang, schema, data, segments);
  const make = (code: string, key: MessageKey, args: MessageArgs, extra: Partial<Diagnostic> = {}): Diagnostic => ({
    code: `schema/${code}`,
    severity: 'error',
    pointer: error.instancePath,
    message: t(lang, key, { field, value: String(value), ...args }),
    ...extra,
  });
  const params = error.params as Record<string, unknown>;
  if (error.propertyName !== undefined && error.keyword !== 'propertyNames') {
    return make(
      'pattern',
      'schema.pattern',
      { value: error.propertyName },
      { pointer: toPointer([...segments, error.propertyName]), target: 'key' },
    );
  }
  if (value === null && (error.keyword === 'type' || error.keyword === 'enum')) {
    // An empty value (`key:` with nothing after it) — typical of a fresh skeleton.
    return make('empty', 'schema.minLength.empty', {}, { hint: fillHint(schema.at(segments), segments, schema, lang) });
  }
  switch (error.keyword) {
    case 'if':
    case 'propertyNames':
      return undefined; // the errors that explain them are reported on their own
    case 'required': {
      const key = String(params.missingProperty);
      const parentNode = schema.at(segments);
      const title = schema.resolve(parentNode?.properties?.[key])?.title ?? key;
      // at the top of a file there is no key to add it under
      const parentKey = segments[segments.length - 1];
      const hint =
        parentKey === undefined
          ? t(lang, 'schema.required.hintTop', { key })
          : t(lang, 'schema.required.hint', { key, parentKey: /^\d+$/.test(parentKey) ? field : `${parentKey}:` });
      return make('required', 'schema.required', { parent: field, key, title }, { target: 'key', hint });
    }
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys(schema.at(segments)?.properties ?? {});
      const suggestion = suggest(key, allowed);
      return make(
        'unknown-key',
        'schema.additionalProperty',
        { key, parent: field },
        {
          pointer: toPointer([...segments, key]),
          target: 'key',
          hint: suggestion
            ? t(lang, 'schema.additionalProperty.hint', { suggestion })
            : t(lang, 'schema.additionalProperty.hintList', { allowed: allowed.join(', ') }),
        },
      );
    }
    case 'type': {
      const expected = String(params.type);
      const actual = typeOf(value);
      const hint =
        expected === 'string' && (actual === 'integer' || actual === 'number' || actual === 'boolean')
          ? t(lang, 'schema.type.quoteHint', { quoted: `"${String(value)}"` })
          : (expected === 'integer' || expected === 'number') && typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)
            ? t(lang, 'schema.type.unquoteHint', { unquoted: value.trim() })
            : expected === 'boolean' && typeof value === 'string' && YAML11_BOOLEANS.test(value.trim())
              ? t(lang, 'schema.type.yesNoHint', { value: value.trim() })
              : (expected === 'integer' || expected === 'number') && typeof value === 'string' && eraYear(value) !== undefined
                ? t(lang, 'schema.type.eraHint', { value: value.trim(), year: eraYear(value)! })
                : t(lang, 'schema.type.hint', { expected: wanted(schema.at(segments), lang) });
      return make(
        'type',
        'schema.type',
        { expected: t(lang, TYPE_KEYS[expected] ?? 'type.string'), actual: t(lang, TYPE_KEYS[actual] ?? 'type.string') },
        hint ? { hint } : {},
      );
    }
    case 'enum': {
      const node = schema.at(segments);
      const allowed = enumList(node, lang);
      const suggestion = typeof value === 'string' ? suggest(value, (node?.enum ?? []).map(String)) : undefined;
      // the Japanese label a spreadsheet may hold (データベース共用): say which value it means
      const meant = typeof value === 'string' ? enumOfLabel(node, value.trim())?.value : undefined;
      return make(
        'enum',
        'schema.enum',
        {},
        {
          hint:
            meant !== undefined
              ? t(lang, 'schema.enum.label', { label: String(value).trim(), value: String(meant) })
              : suggestion
                ? t(lang, 'schema.enum.didYouMean', { suggestion, allowed })
                : t(lang, 'schema.enum.hint', { allowed }),
        },
      );
    }
    case 'const':
      return make('const', 'schema.const', { expected: String(params.allowedValue) });
    case 'pattern': {
      const path = error.schemaPath;
      const kind = /\/common\/\$defs\/(id|ref)\//.test(path)
        ? 'schema.pattern.id'
        : /\/phone\//.test(path)
          ? 'schema.pattern.phone'
          : /\/file\//.test(path)
            ? 'schema.pattern.file'
            : 'schema.pattern';
      return make('pattern', kind, {}, { hint: t(lang, 'schema.type.hint', { expected: wanted(schema.at(segments), lang) }) });
    }
    case 'format': {
      const format = String(params.format);
      // a date of the right shape that does not exist (2025-06-31): say which day is missing
      const day = format === 'date' && typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
      if (day) {
        const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
        const days = month >= 1 && month <= 12 ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 0;
        return make(
          'format',
          days === 0 ? 'schema.format.date.noSuchMonth' : 'schema.format.date.noSuchDay',
          { month, day: date, days, year },
          {
            hint: t(lang, days === 0 ? 'schema.format.date.noSuchMonth.hint' : 'schema.format.date.noSuchDay.hint', { month, days, year }),
          },
        );
      }
      const key = `schema.format.${format}`;
      const near = format === 'recurrence' && typeof value === 'string' ? nearestRecurrence(value) : undefined;
      return make(
        'format',
        hasKey(key) ? key : 'schema.format',
        { format },
        { hint: formatHint(format, value, near, schema.at(segments), lang) },
      );
    }
    case 'minLength':
      return make('empty', 'schema.minLength.empty', {}, { hint: fillHint(schema.at(segments), segments, schema, lang) });
    case 'maxLength':
      return make('too-long', 'schema.maxLength', { limit: Number(params.limit) });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
      return make('range', `schema.${error.keyword}` as MessageKey, { limit: Number(params.limit) });
    case 'minItems':
      return make(
        'min-items',
        Number(params.limit) === 1 ? 'schema.minItems.one' : 'schema.minItems',
        { limit: Number(params.limit) },
        {
          hint: t(lang, 'schema.minItems.hint', {
            limit: Number(params.limit),
            expected: wanted(schema.resolve(schema.at(segments)?.items), lang),
          }),
        },
      );
    case 'maxItems':
      return make('max-items', 'schema.maxItems', { limit: Number(params.limit) });
    case 'uniqueItems':
      return make('unique-items', 'schema.uniqueItems', { i: Number(params.j) + 1, j: Number(params.i) + 1 });
    default:
      return make('other', 'schema.other', { detail: error.message ?? error.keyword });
  }
}

/** The Western year a 和暦 year means (令和6年, 令和6年度, 平成31年, 令和元年), or undefined. */
function eraYear(text: string): number | undefined {
  const m = /^\s*(令和|平成)\s*(元|[0-9０-９]{1,2})\s*年度?\s*$/.exec(text);
  if (!m) return undefined;
  const n = m[2] === '元' ? 1 : Number(m[2]!.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
  return (m[1] === '令和' ? 2018 : 1988) + n;
}

/** The fix for a value of the wrong form: the likely correction, or what the check found. */
function formatHint(format: string, value: unknown, near: string | undefined, node: SchemaNode | undefined, lang: Lang): string {
  if (near) return t(lang, 'schema.format.didYouMean', { suggestion: near });
  if (format === 'corporate-number' && typeof value === 'string') {
    const digits = value.trim();
    if (!/^\d{13}$/.test(digits)) return t(lang, 'schema.format.corporate-number.digits', { n: digits.replace(/\D/g, '').length });
    return t(lang, 'schema.format.corporate-number.check', { digit: corporateCheckDigit(digits.slice(1)), given: digits[0]! });
  }
  return t(lang, 'schema.type.hint', { expected: wanted(node, lang) });
}
