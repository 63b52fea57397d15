// The full YAML parser (eemeli/yaml): exact positions for every node, every error at once,
// bounded alias expansion. Loaded only when a file needs it or a diagnostic needs a position.
import { LineCounter, Parser, Composer, isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type YAMLError } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { t, type Lang, type MessageKey, hasKey } from '../messages/index.js';
import { MARK_TAGS, type Mark } from '../model/marks.js';
import { MAX_ALIAS_COUNT, tooDeep, type ParseResult } from './parse-result.js';
import { toPointer } from '../util/pointer.js';

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

interface Parsed {
  docs: Document.Parsed[];
  lineCounter: LineCounter;
}

function parseDocuments(text: string): Parsed {
  const lineCounter = new LineCounter();
  const parser = new Parser(lineCounter.addNewLine);
  const composer = new Composer({ schema: 'core', uniqueKeys: true, strict: true, merge: false, intAsBigInt: false });
  const docs = [...composer.compose(parser.parse(text), true, text.length)] as Document.Parsed[];
  return { docs, lineCounter };
}

export function parseFull(text: string, file: string, lang: Lang): ParseResult {
  const { docs, lineCounter } = parseDocuments(text);
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number): { line: number; column: number } => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (docs.length > 1) {
    const second = docs[1]!;
    const start = second.range?.[0] ?? 0;
    diagnostics.push({
      code: 'yaml/multiple-documents',
      severity: 'error',
      file,
      ...at(start),
      message: t(lang, 'yaml.multipleDocuments'),
      hint: t(lang, 'yaml.multipleDocuments.hint'),
    });
  }
  const doc = docs[0];
  if (!doc) return { value: null, diagnostics };
  for (const error of [...doc.errors, ...doc.warnings]) {
    if (error.code === 'TAG_RESOLVE_FAILED' && Object.keys(MARK_TAGS).some((tag) => error.message.includes(`${tag}`))) continue;
    diagnostics.push(yamlErrorDiagnostic(error, doc, text, file, lang, at));
  }
  if (diagnostics.length > 0) return { diagnostics };
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), diagnostics, marks: collectMarks(doc.contents) };
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      const alias = firstAlias(doc.contents);
      const pos = alias?.range ? at(alias.range[0]) : { line: 1, column: 1 };
      return {
        diagnostics: [
          {
            code: 'yaml/alias-limit',
            severity: 'error',
            file,
            ...pos,
            message: t(lang, 'yaml.aliasLimit', { limit: MAX_ALIAS_COUNT }),
            hint: t(lang, 'yaml.aliasLimit.hint'),
          },
        ],
      };
    }
    throw error;
  }
}

function yamlErrorDiagnostic(
  error: YAMLError,
  doc: Document.Parsed,
  text: string,
  file: string,
  lang: Lang,
  at: (offset: number) => { line: number; column: number },
): Diagnostic {
  const pos: { line: number; column: number } = at(error.pos[0]);
  if (error.code === 'DUPLICATE_KEY') {
    const dup = findDuplicate(doc.contents, error.pos[0]);
    if (dup) {
      const first = at(dup.first);
      return {
        code: 'yaml/duplicate-key',
        severity: 'error',
        file,
        ...at(dup.second),
        message: t(lang, 'yaml.duplicateKey', { key: dup.key }),
        hint: t(lang, 'yaml.duplicateKey.hint', { line: first.line }),
        related: [{ file, ...first, message: t(lang, 'yaml.duplicateKey.other', { key: dup.key }) }],
      };
    }
  }
  if (/call stack/i.test(error.message)) return { ...tooDeep(file, lang), ...pos };
  if (error.code === 'TAG_RESOLVE_FAILED') {
    const tag = /(![^\s,:]*)/.exec(error.message)?.[1] ?? '';
    return {
      code: 'yaml/unknown-tag',
      severity: 'error',
      file,
      ...pos,
      message: t(lang, 'yaml.unknownTag', { tag }),
      hint: t(lang, 'yaml.unknownTag.hint'),
    };
  }
  if (error.code === 'MISSING_CHAR') {
    // yaml notices a missing closing quote or bracket where the text ends; the reader needs the opening one.
    const opening = openingBefore(text, error.pos[0]);
    if (opening !== undefined) Object.assign(pos, at(opening));
  }
  const key = `yaml.code.${error.code}`;
  const detail = hasKey(key) ? t(lang, key as MessageKey) : error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return {
    code: 'yaml/syntax',
    severity: 'error',
    file,
    ...pos,
    message: t(lang, 'yaml.syntax', { detail }),
    hint: t(lang, 'yaml.syntax.hint'),
  };
}

/** Offset of the nearest quote or bracket before `offset` that is not closed on its own line. */
function openingBefore(text: string, offset: number): number | undefined {
  let end = Math.min(offset, text.length);
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    for (const [open, close] of [
      ['"', '"'],
      ["'", "'"],
      ['[', ']'],
      ['{', '}'],
    ] as const) {
      const opens = line.split(open).length - 1;
      const closes = open === close ? 0 : line.split(close).length - 1;
      if (open === close ? opens % 2 === 1 : opens > closes) return start + line.indexOf(open);
    }
    end = start - 1;
  }
  return undefined;
}

/** Pointers of the values tagged !withhold or !publish. */
function collectMarks(root: unknown): Map<string, Mark> {
  const marks = new Map<string, Mark>();
  const walk = (node: unknown, path: (string | number)[]) => {
    const tag = (node as { tag?: string } | null)?.tag;
    const mark = tag ? MARK_TAGS[tag] : undefined;
    if (mark) marks.set(toPointer(path), mark);
    if (isMap(node)) for (const pair of node.items) walk(pair.value, [...path, keyText(pair.key)]);
    else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
  };
  walk(root, []);
  return marks;
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

/** The mapping key reported as a duplicate at `offset`, and where it first appears. */
function findDuplicate(node: unknown, offset: number): { key: string; first: number; second: number } | undefined {
  if (isMap(node)) {
    const seen = new Map<string, number>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const k = keyText(pair.key);
      const start = (pair.key as Node | null)?.range?.[0];
      if (start !== undefined) {
        const first = seen.get(k);
        if (first !== undefined && start <= offset && offset <= ((pair.key as Node).range?.[2] ?? start))
          return { key: k, first, second: start };
        if (first === undefined) seen.set(k, start);
      }
      const inner = findDuplicate(pair.value, offset);
      if (inner) return inner;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const inner = findDuplicate(item, offset);
      if (inner) return inner;
    }
  }
  return undefined;
}

function firstAlias(node: unknown): Node | undefined {
  if (isAlias(node)) return node;
  if (isMap(node)) {
    for (const pair of node.items) {
      const found = firstAlias(pair.value);
      if (found) return found;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const found = firstAlias(item);
      if (found) return found;
    }
  }
  return undefined;
}

/** Finds the source span of a JSON pointer's value (or key) in one YAML file. */
export class YamlLocator {
  private readonly parsed: Parsed;

  constructor(text: string) {
    this.parsed = parseDocuments(text);
  }

  /**
   * The span of the deepest node on the path that exists. With target "key", the span of the last
   * segment's key when there is one.
   */
  locate(segments: readonly string[], target: 'key' | 'value'): Span {
    const doc = this.parsed.docs[0];
    let node: unknown = doc?.contents;
    let span: [number, number] = [0, 0];
    if (node && (node as Node).range) span = [(node as Node).range![0], (node as Node).range![1]];
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i]!;
      if (isAlias(node) && doc) node = node.resolve(doc);
      const last = i === segments.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => keyText(p.key) === segment);
        if (!pair) break;
        const keyRange = (pair.key as Node | null)?.range;
        let value: unknown = pair.value;
        const valueRange = (value as Node | null)?.range;
        if (keyRange) span = [keyRange[0], keyRange[1]];
        const emptyValue =
          value === null || (isScalar(value) && value.value === null && valueRange != null && valueRange[0] === valueRange[1]);
        const collection = isMap(value) || isSeq(value);
        if (valueRange && !emptyValue && (!last || (target === 'value' && !collection))) {
          span = [valueRange[0], valueRange[1]];
        }
        if (isAlias(value) && doc) value = value.resolve(doc);
        node = value;
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)] as Node | undefined;
        if (!item) break;
        if (item.range) span = [item.range[0], item.range[1]];
        node = item;
      } else {
        break;
      }
    }
    const start = this.parsed.lineCounter.linePos(span[0]);
    const end = this.parsed.lineCounter.linePos(Math.max(span[0], span[1]));
    return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
  }
}
