// Walks a bundled JSON Schema along an instance path to find titles, enum labels and allowed
// keys — the schema's titles are the one source of field labels.
import { sameWords } from './wording.js';

export interface SchemaNode {
  title?: string;
  description?: string;
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  additionalProperties?: SchemaNode | boolean;
  enum?: unknown[];
  enumDescriptions?: string[];
  required?: string[];
  $ref?: string;
  $defs?: Record<string, SchemaNode>;
  default?: unknown;
  format?: string;
  pattern?: string;
}

/**
 * The value of an enum whose Japanese label (its enumDescriptions entry, or the label's words before
 * a bracket or colon: 共用なし, ソフトウェア) is `text`: what a spreadsheet cell may hold, and what a
 * YAML value written as the label meant.
 */
export function enumOfLabel(node: SchemaNode | undefined, text: string): { value: unknown } | undefined {
  const index = node?.enumDescriptions?.findIndex((d) => d === text || d.split(/[（(：:]/)[0] === text) ?? -1;
  return index >= 0 && node?.enum ? { value: node.enum[index] } : undefined;
}

export class SchemaIndex {
  /** at() by path shape: list indices do not change the schema, so they share one entry. */
  private readonly cache = new Map<string, SchemaNode | undefined>();

  /**
   * `words` puts every title, description and enum label into a profile's words (a 送電事業者's
   * 振替供給部門 for the model's 託送供給等部門); by default they are the schema's own.
   */
  constructor(
    private readonly root: SchemaNode,
    private readonly words?: (text: string) => string,
    /**
     * The profile's own names for choices that cite a provision (its `labels`: by the value's
     * path without list indices), which replace the model's wherever a choice is shown.
     */
    private readonly labels?: Readonly<Record<string, Readonly<Record<string, string>>>>,
  ) {}

  private readonly resolved = new WeakMap<SchemaNode, SchemaNode | undefined>();

  /** Follows $ref chains; the outermost title and description win (a $ref'd date titled 制定日). */
  resolve(node: SchemaNode | undefined): SchemaNode | undefined {
    if (!node) return undefined;
    if (this.resolved.has(node)) return this.resolved.get(node);
    const result = this.follow(node);
    this.resolved.set(node, result);
    return result;
  }

  private follow(node: SchemaNode): SchemaNode | undefined {
    let current: SchemaNode | undefined = node;
    let title = node.title;
    let description = node.description;
    for (let guard = 0; current?.$ref && guard < 20; guard++) {
      current = this.pointer(current.$ref);
      title ??= current?.title;
      description ??= current?.description;
    }
    if (!current) return undefined;
    const words = this.words;
    if (!words || words === sameWords) return { ...current, title, description };
    return {
      ...current,
      ...(title !== undefined ? { title: words(title) } : {}),
      ...(description !== undefined ? { description: words(description) } : {}),
      ...(current.enumDescriptions ? { enumDescriptions: current.enumDescriptions.map(words) } : {}),
    };
  }

  private pointer(ref: string): SchemaNode | undefined {
    if (!ref.startsWith('#')) return undefined;
    let node: unknown = this.root;
    for (const raw of ref.slice(2).split('/').filter(Boolean)) {
      const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      node = (node as Record<string, unknown> | undefined)?.[segment];
    }
    return node as SchemaNode | undefined;
  }

  /** The schema that governs the value at `segments` (data path), or undefined. */
  at(segments: readonly string[]): SchemaNode | undefined {
    const key = segments.map((s) => (/^\d+$/.test(s) ? '#' : s)).join('/');
    if (this.cache.has(key)) return this.cache.get(key);
    let node = this.walk(segments);
    const own = this.labels?.[segments.filter((s) => !/^\d+$/.test(s)).join('/')];
    if (node?.enum && own) {
      const model = node.enumDescriptions;
      node = { ...node, enumDescriptions: node.enum.map((v, i) => own[String(v)] ?? model?.[i] ?? String(v)) };
    }
    this.cache.set(key, node);
    return node;
  }

  private walk(segments: readonly string[]): SchemaNode | undefined {
    let node = this.resolve(this.root);
    for (const segment of segments) {
      if (!node) return undefined;
      if (node.properties && segment in node.properties) node = this.resolve(node.properties[segment]);
      else if (node.items && /^\d+$/.test(segment)) node = this.resolve(node.items);
      else if (node.additionalProperties && typeof node.additionalProperties === 'object') node = this.resolve(node.additionalProperties);
      else return undefined;
    }
    return node;
  }
}
