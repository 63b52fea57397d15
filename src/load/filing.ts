// Paths → one merged filing + SourceMap. A filing is a directory (filing.yaml plus section files,
// merged by top-level key) or a single YAML file; a lone section file is checked on its own.
import { existsSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { InputOutputError, NotAFilingFile, errnoReason } from '../errors.js';
import { t, type Lang } from '../messages/index.js';
import { CONFIG_FILE_NAMES } from '../model/config.js';
import type { Mark } from '../model/marks.js';
import { parseYaml } from './parse.js';
import { readSourceFile, DEFAULT_MAX_FILE_MB } from './read.js';
import { readRegularFile } from '../util/regular-file.js';
import { SourceMap } from './source-map.js';
import { TABULAR_SECTIONS } from '../model/tabular.js';
import { isTabularFile } from './tabular-sections.js';

export const FILING_FILE_NAMES = ['filing.yaml', 'filing.yml'];
export { CONFIG_FILE_NAMES };
/** Top-level keys that make a single file a whole filing rather than one section file. */
const HEADER_KEYS = ['filer', 'filerType', 'fiscalYear', 'submissionDate'];

export type InputKind = 'directory' | 'file' | 'section' | 'config';

export interface Target {
  path: string;
  kind: 'directory' | 'file' | 'config';
}

export interface LoadOptions {
  lang: Lang;
  maxFileMB?: number;
}

export interface LoadedFiling {
  /** The directory or file as given. */
  path: string;
  kind: InputKind;
  /** The directory relative paths inside the filing resolve against. */
  baseDir: string;
  files: string[];
  data?: Record<string, unknown>;
  sourceMap: SourceMap;
  diagnostics: Diagnostic[];
  /** false when a file could not be read or parsed: the merged data lacks its sections. */
  complete: boolean;
  /** Publication marks (!withhold / !publish) by JSON pointer into the merged data. */
  marks: Map<string, Mark>;
}

export function isYamlFile(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return ext === '.yaml' || ext === '.yml';
}

/**
 * The filing directory a file lies in: the nearest folder above it, up to four levels and not past a
 * repository's root, that holds a filing.yaml.
 */
function enclosingFiling(dir: string): string | undefined {
  let current = dir;
  for (let level = 0; level < 5; level++) {
    if (filingFileIn(current)) return current;
    if (existsSync(join(current, '.git'))) return undefined;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
  return undefined;
}

function filingFileIn(dir: string): string | undefined {
  for (const name of FILING_FILE_NAMES) {
    try {
      if (statSync(join(dir, name)).isFile()) return join(dir, name);
    } catch {
      // not there
    }
  }
  return undefined;
}

/**
 * What to check for each path given. A YAML file that sits next to a filing.yaml stands for its
 * whole directory (so a pre-commit hook that passes only changed files still checks cross-file
 * facts); paths naming the same filing are checked once.
 */
export function resolveTargets(paths: readonly string[]): Target[] {
  const targets: Target[] = [];
  const seen = new Set<string>();
  const add = (target: Target) => {
    const key = `${target.kind}:${target.path.replace(/\/+$/, '')}`;
    if (seen.has(key)) return;
    seen.add(key);
    targets.push(target);
  };
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new InputOutputError('input.notFound', { path }, 'input.notFound.hint');
      throw new InputOutputError('input.unreadable', { path, reason: errnoReason(error) }, 'input.unreadable.hint');
    }
    if (stats.isDirectory()) {
      add({ path: path.replace(/\/+$/, '') || '/', kind: 'directory' });
    } else if (CONFIG_FILE_NAMES.includes(basename(path))) {
      add({ path, kind: 'config' });
    } else if (isTabularFile(path) && filingFileIn(dirname(path))) {
      // a spreadsheet of a filing stands for its directory, as a section file does
      add({ path: dirname(path), kind: 'directory' });
    } else if (!isYamlFile(path)) {
      // an attachment, or a list's spreadsheet in a folder of the filing: the filing stands for it
      const filing = enclosingFiling(dirname(path));
      if (!filing) throw new NotAFilingFile(path);
      add({ path: filing, kind: 'directory' });
    } else if (!FILING_FILE_NAMES.includes(basename(path)) && filingFileIn(dirname(path))) {
      add({ path: dirname(path), kind: 'directory' });
    } else if (FILING_FILE_NAMES.includes(basename(path)) && yamlFilesIn(dirname(path)).length > 1) {
      add({ path: dirname(path), kind: 'directory' });
    } else {
      add({ path, kind: 'file' });
    }
  }
  return targets;
}

function directoryEntries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw new InputOutputError('input.unreadable', { path: dir, reason: errnoReason(error) }, 'input.unreadable.hint');
  }
}

/** The spreadsheets among a filing directory's entries that hold a list section (transactions.csv, logReviews.xlsx). */
function tabularNames(entries: readonly Dirent[]): string[] {
  return entries
    .filter((e) => !e.isDirectory() && isTabularFile(e.name))
    .map((e) => e.name)
    .sort();
}

function yamlFilesIn(dir: string): string[] {
  return yamlNames(directoryEntries(dir));
}

function yamlNames(entries: readonly Dirent[]): string[] {
  return (
    entries
      // every YAML name but a directory: a named pipe or a device so named is refused when read, not skipped
      .filter((e) => !e.isDirectory() && isYamlFile(e.name) && !CONFIG_FILE_NAMES.includes(e.name))
      .map((e) => e.name)
      .sort((a, b) => Number(FILING_FILE_NAMES.includes(b)) - Number(FILING_FILE_NAMES.includes(a)) || (a < b ? -1 : a > b ? 1 : 0))
  );
}

export async function loadTarget(target: Target, options: LoadOptions): Promise<LoadedFiling> {
  return target.kind === 'directory' ? loadDirectory(target.path, options) : loadFile(target.path, options);
}

async function loadDirectory(dir: string, options: LoadOptions): Promise<LoadedFiling> {
  const entries = directoryEntries(dir);
  const names = yamlNames(entries);
  const files = names.map((name) => join(dir, name));
  const filingName = names.find((name) => FILING_FILE_NAMES.includes(name));
  const rootFile = join(dir, filingName ?? FILING_FILE_NAMES[0]!);
  const sourceMap = new SourceMap(rootFile);
  const loaded: LoadedFiling = {
    path: dir,
    kind: 'directory',
    baseDir: dir,
    files,
    sourceMap,
    diagnostics: [],
    complete: true,
    marks: new Map(),
  };
  if (!filingName) {
    loaded.diagnostics.push({
      code: 'input/no-filing-yaml',
      severity: 'error',
      file: dir,
      message: t(options.lang, 'input.noFilingYaml', { path: dir }),
      hint: t(options.lang, 'input.noFilingYaml.hint', { path: dir }),
    });
    loaded.complete = false;
  }
  const data: Record<string, unknown> = {};
  const firstDefinition = new Map<string, string>();
  for (const file of files) {
    const value = await readAndParse(file, sourceMap, loaded, options);
    if (value === undefined) continue;
    for (const [key, section] of Object.entries(value)) {
      const earlier = firstDefinition.get(key);
      if (earlier !== undefined) {
        const first = await sourceMap.locate('/' + key, 'key');
        sourceMap.assignSection(key, file);
        const second = await sourceMap.locate('/' + key, 'key');
        sourceMap.assignSection(key, earlier);
        const where = first ? `${first.file}:${first.line}:${first.column}` : earlier;
        loaded.diagnostics.push({
          code: 'input/duplicate-section',
          severity: 'error',
          file,
          line: second?.line ?? 1,
          column: second?.column ?? 1,
          message: t(options.lang, 'input.duplicateSection', { key }),
          hint: t(options.lang, 'input.duplicateSection.hint', { key, other: where }),
          related: [{ file: earlier, line: first?.line, column: first?.column, message: t(options.lang, 'input.duplicateSection.other') }],
        });
        continue;
      }
      firstDefinition.set(key, file);
      sourceMap.assignSection(key, file);
      // an own property even for "__proto__" (which assignment would take for the object's parent): the
      // schema then reports it as the unknown key it is
      Object.defineProperty(data, key, { value: section, enumerable: true, writable: true, configurable: true });
    }
  }
  for (const name of tabularNames(entries)) await mergeTable(join(dir, name), data, firstDefinition, loaded, options);
  loaded.data = data;
  return loaded;
}

/**
 * A list section from a spreadsheet, merged where the list sits (transactions.csv gives
 * transactions.records; the rest of transactions stays in its YAML). The spreadsheet reader is
 * loaded only when there is one, so a YAML-only filing loads as fast as before.
 */
async function mergeTable(
  file: string,
  data: Record<string, unknown>,
  firstDefinition: Map<string, string>,
  loaded: LoadedFiling,
  options: LoadOptions,
): Promise<void> {
  const { lang } = options;
  const stem = basename(file, extname(file));
  const prefix = TABULAR_SECTIONS[stem]!;
  loaded.files.push(file);
  const tabular = await import('./tabular.js');
  let read;
  if (extname(file).toLowerCase() === '.csv') {
    const text = readSourceFile(file, options.maxFileMB ?? DEFAULT_MAX_FILE_MB, lang);
    loaded.diagnostics.push(...text.diagnostics);
    if (text.text === undefined) {
      loaded.complete = false;
      return;
    }
    loaded.sourceMap.addFile(file, text.text);
    read = await tabular.readCsvTable(file, text.text, prefix, lang);
  } else {
    read = await tabular.readXlsxTable(file, readRegularFile(file), prefix, stem, lang);
  }
  loaded.diagnostics.push(...read.diagnostics);
  if (!read.entries) {
    loaded.complete = false;
    return;
  }
  // the list may be given once: in the spreadsheet or in the YAML, not both
  let parent: Record<string, unknown> = data;
  for (const key of prefix.slice(0, -1)) {
    const next = parent[key];
    if (next === undefined) parent[key] = {};
    else if (next === null || typeof next !== 'object' || Array.isArray(next)) return;
    parent = parent[key] as Record<string, unknown>;
  }
  const last = prefix[prefix.length - 1]!;
  if (parent[last] !== undefined) {
    const other = firstDefinition.get(prefix[0]!) ?? loaded.sourceMap.rootFile;
    loaded.diagnostics.push({
      code: 'input/duplicate-section',
      severity: 'error',
      file,
      line: 1,
      column: 1,
      message: t(lang, 'tabular.clash', { section: prefix.join('.'), other }),
      hint: t(lang, 'tabular.clash.hint'),
    });
    loaded.complete = false;
    return;
  }
  parent[last] = read.entries;
  if (prefix.length === 1) loaded.sourceMap.assignSection(prefix[0]!, file);
  loaded.sourceMap.addTable(read.source);
}

async function loadFile(file: string, options: LoadOptions): Promise<LoadedFiling> {
  const sourceMap = new SourceMap(file);
  const loaded: LoadedFiling = {
    path: file,
    kind: 'file',
    baseDir: dirname(file),
    files: [file],
    sourceMap,
    diagnostics: [],
    complete: true,
    marks: new Map(),
  };
  const value = await readAndParse(file, sourceMap, loaded, options);
  if (value !== undefined) {
    for (const key of Object.keys(value)) sourceMap.assignSection(key, file);
    loaded.data = value;
    if (!HEADER_KEYS.some((key) => key in value)) loaded.kind = 'section';
  }
  return loaded;
}

/** Reads, decodes and parses one file; returns its top-level mapping or undefined on failure. */
async function readAndParse(
  file: string,
  sourceMap: SourceMap,
  loaded: LoadedFiling,
  options: LoadOptions,
): Promise<Record<string, unknown> | undefined> {
  const { lang } = options;
  const read = readSourceFile(file, options.maxFileMB ?? DEFAULT_MAX_FILE_MB, lang);
  loaded.diagnostics.push(...read.diagnostics);
  if (read.text === undefined) {
    loaded.complete = false;
    return undefined;
  }
  sourceMap.addFile(file, read.text);
  const parsed = await parseYaml(read.text, file, lang);
  if (parsed.plain) sourceMap.markPlain(file);
  loaded.diagnostics.push(...parsed.diagnostics);
  for (const [pointer, mark] of parsed.marks ?? []) loaded.marks.set(pointer, mark);
  if (parsed.diagnostics.some((d) => d.severity === 'error')) {
    loaded.complete = false;
    return undefined;
  }
  const value = parsed.value;
  if (value === null || value === undefined) {
    loaded.diagnostics.push({
      code: 'input/empty',
      severity: 'warning',
      file,
      line: 1,
      column: 1,
      message: t(lang, 'input.empty'),
      hint: t(lang, 'input.empty.hint'),
    });
    return {};
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    loaded.complete = false;
    loaded.diagnostics.push({
      code: 'input/not-mapping',
      severity: 'error',
      file,
      line: 1,
      column: 1,
      message: t(lang, 'input.notMapping', {
        actual: t(lang, Array.isArray(value) ? 'type.array' : typeof value === 'string' ? 'type.string' : 'type.number'),
      }),
      hint: t(lang, 'input.notMapping.hint'),
    });
    return undefined;
  }
  return value as Record<string, unknown>;
}
