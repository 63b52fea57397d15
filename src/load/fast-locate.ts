// Where a value is, in a file written in the plain subset of YAML that fast-yaml reads: the span
// of a scalar or a key, found by walking the lines, without loading the general YAML parser (which
// costs a pre-commit run more than the rest of validate when a filing has a finding to show).
// It answers only what it can answer exactly as YamlLocator does: a path that exists all the way,
// ending at a scalar, or at a key. For anything else (a collection's own span, a block scalar, a
// path that stops short) it answers undefined and the general locator takes over. A differential
// test holds the two to the same answers.
import type { Span } from './yaml-document.js';
import { doubleQuoted, fail, FlowReader, looksLikeMappingEntry, singleQuoted, splitKey, stripComment, Unsupported } from './fast-yaml.js';

interface Line {
  /** 0-based line number */
  no: number;
  indent: number;
  text: string;
}

/** A span on one line: 0-based line, 0-based start column, end column (exclusive). */
type Place = { line: number; from: number; to: number };

type Node =
  | { kind: 'scalar'; place: Place }
  | { kind: 'null' }
  | { kind: 'block'; start: number; indent: number; first?: Line; sequence: boolean }
  | { kind: 'flow'; line: number; column: number; text: string }
  | { kind: 'other' };

const isContent = (line: Line | undefined): line is Line => !!line && line.text.trim() !== '' && !line.text.startsWith('#');
const isSequenceItem = (line: Line) => line.text === '-' || line.text.startsWith('- ') || line.text.startsWith('-\t');

class Walker {
  readonly lines: Line[];

  constructor(text: string) {
    this.lines = text.split('\n').map((raw, no) => {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      let indent = 0;
      while (line.charCodeAt(indent) === 32) indent++;
      return { no, indent, text: line.slice(indent) };
    });
  }

  private nextContent(from: number): Line | undefined {
    for (let j = from; j < this.lines.length; j++) if (isContent(this.lines[j])) return this.lines[j];
    return undefined;
  }

  root(): Node {
    const first = this.nextContent(0);
    if (!first || first.text.startsWith('---')) return { kind: 'other' };
    return { kind: 'block', start: first.no, indent: first.indent, sequence: isSequenceItem(first) };
  }

  /** The value after "key:" or "- " whose text starts at `column` of line `line` ('' when none). */
  private value(line: Line, column: number, text: string, indent: number, inMapping: boolean): Node {
    if (text === '' || text.startsWith('#')) {
      const next = this.nextContent(line.no + 1);
      if (next && next.indent > indent) return { kind: 'block', start: next.no, indent: next.indent, sequence: isSequenceItem(next) };
      if (inMapping && next && next.indent === indent && isSequenceItem(next))
        return { kind: 'block', start: next.no, indent, sequence: true };
      return { kind: 'null' };
    }
    const c = text[0];
    if (c === '|' || c === '>') return { kind: 'other' };
    if (c === '[' || c === '{') return { kind: 'flow', line: line.no, column, text };
    if (c === '"' || c === "'") {
      const [, end] = c === '"' ? doubleQuoted(text, 0) : singleQuoted(text, 0);
      return { kind: 'scalar', place: { line: line.no, from: column, to: column + end } };
    }
    return { kind: 'scalar', place: { line: line.no, from: column, to: column + stripComment(text).length } };
  }

  /** The entry `key` of a block mapping: its key's place and its value. */
  entry(node: Extract<Node, { kind: 'block' }>, key: string): { key: Place; value: Node } | undefined {
    for (let j = node.start; j < this.lines.length; j++) {
      const line = j === node.start && node.first ? node.first : this.lines[j]!;
      if (!isContent(line)) continue;
      if (line.indent < node.indent) break;
      if (line.indent > node.indent || isSequenceItem(line)) continue;
      const [name, rest] = splitKey(line.text);
      if (name !== key) continue;
      const keyEnd =
        line.text[0] === '"' ? doubleQuoted(line.text, 0)[1] : line.text[0] === "'" ? singleQuoted(line.text, 0)[1] : name.length;
      const column = line.indent + line.text.length - rest.length;
      return {
        key: { line: line.no, from: line.indent, to: line.indent + keyEnd },
        value: this.value(line, column, rest, node.indent, true),
      };
    }
    return undefined;
  }

  /** Item `index` of a block sequence. */
  item(node: Extract<Node, { kind: 'block' }>, index: number): Node | undefined {
    let n = -1;
    for (let j = node.start; j < this.lines.length; j++) {
      const line = this.lines[j]!;
      if (!isContent(line)) continue;
      if (line.indent < node.indent || (line.indent === node.indent && !isSequenceItem(line))) break;
      if (line.indent > node.indent) continue;
      if (++n !== index) continue;
      const afterDash = line.text.slice(1);
      const rest = afterDash.trimStart();
      const column = line.indent + 1 + afterDash.length - rest.length;
      if (rest !== '' && !rest.startsWith('#') && looksLikeMappingEntry(rest)) {
        return { kind: 'block', start: j, indent: column, first: { no: line.no, indent: column, text: rest }, sequence: false };
      }
      return this.value(line, column, rest, node.indent, false);
    }
    return undefined;
  }
}

/** A flow collection's member: for a sequence by index, for a mapping by key (with the key's place). */
function flowMember(node: Extract<Node, { kind: 'flow' }>, segment: string): { key?: Place; value: Node } | undefined {
  const reader = new FlowReader(node.text);
  const place = (from: number, to: number): Place => ({ line: node.line, from: node.column + from, to: node.column + to });
  const member = (start: number): Node => {
    const c = node.text[start];
    if (c === '[' || c === '{') {
      reader.value();
      return { kind: 'flow', line: node.line, column: node.column + start, text: node.text.slice(start, reader.i) };
    }
    reader.value();
    return { kind: 'scalar', place: place(start, start + node.text.slice(start, reader.i).trimEnd().length) };
  };
  if (node.text[0] === '[') {
    reader.i = 1;
    for (let n = 0; ; n++) {
      reader.skipSpaces();
      if (node.text[reader.i] === ']') return undefined;
      const value = member(reader.i);
      if (String(n) === segment) return { value };
      reader.skipSpaces();
      if (node.text[reader.i] === ',') reader.i++;
      else return undefined;
    }
  }
  reader.i = 1;
  for (;;) {
    reader.skipSpaces();
    if (node.text[reader.i] === '}' || reader.i >= node.text.length) return undefined;
    const keyStart = reader.i;
    const key = reader.key();
    const keyPlace = place(keyStart, keyStart + node.text.slice(keyStart, reader.i).trimEnd().length);
    reader.skipSpaces();
    if (node.text[reader.i] !== ':') fail();
    reader.i++;
    reader.skipSpaces();
    const c = node.text[reader.i];
    const value: Node = c === ',' || c === '}' ? { kind: 'null' } : member(reader.i);
    if (key === segment) return { key: keyPlace, value };
    reader.skipSpaces();
    if (node.text[reader.i] === ',') reader.i++;
    else return undefined;
  }
}

const asSpan = (p: Place): Span => ({ line: p.line + 1, column: p.from + 1, endLine: p.line + 1, endColumn: p.to + 1 });

/**
 * The span YamlLocator would give for the path, when the text is in the plain subset (fastParse
 * read it) and the answer is one this walk knows exactly; otherwise undefined.
 */
export function fastLocate(text: string, segments: readonly string[], target: 'key' | 'value'): Span | undefined {
  if (segments.length === 0) return undefined;
  try {
    const walker = new Walker(text);
    let node: Node = walker.root();
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i]!;
      const last = i === segments.length - 1;
      let key: Place | undefined;
      let value: Node | undefined;
      if (node.kind === 'block' && !node.sequence) {
        const found = walker.entry(node, segment);
        if (!found) return undefined;
        ({ key, value } = found);
      } else if (node.kind === 'block') {
        if (!/^(0|[1-9][0-9]*)$/.test(segment)) return undefined;
        value = walker.item(node, Number(segment));
      } else if (node.kind === 'flow') {
        const found = flowMember(node, segment);
        if (!found) return undefined;
        ({ key, value } = found);
      } else {
        return undefined;
      }
      if (!value) return undefined;
      if (last) {
        // as YamlLocator: the key's span for target "key", and for a value that is a collection or empty
        if (key && (target === 'key' || value.kind === 'block' || value.kind === 'flow' || value.kind === 'null')) return asSpan(key);
        return value.kind === 'scalar' ? asSpan(value.place) : undefined;
      }
      node = value;
    }
    return undefined;
  } catch (error) {
    if (error instanceof Unsupported || error instanceof RangeError) return undefined;
    throw error;
  }
}
