// Bundles the multi-file filing schema (schemas/<version>/*.schema.json) into one self-contained
// schema resource: every file becomes an entry of the root's $defs and every $ref is rewritten to a
// JSON pointer inside the bundle. One resource is what ajv's standalone compiler, the type generator
// and editors (which cannot fetch the $id URLs) all handle best.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const SUFFIX = '.schema.json';

export function readSchemaFiles(dir) {
  const files = {};
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith(SUFFIX)) continue;
    files[name.slice(0, -SUFFIX.length)] = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  }
  return files;
}

/** A version's schema files: its base version's, with the version's own folder laid over them. */
export function readVersionFiles(schemasDir, version, bases) {
  const base = bases[version];
  return {
    ...(base === undefined ? {} : readVersionFiles(schemasDir, base, bases)),
    ...readSchemaFiles(join(schemasDir, String(version))),
  };
}

function rewriteRefs(node, ownKey, rootKey) {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, ownKey, rootKey));
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string') {
      out[k] = rewriteRef(v, ownKey, rootKey);
    } else {
      out[k] = rewriteRefs(v, ownKey, rootKey);
    }
  }
  return out;
}

function rewriteRef(ref, ownKey, rootKey) {
  const hash = ref.indexOf('#');
  const file = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? '' : ref.slice(hash + 1);
  const key = file === '' ? ownKey : file.endsWith(SUFFIX) ? file.slice(0, -SUFFIX.length) : null;
  if (key === null) throw new Error(`cannot bundle $ref ${ref}`);
  const base = key === rootKey ? '#' : `#/$defs/${key}`;
  return base + fragment;
}

/**
 * @param files  map of schema name → schema, as read by readSchemaFiles
 * @param rootKey the schema that becomes the root (e.g. "filing")
 * @param id     $id of the bundle
 */
export function bundleSchema(files, rootKey, id) {
  const root = files[rootKey];
  if (!root) throw new Error(`no schema named ${rootKey}`);
  const defs = {};
  for (const [key, schema] of Object.entries(files)) {
    if (key === rootKey) continue;
    const { $schema: _schema, $id: _id, ...rest } = schema;
    defs[key] = rewriteRefs(rest, key, rootKey);
  }
  const { $id: _rootId, ...rootRest } = root;
  const bundled = rewriteRefs(rootRest, rootKey, rootKey);
  return { $schema: root.$schema, $id: id, ...bundled, $defs: { ...bundled.$defs, ...defs } };
}

/** The schema of one file of a directory filing: the same shape with nothing required at the top. */
export function partSchema(bundle, id) {
  const { required: _required, ...rest } = bundle;
  return {
    ...rest,
    $id: id,
    title: `${bundle.title}（ファイル単位）`,
    description: `${bundle.description} このスキーマは、ディレクトリの中の1ファイル（filing.yaml や各セクションのファイル）に使う。必須の項目は、全ファイルを合わせた後に確認する。`,
  };
}

/**
 * The profiles a filing may name are the registry's (profiles/*.json), not a list frozen into a
 * released schema version: the bundle's `profile` takes the registry's ids, those a version listed
 * in its own order and words, a profile added since after them under its title. A profile added as
 * data is so accepted by every version without a new one; every other part of a version stays as
 * released (tests/extend.test.ts).
 */
export function withProfiles(bundle, profiles) {
  const node = bundle.properties?.profile;
  if (!node || !Array.isArray(node.enum)) return bundle;
  const registered = new Map(profiles.map((p) => [p.id, p.title]));
  const listed = node.enum.map((id, i) => [id, node.enumDescriptions?.[i]]).filter(([id]) => registered.has(id));
  const added = [...registered].filter(([id]) => !node.enum.includes(id)).sort(([a], [b]) => (a < b ? -1 : 1));
  const all = [...listed, ...added];
  return {
    ...bundle,
    properties: {
      ...bundle.properties,
      profile: { ...node, enum: all.map(([id]) => id), enumDescriptions: all.map(([, title]) => title) },
    },
  };
}
