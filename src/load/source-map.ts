// Where each value of the merged filing was written. Positions travel here, never on the data.
// Files are re-parsed for positions lazily, only when a diagnostic needs one.
import type { Diagnostic } from '../diagnostics.js';
import { parsePointer } from '../util/pointer.js';
import { fastLocate } from './fast-locate.js';
import type { Span, YamlLocator } from './yaml-document.js';

interface SourceFile {
  text: string;
  /** in the plain subset (the fast reader read it): spans can be found without the general parser */
  plain?: boolean;
  locator?: YamlLocator;
}

export class SourceMap {
  private readonly files = new Map<string, SourceFile>();
  private readonly sections = new Map<string, string>();

  /** @param rootFile the file that holds the header (filing.yaml, or the single file) */
  constructor(readonly rootFile: string) {}

  addFile(path: string, text: string): void {
    this.files.set(path, { text });
  }

  markPlain(path: string): void {
    const file = this.files.get(path);
    if (file) file.plain = true;
  }

  /** Records that the top-level key `section` comes from `path`. */
  assignSection(section: string, path: string): void {
    this.sections.set(section, path);
  }

  fileOfSection(section: string): string | undefined {
    return this.sections.get(section);
  }

  fileOf(pointer: string): string {
    const first = parsePointer(pointer)[0];
    return (first !== undefined && this.sections.get(first)) || this.rootFile;
  }

  text(path: string): string | undefined {
    return this.files.get(path)?.text;
  }

  get paths(): string[] {
    return [...this.files.keys()];
  }

  async locate(pointer: string, target: 'key' | 'value' = 'value'): Promise<(Span & { file: string }) | undefined> {
    const file = this.fileOf(pointer);
    const source = this.files.get(file);
    if (!source) return undefined;
    const segments = parsePointer(pointer);
    if (source.plain && !source.locator) {
      const span = fastLocate(source.text, segments, target);
      if (span) return { file, ...span };
    }
    if (!source.locator) {
      const { YamlLocator } = await import('./yaml-document.js');
      source.locator = new YamlLocator(source.text);
    }
    return { file, ...source.locator.locate(segments, target) };
  }

  /** Fills in file, line and column of every diagnostic that has a pointer but no position. */
  async attachPositions(diagnostics: Diagnostic[]): Promise<void> {
    for (const d of diagnostics) {
      if (d.pointer === undefined || d.line !== undefined) continue;
      const span = await this.locate(d.pointer, d.target ?? 'value');
      if (!span) continue;
      d.file = span.file;
      d.line = span.line;
      d.column = span.column;
      d.endLine = span.endLine;
      d.endColumn = span.endColumn;
    }
    for (const d of diagnostics) {
      for (const r of d.related ?? []) {
        if (r.pointer === undefined || r.line !== undefined) continue;
        const span = await this.locate(r.pointer, 'value');
        if (span) Object.assign(r, { file: span.file, line: span.line, column: span.column });
      }
    }
  }
}
