#!/usr/bin/env node
// Build: schemas → bundled schemas, TypeScript types and ajv standalone validators; then type-check
// with tsc (declarations to dist/types) and bundle the CLI and the library with esbuild.
// Runs from `npm ci` (prepare) and `npm run build`.
import { mkdirSync, writeFileSync, rmSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { _ } from 'ajv';
import { compile } from 'json-schema-to-typescript';
import { readVersionFiles, bundleSchema, partSchema, withProfiles } from './lib/schema-bundle.mjs';
import { SCHEMA_VERSIONS, CURRENT_VERSION, BASES, bundleId, partId } from './lib/schema-ids.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const generated = join(root, 'src', 'model', 'generated');
const dist = join(root, 'dist');
const quiet = process.argv.includes('--quiet');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/** A GitHub-style repository URL → its docs/ folder at this version's tag (v<version>); else undefined. */
function docsUrl({ repository, version }) {
  const url = typeof repository === 'string' ? repository : repository?.url;
  const web = url
    ?.replace(/^git\+/, '')
    .replace(/\.git$/, '')
    .replace(/^git@([^:]+):/, 'https://$1/');
  // a placeholder (a host under .invalid, RFC 2606) until the repository is filled in: no links
  return web?.startsWith('https://') && !/^https:\/\/[^/]*\.invalid\//.test(web) ? `${web}/blob/v${version}/docs/` : undefined;
}
const log = (msg) => {
  if (!quiet) process.stderr.write(`build: ${msg}\n`);
};

// The published bundles are what editors read (the YAML language server). Its own messages are in
// English ("Incorrect type. Expected string"); where the schema gives errorMessage (and, for a
// pattern, patternErrorMessage) it shows those instead. They are written here, in Japanese, from what
// each place expects, into the published files only: taisei's own validators and messages do not
// use them.
const ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$';
function editorMessage(node) {
  if (Array.isArray(node.enum)) {
    const labels = node.enum.map((v, i) => (node.enumDescriptions?.[i] ? `${v}（${node.enumDescriptions[i]}）` : String(v)));
    return `次のいずれかを書いてください: ${labels.join('、')}`;
  }
  if (node.format === 'date') return 'YYYY-MM-DD 形式の半角の日付で書いてください（例: 2025-06-20）';
  if (node.format === 'corporate-number') return '13桁の法人番号を半角数字で書いてください';
  if (node.format === 'email') return '電子メールアドレスを書いてください';
  if (node.type === 'integer') return '整数を書いてください';
  if (node.type === 'number') return '数値を書いてください';
  if (node.type === 'boolean') return 'true か false を書いてください（yes・no は文字列として読まれます）';
  return undefined;
}
function forEditors(node) {
  if (Array.isArray(node)) return node.map(forEditors);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    out[k] =
      k === 'properties' || k === '$defs'
        ? Object.fromEntries(Object.entries(v).map(([pk, pv]) => [pk, forEditors(pv)]))
        : k === 'enum' || k === 'required' || k === 'default' || k === 'const'
          ? v
          : forEditors(v);
  }
  const message = editorMessage(node);
  if (message && out.errorMessage === undefined) out.errorMessage = message;
  if (node.pattern === ID_PATTERN)
    out.patternErrorMessage = '半角英数字で始まり、半角英数字と . - _ だけの ID にしてください（例: SYS-01、64文字まで）';
  else if (typeof node.pattern === 'string' && node.pattern.startsWith('^[0-9][0-9-]'))
    out.patternErrorMessage = '半角数字とハイフンの電話番号にしてください（例: 03-1234-5678）';
  return out;
}

rmSync(dist, { recursive: true, force: true });
rmSync(generated, { recursive: true, force: true });
mkdirSync(generated, { recursive: true });

// The profile registry: one JSON file each in profiles/.
const profileFiles = readdirSync(join(root, 'profiles'))
  .filter((n) => n.endsWith('.json'))
  .sort();
const profiles = profileFiles.map((n) => JSON.parse(readFileSync(join(root, 'profiles', n), 'utf8')));

// 1. Bundled schemas, one pair per released schema version, kept so old filings stay checkable; the
// profiles a filing may name are the registry's (withProfiles).
const bundles = {};
for (const version of SCHEMA_VERSIONS) {
  const files = readVersionFiles(join(root, 'schemas'), version, BASES);
  const filing = withProfiles(bundleSchema(files, 'filing', bundleId(version)), profiles);
  const part = partSchema(filing, partId(version));
  bundles[version] = { filing, part };
  const out = join(dist, 'schemas', String(version));
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'filing.bundle.schema.json'), JSON.stringify(forEditors(filing), null, 2) + '\n');
  writeFileSync(join(out, 'section.bundle.schema.json'), JSON.stringify(forEditors(part), null, 2) + '\n');
}
const profileSchema = JSON.parse(readFileSync(join(root, 'schemas', 'profile.schema.json'), 'utf8'));
const configSchema = JSON.parse(readFileSync(join(root, 'schemas', 'config.schema.json'), 'utf8'));
const manifestSchema = JSON.parse(readFileSync(join(root, 'schemas', 'manifest.schema.json'), 'utf8'));
log(`bundled schema versions ${SCHEMA_VERSIONS.join(', ')}`);

// 2. TypeScript types from the current schema (titles are Japanese labels, not type names).
function forTypes(node) {
  if (Array.isArray(node)) return node.map(forTypes);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'title' || k === 'enumDescriptions' || k === '$id' || k === 'default' || k.startsWith('x-taisei-')) continue;
    out[k] =
      k === 'properties' || k === '$defs' ? Object.fromEntries(Object.entries(v).map(([pk, pv]) => [pk, forTypes(pv)])) : forTypes(v);
  }
  return out;
}
const current = bundles[CURRENT_VERSION].filing;
const profileTypes = await compile(forTypes({ ...profileSchema, title: 'Profile' }), 'Profile', {
  bannerComment: '',
  additionalProperties: false,
  format: false,
});
const configTypes = await compile(forTypes({ ...configSchema, title: 'Config' }), 'Config', {
  bannerComment: '',
  additionalProperties: false,
  format: false,
});
const catalogueSchema = JSON.parse(readFileSync(join(root, 'schemas', 'internal-control-catalogue.schema.json'), 'utf8'));
const catalogueTypes = await compile(forTypes({ ...catalogueSchema, title: 'Catalogue' }), 'Catalogue', {
  bannerComment: '',
  additionalProperties: false,
  format: false,
});
// The viewpoints are reading for people (the catalogue file, docs); nothing in the tool uses them, so
// they stay out of the start-up bundle.
const { $schema: _catalogueSchema, ...catalogueFile } = JSON.parse(readFileSync(join(root, 'catalogues', 'internal-control.json'), 'utf8'));
const catalogue = { ...catalogueFile, items: catalogueFile.items.map(({ viewpoints: _viewpoints, ...item }) => item) };
writeFileSync(
  join(generated, 'data.ts'),
  `/* Generated from profiles/ and schemas/ by scripts/build.mjs — do not edit. */\n` +
    profileTypes.replace(/^export interface Profile /m, 'export interface Profile ') +
    '\n' +
    configTypes +
    '\n' +
    catalogueTypes +
    '\n' +
    `export const profiles: Profile[] = ${JSON.stringify(profiles.map(({ $schema: _schema, ...p }) => p))};\n` +
    `/** The internal-control catalogue as the tool uses it: catalogues/internal-control.json less the viewpoints. */\n` +
    `export type CatalogueData = Omit<Catalogue, 'items'> & { items: Omit<Catalogue['items'][number], 'viewpoints'>[] };\n` +
    `export const internalControl: CatalogueData = ${JSON.stringify(catalogue)};\n`,
);
// The schemas as texts, parsed when first asked for: they word diagnostics and index the model, and a
// run that needs neither (a clean validate) does not pay for evaluating them; JSON.parse of a text is
// also quicker than evaluating the same object literal.
writeFileSync(
  join(generated, 'schema-bundle.ts'),
  `/* Generated from schemas/ by scripts/build.mjs — do not edit. */\n` +
    `const FILING: Record<number, string> = {\n${SCHEMA_VERSIONS.map((v) => `  ${v}: ${JSON.stringify(JSON.stringify(bundles[v].filing))},`).join('\n')}\n};\n` +
    `const CONFIG = ${JSON.stringify(JSON.stringify(configSchema))};\n` +
    `const parsed = new Map<number | 'config', unknown>();\n` +
    `/** The bundled filing schema of a released version (undefined for none). */\n` +
    `export function filingSchema(version: number): unknown {\n` +
    `  if (!parsed.has(version)) parsed.set(version, FILING[version] === undefined ? undefined : JSON.parse(FILING[version]));\n` +
    `  return parsed.get(version);\n}\n` +
    `/** The configuration's schema. */\n` +
    `export function configSchema(): unknown {\n` +
    `  if (!parsed.has('config')) parsed.set('config', JSON.parse(CONFIG));\n` +
    `  return parsed.get('config');\n}\n`,
);
log(`generated profile data (${profiles.map((p) => p.id).join(', ')})`);
const types = await compile(forTypes({ ...current, title: 'Filing' }), 'Filing', {
  bannerComment: '/* Generated from schemas/ by scripts/build.mjs — do not edit. */',
  additionalProperties: false,
  unreachableDefinitions: false,
  strictIndexSignatures: true,
  format: false,
});
writeFileSync(join(generated, 'filing.ts'), types);
log('generated src/model/generated/filing.ts');

// What each section means, read from the current schema's x-taisei-* annotations by the tool's own
// reader (model/sections.ts), written as data so that no run pays for walking the schema.
const sectionsModule = join(generated, 'sections.build.mjs');
await build({
  stdin: {
    contents: "export { sectionFacts } from './sections.ts'; export { SchemaIndex } from './schema-index.ts';",
    resolveDir: join(root, 'src', 'model'),
    loader: 'ts',
  },
  outfile: sectionsModule,
  format: 'esm',
  platform: 'node',
  bundle: true,
  logLevel: 'silent',
});
const sectionsReader = await import(pathToFileURL(sectionsModule).href);
rmSync(sectionsModule);
const facts = sectionsReader.sectionFacts(new sectionsReader.SchemaIndex(current));
writeFileSync(
  join(generated, 'section-facts.ts'),
  `/* Generated from the x-taisei-* annotations of schemas/ by scripts/build.mjs — do not edit. */\n` +
    `import type { SectionFacts } from '../sections.js';\n\n` +
    `export const SECTION_FACTS: SectionFacts = ${JSON.stringify(facts)};\n`,
);
log(`generated the section facts (${facts.itemSections.length} sections)`);

// 3. ajv standalone validators (compiled ahead of time: nothing compiles schemas at run time).
const formatsModule = join(generated, 'formats.build.mjs');
await build({
  entryPoints: [join(root, 'src', 'model', 'formats.ts')],
  outfile: formatsModule,
  format: 'esm',
  platform: 'node',
  bundle: true,
  logLevel: 'silent',
});
const { formats } = await import(pathToFileURL(formatsModule).href);
rmSync(formatsModule);
// The schemas are declared 2020-12; they use only keywords whose meaning is the same in draft-07
// (checked below), so they are compiled with ajv's draft-07 engine, whose generated code does not
// carry 2020-12's dynamic-scope bookkeeping into every function.
// Annotations (titles, descriptions, labels) do not take part in validation; compiling without them
// keeps them out of the constants ajv embeds in the generated module.
// x-taisei-* say what a part of the model means (model/sections.ts, edition/redact.ts): annotations too.
const ANNOTATIONS = new Set(['title', 'description', 'enumDescriptions', 'default', '$comment', 'examples']);
const isAnnotation = (k) => ANNOTATIONS.has(k) || k.startsWith('x-taisei-');
const DRAFT7_SAFE = new Set([
  '$id',
  '$ref',
  '$defs',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  'pattern',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'minItems',
  'maxItems',
  'uniqueItems',
  'if',
  'then',
  'else',
  'propertyNames',
]);
function withoutAnnotations(node, inMap = false) {
  if (Array.isArray(node)) return node.map((n) => withoutAnnotations(n));
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  if (!inMap && node.$ref !== undefined && Object.keys(node).some((k) => k !== '$ref' && !isAnnotation(k))) {
    throw new Error(`a $ref with validation siblings behaves differently in draft-07: ${JSON.stringify(node)}`);
  }
  for (const [k, v] of Object.entries(node)) {
    if (k === '$schema') continue;
    if (!inMap && !DRAFT7_SAFE.has(k) && !isAnnotation(k)) throw new Error(`schema keyword ${k} is not in the draft-07-compatible subset`);
    if (ANNOTATIONS.has(k) && typeof v !== 'object') continue;
    if (k === 'enumDescriptions' || k.startsWith('x-taisei-')) continue;
    out[k] =
      k === 'properties' || k === '$defs'
        ? Object.fromEntries(Object.entries(v).map(([pk, pv]) => [pk, withoutAnnotations(pv)]))
        : k === 'enum' || k === 'const' || k === 'required'
          ? v
          : withoutAnnotations(v);
  }
  return out;
}
// The current version's validator is in the start-up path; the earlier versions' (needed only to
// verify an older bundle) are a separate module, loaded on demand.
const newAjv = () => {
  const instance = new Ajv({
    allErrors: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: false,
    // Each $ref'd definition compiled once as its own function: inlining copies common#/$defs/line
    // and friends into every use and makes the module several times larger to load.
    inlineRefs: false,
    // Messages are worded from our own catalogs; ajv's English ones would only add code.
    messages: false,
    code: { source: true, esm: true, optimize: true, formats: _`taiseiFormats` },
    formats,
  });
  instance.addVocabulary(['enumDescriptions']);
  return instance;
};
const ajv = newAjv();
const exportsMap = {};
// Section files use the same validator; their missing top-level keys are ignored (schema.ts).
ajv.addSchema(withoutAnnotations(bundles[CURRENT_VERSION].filing));
exportsMap[`filing${CURRENT_VERSION}`] = bundleId(CURRENT_VERSION);
ajv.addSchema(withoutAnnotations(profileSchema));
ajv.addSchema(withoutAnnotations(configSchema));
ajv.addSchema(withoutAnnotations(manifestSchema));
exportsMap.profile = profileSchema.$id;
exportsMap.config = configSchema.$id;
exportsMap.manifest = manifestSchema.$id;
const header = `// Generated by scripts/build.mjs — do not edit.\nimport { formats as taiseiFormats } from "../formats.js";\n`;
const declarations = (names) =>
  `// Generated by scripts/build.mjs — do not edit.\nimport type { ErrorObject } from 'ajv';\n` +
  `export interface CompiledValidator { (data: unknown): boolean; errors?: ErrorObject[] | null }\n` +
  names.map((n) => `export declare const ${n}: CompiledValidator;\n`).join('');
// ajv's standalone code gathers a sub-schema's errors with vErrors.concat(…), which copies every
// error found so far each time: a list of 100,000 bad entries took minutes (quadratic). Appending in
// place gives the same errors in the same order in linear time.
const CONCAT = /vErrors = vErrors === null \? (\w+)\.errors : vErrors\.concat\(\1\.errors\)/g;
function linearErrors(code) {
  const out = code.replace(CONCAT, (_, v) => `vErrors = vErrors === null ? ${v}.errors.slice() : (vErrors.push(...${v}.errors), vErrors)`);
  if (CONCAT.test(out) || /vErrors\.concat\(/.test(out)) throw new Error('validators: a vErrors.concat left unrewritten');
  return out;
}
writeFileSync(join(generated, 'validators.js'), header + linearErrors(standaloneCode(ajv, exportsMap)));
const previousAjv = newAjv();
const previousMap = {};
for (const version of SCHEMA_VERSIONS.filter((v) => v !== CURRENT_VERSION)) {
  previousAjv.addSchema(withoutAnnotations(bundles[version].filing));
  previousMap[`filing${version}`] = bundleId(version);
}
writeFileSync(
  join(generated, 'validators-previous.js'),
  header + (Object.keys(previousMap).length ? linearErrors(standaloneCode(previousAjv, previousMap)) : 'export {};\n'),
);
writeFileSync(join(generated, 'validators-previous.d.ts'), declarations(Object.keys(previousMap)));
const names = Object.keys(exportsMap);
writeFileSync(join(generated, 'validators.d.ts'), declarations(names));
writeFileSync(
  join(generated, 'schemas.ts'),
  `// Generated by scripts/build.mjs — do not edit.\n` +
    `export const SCHEMA_VERSIONS = ${JSON.stringify(SCHEMA_VERSIONS)} as const;\n` +
    `export const CURRENT_SCHEMA_VERSION = ${CURRENT_VERSION};\n` +
    `/** The version each version's folder builds on (it holds only the files that differ). */\nexport const SCHEMA_BASES: Record<number, number> = ${JSON.stringify(BASES)};\n` +
    `export const TOOL_VERSION = ${JSON.stringify(pkg.version)};\n` +
    `/** Where this version's docs/ folder is published (from package.json's repository), if anywhere. */\n` +
    `export const DOCS_URL: string | undefined = ${JSON.stringify(docsUrl(pkg))};\n`,
);
log(`compiled validators: ${names.join(', ')}; on demand: ${Object.keys(previousMap).join(', ') || 'none'}`);

// 3b. The shipped templates, precompiled: a build then needs only Handlebars' runtime (compiling
// them took a tenth of a cold build). Each carries its source: a template file that no longer
// matches (edited without a rebuild) is compiled as it stands, as an override is.
{
  const { default: Handlebars } = await import('handlebars');
  const entries = [];
  const templatesRoot = join(root, 'templates');
  for (const folder of readdirSync(templatesRoot, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort())
    for (const file of readdirSync(join(templatesRoot, folder))
      .filter((f) => f.endsWith('.hbs'))
      .sort()) {
      const source = readFileSync(join(templatesRoot, folder, file), 'utf8');
      const spec = Handlebars.precompile(source, { noEscape: true, strict: false });
      entries.push(`  ${JSON.stringify(`${folder}/${file}`)}: { source: ${JSON.stringify(source)}, spec: ${spec} },`);
    }
  writeFileSync(
    join(generated, 'templates.ts'),
    `// Generated by scripts/build.mjs from templates/ — do not edit.\n` +
      `/* eslint-disable */\n// @ts-nocheck\n` +
      `export const PRECOMPILED: Record<string, { source: string; spec: unknown }> = {\n${entries.join('\n')}\n};\n`,
  );
  log(`precompiled ${entries.length} templates`);
}

// 4. Type-check and declarations.
const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.json')], {
  stdio: 'inherit',
});
if (tsc.status !== 0) {
  process.stderr.write('build: type check failed\n');
  process.exit(1);
}
log('type-checked');

// 5. Bundles. The CLI is split by esbuild into chunks (ESM), each module in exactly one of them, so
// a class is one class whoever loads it. What a command needs only sometimes (the full YAML parser,
// the schema texts that word diagnostics, init, render, bundle, the regulator) is imported
// dynamically and so lands in chunks of its own. Then, for bin/taisei.js, which runs CommonJS
// through vm.Script with a V8 code cache (compiling — mostly the generated validators — is the
// largest part of a cold start, and Node 20 has no compile cache of its own for modules):
// - dist/cli/main.cjs is main with every chunk it imports statically bundled in, one script with
//   its modules hoisted into one scope, as a single bundle starts; it also exports those chunks'
//   modules by chunk name (__taiseiChunks);
// - every other chunk is a file of its own, dist/cli/chunk-*.cjs, whose imports of a chunk are
//   require()s that the launcher serves: from main.cjs's exports for a chunk bundled there, else by
//   loading that chunk's file, once. A dynamic import becomes such a require() too (Node's import()
//   would load a second instance).
// The library (dist/lib) is ordinary ESM, split the same way.
const cliEsm = join(dist, '.cli-esm');
const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  legalComments: 'linked',
  minify: !process.env.TAISEI_NO_MINIFY,
  // Japanese text as UTF-8, not \\u escapes: half the bytes for V8 to read on every start.
  charset: 'utf8',
  logLevel: 'warning',
  // Rendering libraries read their own data files at run time: they stay in node_modules.
  external: ['pdfmake', 'pdfmake/*', 'pdfkit', 'fontkit', 'handlebars', 'better-sqlite3', 'exceljs'],
};
const split = await build({
  ...shared,
  format: 'esm',
  splitting: true,
  metafile: true,
  entryPoints: { main: join(root, 'src', 'cli', 'main.ts') },
  outdir: cliEsm,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunk-[hash]',
  define: { 'import.meta.url': '__taiseiModuleUrl' },
});
{
  const fileName = (path) => path.split('/').pop();
  const imports = new Map(
    Object.entries(split.metafile.outputs)
      .filter(([path]) => path.endsWith('.mjs'))
      .map(([path, output]) => [fileName(path), output.imports]),
  );
  // the chunks every start loads: main and what it imports statically, transitively
  const start = new Set();
  const visit = (file) => {
    if (start.has(file)) return;
    start.add(file);
    for (const imported of imports.get(file) ?? [])
      if (imported.kind === 'import-statement' && !imported.external) visit(fileName(imported.path));
  };
  visit('main.mjs');
  const asCjs = (file) => `./${file.replace(/\.mjs$/, '.cjs')}`;
  /** A chunk's import of another chunk: bundled where both are in the set given, else a require() of its file. */
  const chunks = (bundled) => ({
    name: 'chunks',
    setup(b) {
      b.onResolve({ filter: /^\.\/chunk-[A-Z0-9]+\.mjs$/ }, (args) =>
        args.kind === 'import-statement' && bundled.has(fileName(args.path))
          ? undefined
          : { path: asCjs(fileName(args.path)), external: true },
      );
    },
  });
  const cjs = {
    ...shared,
    format: 'cjs',
    outdir: join(dist, 'cli'),
    outExtension: { '.js': '.cjs' },
    supported: { 'dynamic-import': false },
    banner: { js: 'var __taiseiModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  };
  // the start chunks that a chunk loaded later imports: only those are handed over by name
  const startChunks = [...start].filter(
    (f) =>
      f !== 'main.mjs' && [...imports].some(([file, list]) => !start.has(file) && list.some((i) => !i.external && fileName(i.path) === f)),
  );
  writeFileSync(
    join(cliEsm, 'start.mjs'),
    `export * from './main.mjs';\n${startChunks.map((f, i) => `import * as c${i} from './${f}';`).join('\n')}\n` +
      `export const __taiseiChunks = { ${startChunks.map((f, i) => `${JSON.stringify(asCjs(f).slice(2))}: c${i}`).join(', ')} };\n`,
  );
  await build({
    ...cjs,
    entryPoints: { main: join(cliEsm, 'start.mjs') },
    plugins: [chunks(start)],
  });
  await build({
    ...cjs,
    entryPoints: [...imports.keys()].filter((f) => !start.has(f)).map((f) => join(cliEsm, f)),
    plugins: [chunks(new Set())],
  });
}
rmSync(cliEsm, { recursive: true, force: true });
await build({
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  legalComments: 'linked',
  entryPoints: { index: join(root, 'src', 'index.ts') },
  outdir: join(dist, 'lib'),
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  banner: {
    js: "import { createRequire as __taiseiCreateRequire } from 'node:module'; const require = __taiseiCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
log('bundled dist/cli/ and dist/lib/');

// 6. The code cache, made by running the validate path once so its functions are in it.
const warm = spawnSync(process.execPath, [join(root, 'bin', 'taisei.js'), 'validate', join(root, 'examples', 'ippan-15')], {
  stdio: 'ignore',
  env: { ...process.env, TAISEI_CODE_CACHE: 'write' },
});
log(
  warm.status === 0
    ? 'wrote the code caches of dist/cli/'
    : `could not write the code cache (exit ${warm.status}); taisei still works, only starts slower`,
);
