// A fast reader for the plain subset of YAML 1.2 that filings are written in: block mappings and
// sequences, plain and quoted one-line scalars, literal block scalars (|), one-line flow
// collections, comments — with the core schema's scalar types.
//
// It reads a typical filing five to ten times faster than a general YAML parser, which is what keeps
// `validate` inside a pre-commit budget. It never guesses: on anything outside the subset (anchors,
// aliases, tags, folded or multi-line scalars, duplicate keys, any syntax error) it returns
// NOT_HANDLED and the general parsers take over, with their exact error reports. A differential test
// checks it against eemeli/yaml on every fixture and on generated documents.

export const NOT_HANDLED: unique symbol = Symbol('not handled');

export class Unsupported extends Error {}

export const fail = (): never => {
  throw new Unsupported();
};

interface Line {
  /** Columns of leading spaces. */
  indent: number;
  /** The text after the indentation (comment not yet removed). */
  text: string;
}

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUES = new Set(['true', 'True', 'TRUE']);
const FALSES = new Set(['false', 'False', 'FALSE']);
const INT = /^[-+]?[0-9]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INF = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;

/** Core-schema resolution of a plain scalar. */
export function resolvePlain(s: string): unknown {
  // Most scalars in a filing are text: only these first characters can begin a non-string.
  const c = s.charCodeAt(0);
  const maybeSpecial =
    s === '' ||
    (c >= 48 && c <= 57) ||
    c === 43 ||
    c === 45 ||
    c === 46 ||
    c === 126 ||
    c === 110 ||
    c === 78 ||
    c === 116 ||
    c === 84 ||
    c === 102 ||
    c === 70;
  if (!maybeSpecial) return s;
  if (NULLS.has(s)) return null;
  if (TRUES.has(s)) return true;
  if (FALSES.has(s)) return false;
  if (INT.test(s)) {
    const n = Number(s);
    return Number.isSafeInteger(n) ? n : fail();
  }
  if (OCT.test(s)) return parseInt(s.slice(2), 8);
  if (HEX.test(s)) return parseInt(s.slice(2), 16);
  if (FLOAT.test(s)) return Number(s);
  if (INF.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (NAN.test(s)) return NaN;
  return s;
}

// Characters that may not start a plain scalar here (or that need a parser that knows more).
const PLAIN_START_FORBIDDEN = new Set(['&', '*', '!', '|', '>', '%', '@', '`', '#', ',', '[', ']', '{', '}', '?', ':', '-', "'", '"']);

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};

/** A double-quoted scalar starting at text[start] === '"'; returns the value and the index after it. */
export function doubleQuoted(text: string, start: number): [string, number] {
  let out = '';
  let i = start + 1;
  for (;;) {
    const close = text.indexOf('"', i);
    const escape = text.indexOf('\\', i);
    if (close === -1) fail(); // runs onto the next line, or unterminated
    if (escape === -1 || close < escape) {
      return [out + text.slice(i, close), close + 1];
    }
    out += text.slice(i, escape);
    const c = text[escape + 1];
    if (c === undefined) fail();
    const simple = ESCAPES[c!];
    if (simple !== undefined) {
      out += simple;
      i = escape + 2;
      continue;
    }
    const width = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
    const hex = text.slice(escape + 2, escape + 2 + width);
    if (width === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== width) fail();
    const cp = parseInt(hex, 16);
    if (cp > 0x10ffff) fail();
    out += String.fromCodePoint(cp);
    i = escape + 2 + width;
  }
}

/** A single-quoted scalar starting at text[start] === "'". */
export function singleQuoted(text: string, start: number): [string, number] {
  let out = '';
  let i = start + 1;
  for (;;) {
    const q = text.indexOf("'", i);
    if (q === -1) fail();
    out += text.slice(i, q);
    if (text[q + 1] === "'") {
      out += "'";
      i = q + 2;
    } else {
      return [out, q + 1];
    }
  }
}

/** The rest of a line after a value must be nothing or a comment. */
function onlyCommentAfter(text: string, from: number): void {
  const rest = text.slice(from);
  const trimmed = rest.trimStart();
  if (trimmed === '') return;
  if (trimmed.startsWith('#') && rest.length > trimmed.length) return;
  fail();
}

/** Strips a trailing comment (" #…") from a plain scalar's text. */
export function stripComment(text: string): string {
  const hash = text.search(/[ \t]#/);
  return (hash === -1 ? text : text.slice(0, hash)).trimEnd();
}

/** Whether a plain scalar may not start this way: an indicator, except -, ? and : before a non-space. */
function badPlainStart(value: string): boolean {
  const c = value[0]!;
  if ((c === '-' || c === '?' || c === ':') && value.length > 1 && value[1] !== ' ') return false;
  return PLAIN_START_FORBIDDEN.has(c);
}

function checkPlain(value: string): void {
  if (value === '') return;
  if (badPlainStart(value)) fail();
  if (value.includes(': ') || value.endsWith(':') || value.includes('\t')) fail();
}

export class FlowReader {
  i = 0;
  constructor(readonly text: string) {}

  skipSpaces(): void {
    while (this.text[this.i] === ' ') this.i++;
  }

  /** A quoted scalar at the cursor, or undefined when the cursor is not at a quote. */
  quoted(): string | undefined {
    const c = this.text[this.i];
    if (c !== '"' && c !== "'") return undefined;
    const [v, next] = c === '"' ? doubleQuoted(this.text, this.i) : singleQuoted(this.text, this.i);
    this.i = next;
    return v;
  }

  value(): unknown {
    this.skipSpaces();
    const c = this.text[this.i];
    if (c === '[') return this.sequence();
    if (c === '{') return this.mapping();
    return this.quoted() ?? resolvePlain(this.plain());
  }

  plain(): string {
    const start = this.i;
    while (this.i < this.text.length) {
      const c = this.text[this.i]!;
      if (c === ',' || c === '[' || c === ']' || c === '{' || c === '}') break;
      if (c === ':' && (this.text[this.i + 1] === ' ' || this.text[this.i + 1] === undefined || ',]}'.includes(this.text[this.i + 1]!)))
        break;
      if (c === '#' && this.text[this.i - 1] === ' ') fail();
      this.i++;
    }
    const value = this.text.slice(start, this.i).trim();
    if (value === '') fail();
    if (badPlainStart(value) || value.includes('\t')) fail();
    return value;
  }

  sequence(): unknown[] {
    this.i++; // [
    const out: unknown[] = [];
    for (;;) {
      this.skipSpaces();
      if (this.text[this.i] === ']') {
        this.i++;
        return out;
      }
      out.push(this.value());
      this.skipSpaces();
      const c = this.text[this.i];
      if (c === ',') this.i++;
      else if (c !== ']') fail(); // includes "a: b" pairs inside a sequence
    }
  }

  mapping(): Record<string, unknown> {
    this.i++; // {
    const out: Record<string, unknown> = {};
    for (;;) {
      this.skipSpaces();
      if (this.text[this.i] === '}') {
        this.i++;
        return out;
      }
      const key = this.key();
      this.skipSpaces();
      if (this.text[this.i] !== ':') fail();
      this.i++;
      if (this.text[this.i] !== ' ' && this.text[this.i] !== ',' && this.text[this.i] !== '}') fail();
      this.skipSpaces();
      const c = this.text[this.i];
      const value = c === ',' || c === '}' ? null : this.value();
      setKey(out, key, value);
      this.skipSpaces();
      const d = this.text[this.i];
      if (d === ',') this.i++;
      else if (d !== '}') fail();
    }
  }

  key(): string {
    const quoted = this.quoted();
    if (quoted !== undefined) return quoted;
    const k = this.plain();
    if (typeof resolvePlain(k) !== 'string') fail();
    return k;
  }
}

function setKey(map: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__' || Object.hasOwn(map, key)) fail();
  map[key] = value;
}

/** One-line flow collection; the whole rest of the line must be consumed (but for a comment). */
function flow(text: string): unknown {
  const reader = new FlowReader(text);
  const value = reader.value();
  onlyCommentAfter(text, reader.i);
  return value;
}

class BlockReader {
  private readonly lines: (Line | null)[];
  private i = 0;

  constructor(source: string) {
    const raw = source.split('\n');
    this.lines = raw.map((l) => {
      const line = l.endsWith('\r') ? l.slice(0, -1) : l;
      let indent = 0;
      while (line.charCodeAt(indent) === 32) indent++;
      if (line[indent] === '\t') {
        // A tab before content (or on an otherwise blank line) needs the full parser's judgement.
        if (line.slice(indent).trim() !== '') fail();
      }
      return { indent, text: line.slice(indent) };
    });
  }

  private isContent(line: Line | null | undefined): line is Line {
    return !!line && line.text.trim() !== '' && !line.text.startsWith('#');
  }

  /** The next line with content (skipping blank and comment lines), without consuming it. */
  peek(): Line | undefined {
    while (this.i < this.lines.length && !this.isContent(this.lines[this.i])) this.i++;
    return this.lines[this.i] ?? undefined;
  }

  document(): unknown {
    let first = this.peek();
    if (!first) return null;
    if (first.text.startsWith('---') || first.text.startsWith('%') || first.text.startsWith('...')) {
      if (first.indent !== 0 || first.text.trimEnd() !== '---') fail();
      this.i++;
      first = this.peek();
      if (!first) return null;
    }
    const value = this.block(first.indent);
    if (this.peek()) fail(); // anything left: a second document, or lines the structure cannot hold
    return value;
  }

  private isSequenceItem(line: Line): boolean {
    return line.text === '-' || line.text.startsWith('- ') || line.text.startsWith('-\t');
  }

  private block(indent: number): unknown {
    const line = this.peek()!;
    return this.isSequenceItem(line) ? this.sequence(line.indent) : this.mapping(indent);
  }

  private mapping(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (let line = this.peek(); line && line.indent >= indent; line = this.peek()) {
      if (line.indent > indent || this.isSequenceItem(line)) fail();
      const [key, rest] = splitKey(line.text);
      this.i++;
      setKey(out, key, this.valueAfterIndicator(rest, indent, true));
    }
    return out;
  }

  private sequence(indent: number): unknown[] {
    const out: unknown[] = [];
    for (let line = this.peek(); line && line.indent >= indent; line = this.peek()) {
      if (line.indent > indent || !this.isSequenceItem(line)) {
        if (line.indent > indent) fail();
        break;
      }
      const afterDash = line.text.slice(1);
      const spaces = afterDash.length - afterDash.trimStart().length;
      const rest = afterDash.trimStart();
      if (rest === '' || rest.startsWith('#')) {
        this.i++;
        const next = this.peek();
        out.push(next && next.indent > indent ? this.block(next.indent) : null);
      } else if (rest.startsWith('-') && (rest[1] === ' ' || rest.length === 1)) {
        fail(); // "- - x": nested compact sequences
      } else if (looksLikeMappingEntry(rest)) {
        // "- key: value": a mapping whose keys line up with the first one.
        this.lines[this.i] = { indent: indent + 1 + spaces, text: rest };
        out.push(this.mapping(indent + 1 + spaces));
      } else {
        this.i++;
        out.push(this.valueAfterIndicator(rest, indent, false));
      }
    }
    return out;
  }

  /** The value written after "key:" or "- " on the same line, or in the lines below. */
  private valueAfterIndicator(rest: string, indent: number, inMapping: boolean): unknown {
    const text = rest.startsWith('#') ? '' : rest;
    if (text === '') {
      const next = this.peek();
      if (next && next.indent > indent) return this.block(next.indent);
      if (inMapping && next && next.indent === indent && this.isSequenceItem(next)) return this.sequence(indent);
      return null;
    }
    let value: unknown;
    const c = text[0];
    if (c === '|') value = this.literal(text, indent);
    else if (c === '[' || c === '{') value = flow(text);
    else if (c === '"') {
      const [v, next] = doubleQuoted(text, 0);
      onlyCommentAfter(text, next);
      value = v;
    } else if (c === "'") {
      const [v, next] = singleQuoted(text, 0);
      onlyCommentAfter(text, next);
      value = v;
    } else {
      const plain = stripComment(text);
      checkPlain(plain);
      value = resolvePlain(plain);
    }
    // A deeper line after a one-line value would continue a multi-line scalar: not ours.
    const next = this.peek();
    if (next && next.indent > indent) fail();
    return value;
  }

  /** A literal block scalar: "|", "|-" or "|+" (no explicit indentation indicator). */
  private literal(header: string, indent: number): string {
    const m = /^\|([+-]?)(?:\s+#.*)?\s*$/.exec(header);
    if (!m) fail();
    const chomp = m![1];
    const body: Line[] = [];
    let blockIndent = -1;
    let j = this.i;
    for (; j < this.lines.length; j++) {
      const line = this.lines[j]!;
      if (line.text.trim() === '') {
        if (line.text !== '') fail(); // whitespace other than the indentation on a blank line
        body.push(line);
        continue;
      }
      if (blockIndent === -1) {
        if (line.indent <= indent) break;
        blockIndent = line.indent;
      }
      if (line.indent < blockIndent) break;
      body.push(line);
    }
    // Trailing blank lines belong to the scalar only through chomping; leave the position after them.
    this.i = j;
    if (blockIndent === -1) {
      if (chomp === '+') fail();
      return '';
    }
    // A blank line with more spaces than the content's indentation is content (or an error) in YAML.
    if (body.some((l) => l.text === '' && l.indent > blockIndent)) fail();
    let trailing = 0;
    while (trailing < body.length && body[body.length - 1 - trailing]!.text === '') trailing++;
    const text = body
      .slice(0, body.length - trailing)
      .map((l) => (l.text === '' ? '' : ' '.repeat(l.indent - blockIndent) + l.text))
      .join('\n');
    if (chomp === '-') return text;
    if (chomp === '+') return text + '\n' + '\n'.repeat(trailing);
    return text + '\n';
  }
}

export function looksLikeMappingEntry(text: string): boolean {
  if (text[0] === '"' || text[0] === "'") {
    try {
      const [, next] = text[0] === '"' ? doubleQuoted(text, 0) : singleQuoted(text, 0);
      return text[next] === ':' && (text[next + 1] === ' ' || text[next + 1] === undefined);
    } catch {
      return false;
    }
  }
  if (text[0] === '[' || text[0] === '{' || text[0] === '|' || text[0] === '>') return false;
  return keyColon(stripComment(text)) !== -1;
}

/** The index of the ":" that ends a plain key (followed by a space or the end of the line), or -1. */
export function keyColon(text: string): number {
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (Number.isNaN(next) || next === 32) return i;
  }
  return -1;
}

/** "key: rest" → [key, rest]. Keys are plain or quoted one-line strings. */
export function splitKey(text: string): [string, string] {
  let key: string;
  let after: number;
  if (text[0] === '"' || text[0] === "'") {
    const [k, next] = text[0] === '"' ? doubleQuoted(text, 0) : singleQuoted(text, 0);
    key = k;
    after = next;
    while (text[after] === ' ') after++;
    if (text[after] !== ':') fail();
  } else {
    after = keyColon(text);
    if (after === -1) fail();
    key = text.slice(0, after).trimEnd();
    if (key === '' || badPlainStart(key) || key.includes(' #') || key.includes('\t')) fail();
    if (typeof resolvePlain(key) !== 'string') fail();
  }
  const rest = text.slice(after + 1);
  if (rest !== '' && rest[0] !== ' ') fail();
  const value = rest.trimStart();
  return [key, value];
}

/** Parses `source` if it is written in the plain subset; otherwise NOT_HANDLED. */
export function fastParse(source: string): unknown {
  try {
    return new BlockReader(source).document();
  } catch (error) {
    if (error instanceof Unsupported || error instanceof RangeError) return NOT_HANDLED;
    throw error;
  }
}
