// Tests that hold the structure: a section is its schema, its annotations, its layout and its place
// in every profile, and forgetting one fails here; the folders of src/ read as the pipeline, with no
// import running back up and no cycle between files or folders.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentSchemaIndex, currentSectionFacts } from '../src/model/current-schema.js';
import { sectionFacts } from '../src/model/sections.js';
import { addDays } from '../src/model/dates.js';
import { ORDERS_DATE, SEPARATION_HORIZON } from '../src/model/orders.js';
import { allProfiles } from '../src/profiles/index.js';
import { SECTION_LAYOUTS, type Block, type Field } from '../src/render/layouts.js';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const facts = sectionFacts(currentSchemaIndex());
const schema = currentSchemaIndex();

describe('a section of the data model', () => {
  it('means what the schema says: the facts the build wrote down are the schema read afresh', () => {
    expect(currentSectionFacts()).toEqual(facts);
  });

  it('is reported under exactly one item of every profile, and the profile schema knows it', () => {
    const profileSchema = JSON.parse(readFileSync(join(root, 'schemas', 'profile.schema.json'), 'utf8'));
    const allowed = profileSchema.properties.items.items.properties.sections.items.enum as string[];
    expect([...allowed].sort()).toEqual([...facts.itemSections].sort());
    for (const profile of allProfiles()) {
      const used = profile.items.flatMap((item) => item.sections);
      expect([...used].sort(), profile.id).toEqual([...facts.itemSections].sort());
    }
  });

  it('has a layout, and every layout belongs to a section', () => {
    expect(Object.keys(SECTION_LAYOUTS).sort()).toEqual([...facts.itemSections].sort());
  });

  it('lays out only fields the schema has, and shows a reference by the list the schema names', () => {
    const refs = new Map(facts.references.map((r) => [[...r.list, ...r.field].join('/'), `/${r.target.replace(/\./g, '/')}`]));
    const check = (list: string, fields: Field[]) => {
      const base = list.split('/').filter(Boolean);
      for (const field of fields) {
        for (const path of [field.path, ...(field.lines ?? [])]) {
          const at = [...base, '0', ...path.split('.')];
          expect(schema.at(at), `${list} → ${path}`).toBeDefined();
        }
        const declared = refs.get([...base, ...field.path.split('.')].join('/'));
        expect(field.ref?.list, `${list} → ${field.path}`).toBe(declared);
      }
    };
    for (const blocks of Object.values(SECTION_LAYOUTS)) {
      for (const block of blocks as Block[]) {
        expect(schema.at(block.path.split('/').filter(Boolean)), block.path).toBeDefined();
        if (block.kind === 'table') check(block.path, block.columns);
        if (block.kind === 'records') check(block.path, block.fields);
      }
    }
  });

  it('may be named as evidence exactly when the evidence pattern names it', () => {
    const pattern = (schema.at(['selfAssessment', 'CE-1', 'evidence', '0'])?.pattern ?? '') as string;
    const names = /^\^\(([^)]*)\)\//.exec(pattern)?.[1]?.split('|') ?? [];
    expect(names.length).toBeGreaterThan(0);
    expect([...names].sort()).toEqual(facts.evidence.map((kind) => kind.name).sort());
    for (const kind of facts.evidence) {
      for (const field of kind.dated) expect(schema.at([...kind.path, '0', field]), `${kind.name}.${field}`).toBeDefined();
    }
  });

  it('dates the year by fields that exist, and refers to lists that exist', () => {
    for (const spec of facts.inYear)
      expect(
        schema.at([...spec.list, '0', ...spec.field])?.format ?? schema.at([...spec.list, '0', ...spec.field, '0'])?.format,
        spec.field.join('.'),
      ).toBe('date');
    for (const ref of facts.references) expect(schema.at(ref.target.split('.'))?.type, ref.target).toBe('array');
    for (const path of facts.yearly) expect(schema.at(path), path.join('.')).toBeDefined();
  });
});

// The parts of src/ and the imports that must never exist between them (see src/README.md).
const PARTS: Record<string, string[]> = {
  model: ['model', 'diagnostics.ts', 'errors.ts', 'util', 'messages', 'profiles', 'types'],
  load: ['load'],
  validate: ['validate', 'rules'],
  report: ['report'],
  assessment: ['assessment'],
  edition: ['edition'],
  render: ['render'],
  bundle: ['bundle'],
  diff: ['diff', 'init'],
  regulator: ['regulator'],
  pipeline: ['pipeline'],
  face: ['cli', 'index.ts'],
};
const NEVER: [string, string, string][] = [
  ['model', 'load', 'the model knows no file'],
  ['model', 'validate', 'the model is below every stage'],
  ['model', 'edition', 'the model is below every stage'],
  ['model', 'render', 'the model is below every stage'],
  ['model', 'bundle', 'the model is below every stage'],
  ['model', 'pipeline', 'the model is below every stage'],
  ['load', 'validate', 'reading comes before checking'],
  ['validate', 'edition', 'editions come after checking'],
  ['validate', 'render', 'checking never depends on printing'],
  ['validate', 'bundle', 'checking never depends on packaging'],
  ['validate', 'pipeline', 'checking is a stage, not the pipeline'],
  ['edition', 'render', 'the view is made before printing'],
  ['edition', 'bundle', 'the view is made before packing'],
  ['edition', 'validate', 'the view takes a checked filing'],
  ['render', 'validate', 'render gets a checked view'],
  ['render', 'bundle', 'render and bundle are siblings'],
  ['render', 'diff', 'the view carries the changes'],
  ['bundle', 'render', 'render and bundle are siblings'],
  ['regulator', 'render', 'the regulator reads bundles, never prints filings'],
  ['assessment', 'render', 'scores are data, printed elsewhere'],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.(ts|js)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );
}

const src = join(root, 'src');
const files = sourceFiles(src).map((f) => relative(src, f));
/** file → the project files it imports (static, dynamic and type-only alike). */
const imports = new Map(
  files.map((file) => {
    const text = readFileSync(join(src, file), 'utf8');
    const targets = [...text.matchAll(/(?:from|import\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) =>
      relative(src, join(src, dirname(file), m[1]!)).replace(/\.js$/, '.ts'),
    );
    return [file, targets.map((t) => (files.includes(t) ? t : t.replace(/\.ts$/, '.js'))).filter((t) => files.includes(t))];
  }),
);
const partOf = (file: string) => Object.entries(PARTS).find(([, places]) => places.includes(file.split('/')[0]!))?.[0];

describe('the facts the model writes out', () => {
  it("puts the 2023 orders' horizon three years and a day after them", () => {
    expect(SEPARATION_HORIZON).toBe(addDays(ORDERS_DATE, 365 * 3 + 1));
  });
});

describe('the code of src/', () => {
  it('puts every file in a part of the pipeline', () => {
    expect(files.filter((f) => !partOf(f))).toEqual([]);
  });

  it('has no import that runs against the pipeline', () => {
    const wrong: string[] = [];
    for (const [file, targets] of imports) {
      for (const target of targets) {
        const rule = NEVER.find(([from, to]) => partOf(file) === from && partOf(target) === to);
        if (rule) wrong.push(`${file} → ${target}: ${rule[2]}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no cycle between folders', () => {
    const folder = (file: string) => (file.includes('/') ? file.split('/')[0]! : file);
    const edges = new Map<string, Set<string>>();
    for (const [file, targets] of imports)
      for (const t of targets)
        if (folder(file) !== folder(t)) (edges.get(folder(file)) ?? edges.set(folder(file), new Set()).get(folder(file))!).add(folder(t));
    expect(cycles(edges)).toEqual([]);
  });

  it('has no cycle between files', () => {
    expect(cycles(new Map([...imports].map(([f, ts]) => [f, new Set(ts)])))).toEqual([]);
  });

  it('imports a package statically, where it is needed: a dynamic import names a module of ours', () => {
    // the bundler hands a dynamically imported CommonJS package over as its default export only, so
    // `const { stringify } = await import('yaml')` is undefined once bundled; the module of ours
    // that needs it is what is loaded on demand
    const dynamic = files.flatMap((f) =>
      [...readFileSync(join(src, f), 'utf8').matchAll(/(?<!typeof )import\(\s*['"]([^'".][^'"]*)['"]\s*\)/g)].map((m) => `${f}: ${m[1]}`),
    );
    expect(dynamic).toEqual([]);
  });

  it('names the PDF libraries in one module, the engine, and reaches into no library elsewhere', () => {
    const ENGINE = 'render/engine.ts';
    const read = (file: string) => readFileSync(join(src, file), 'utf8');
    const library = /['"](?:pdfmake|pdfkit|fontkit)(?:\/[^'"]*)?['"]/;
    const internals = /prototype|require\.cache|_cmapProcessor|pdfmake\/js\//;
    const elsewhere = files.filter(
      (f) => f !== ENGINE && !f.startsWith('model/generated/') && (library.test(read(f)) || internals.test(read(f))),
    );
    expect(elsewhere).toEqual([]);
    // inside it, each hook into a library's internals sits under the comment that names the public
    // API it stands in for, by the upstream issue
    const lines = read(ENGINE).split('\n');
    const hooks = lines.flatMap((line, i) =>
      /\bprototype\b|\._[a-zA-Z]|require\.cache/.test(line) && !line.trim().startsWith('//') && !line.trim().startsWith('*') ? [i] : [],
    );
    expect(hooks.length).toBeGreaterThan(0);
    for (const i of hooks) expect(lines.slice(Math.max(0, i - 20), i).join('\n'), lines[i]).toMatch(/[\w-]+\/[\w-]+#\d+/);
    expect(read(ENGINE)).not.toMatch(/_cmapProcessor/);
  });
});

/** Every cycle found by a depth-first walk, each as the path that closes it. */
function cycles(edges: Map<string, Set<string>>): string[] {
  const found: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const walk = (node: string, path: string[]) => {
    state.set(node, 'open');
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next].join(' → '));
      else if (!state.has(next)) walk(next, [...path, next]);
    }
    state.set(node, 'done');
  };
  for (const node of [...edges.keys()].sort()) if (!state.has(node)) walk(node, [node]);
  return found;
}

describe('the library built in dist/lib', () => {
  it('offers each stage: the edition view render and bundle take, and the output formats', async () => {
    const lib = await import('../dist/lib/index.js');
    const result = await lib.validatePaths([join(root, 'examples', 'soden-13')], { lang: 'en', rules: false });
    const loaded = result.results[0]!.loaded!;
    const input = { data: loaded.data!, marks: loaded.marks, profile: result.results[0]!.profile! };
    const submission = lib.editionView(input, 'submission');
    const open = lib.editionView(input, 'public');
    expect(submission.withheld).toEqual([]);
    expect(open.withheld.length).toBeGreaterThan(0);
    expect(JSON.stringify(open.data)).not.toContain(String((loaded.data!.contact as { name: string }).name));
    expect(lib.editionView({ ...input, previous: loaded.data }, 'submission').changes?.sections).toEqual([]);
    expect(lib.DIFF_FORMATS).toEqual(['text', 'markdown', 'json']);
    expect(lib.COMPARE_FORMATS).toEqual(['xlsx', 'csv', 'html']);
    expect(lib.sectionFacts(lib.currentSchemaIndex()).itemSections).toHaveLength(16);
    // options are optional, as the CLI's defaults: the language from the environment
    const plain = await lib.validatePaths([join(root, 'examples', 'soden-13')]);
    // the one measure the example shows late on purpose
    expect(plain.diagnostics.map((d) => d.code)).toEqual(['assessment/overdue-measures']);
    expect(plain.results[0]!.profile?.id).toBe('soden-13');
    // the progress of its plans, as the progress report prints it and verify computes it again
    const progress = lib.progressOf(plain.results[0]!.loaded!.data!, '2025-03-31');
    expect(progress.period).toEqual({ from: '2024-10-01', to: '2025-03-31' });
    expect(progress.systems.map((s) => [s.id, s.status])).toEqual([['TS-06', 'late']]);
    expect(progress.measures.filter((m) => m.verdict === 'late').map((m) => m.id)).toEqual(['IP-04']);
  });
});
