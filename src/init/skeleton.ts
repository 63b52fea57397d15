// A skeleton filing generated from the schema: every required key of every section, left empty,
// with the field's title (and allowed values) as a comment. Validating it lists what to fill in.
import { internalControl } from '../model/generated/data.js';
import type { Profile } from '../profiles/index.js';
import { currentSchemaIndex } from '../model/current-schema.js';
import type { SchemaIndex, SchemaNode } from '../model/schema-index.js';

export interface SkeletonFile {
  name: string;
  content: string;
}

const HEADER_KEYS = ['filer', 'filerType', 'profile', 'fiscalYear', 'submissionDate', 'addressee', 'contact', 'relatedCompanies'];

export interface SkeletonOptions {
  profile: Profile;
  fiscalYear: number;
  /** Value of the yaml-language-server $schema modeline. */
  schemaRef: string;
}

export function skeletonFiles({ profile, fiscalYear, schemaRef }: SkeletonOptions): SkeletonFile[] {
  // the labels in the words of the profile's filer type (a 送電事業者's 振替供給部門)
  const index = currentSchemaIndex(profile);
  const root = index.at([])!;
  const modeline = `# yaml-language-server: $schema=${schemaRef}\n`;
  const preset: Record<string, string> = {
    filerType: profile.filerType,
    profile: profile.id,
    fiscalYear: String(fiscalYear),
    addressee: String(root.properties?.addressee?.default ?? ''),
  };
  const files: SkeletonFile[] = [];
  let header = modeline + comment(root.title, root.description) + '\n';
  for (const key of HEADER_KEYS) {
    const node = index.at([key])!;
    header += emitProperty(index, key, node, 0, true, preset[key]);
  }
  files.push({ name: 'filing.yaml', content: header });
  const sections: string[] = [...new Set<string>(profile.items.flatMap((item) => item.sections)), 'attachments'];
  for (const section of sections) {
    const node = index.at([section])!;
    const item = profile.items.find((i) => (i.sections as readonly string[]).includes(section));
    let text = modeline;
    if (item) text += `# ${item.label} ${item.title}\n#\n`;
    text += comment(node.title, node.description) + '\n';
    if (item?.whenEmpty && node.type === 'array') text += `${section}: []\n`;
    else text += emitProperty(index, section, node, 0, true);
    files.push({ name: `${section}.yaml`, content: text });
  }
  // the internal-control self-assessment and plan (参考資料), from the year the regulator asks for them
  if (fiscalYear >= internalControl.fiscalYears.from) {
    const node = index.at(['selfAssessment'])!;
    let text = modeline + comment(node.title, node.description) + '\nselfAssessment:\n';
    for (const item of internalControl.items.filter((i) => i.appliesTo.includes(profile.filerType))) {
      const entry = index.at(['selfAssessment', item.id])!;
      text +=
        `  ${item.id}:  # ${entry.title ?? item.id}\n` +
        emitObject(index, index.resolve(entry)!, 4).replace(/^ {4}# \+ .*\n/m, '') +
        '    measures: []\n    evidence: []\n';
    }
    files.push({ name: 'selfAssessment.yaml', content: text });
    const plan = index.at(['improvementPlan'])!;
    files.push({
      name: 'improvementPlan.yaml',
      content: modeline + comment(plan.title, plan.description) + '\n' + emitProperty(index, 'improvementPlan', plan, 0, true),
    });
  }
  return files;
}

function comment(title: string | undefined, description: string | undefined): string {
  return [title, description]
    .filter(Boolean)
    .map((line) => `# ${line}\n`)
    .join('');
}

function label(node: SchemaNode): string {
  const values = node.enum ? `: ${node.enum.map(String).join(' | ')}` : '';
  return `${node.title ?? ''}${values}`;
}

function emitProperty(index: SchemaIndex, key: string, raw: SchemaNode, indent: number, required: boolean, preset?: string): string {
  const node = index.resolve(raw) ?? raw;
  const pad = ' '.repeat(indent);
  const note = label(node);
  if (preset !== undefined && preset !== '') return `${pad}${key}: ${preset}${note ? `  # ${note}` : ''}\n`;
  if (node.type === 'object' && node.properties) {
    return `${pad}${key}:${note ? `  # ${node.title ?? ''}` : ''}\n` + emitObject(index, node, indent + 2);
  }
  if (node.type === 'array') {
    const items = index.resolve(node.items);
    if (items?.type === 'object' && items.properties) {
      return `${pad}${key}:${node.title ? `  # ${node.title}` : ''}\n` + emitObject(index, items, indent + 4, `${pad}  - `);
    }
    return `${pad}${key}: []${items ? `  # ${label({ ...items, title: node.title })}` : ''}\n`;
  }
  return `${pad}${key}:${note ? `  # ${note}${required ? '' : ''}` : ''}\n`;
}

/** The required keys of an object; the optional ones are named in one comment. */
function emitObject(index: SchemaIndex, node: SchemaNode, indent: number, firstPrefix?: string): string {
  const required = node.required ?? [];
  let out = '';
  let first = true;
  for (const key of required) {
    const child = node.properties?.[key];
    if (!child) continue;
    let text = emitProperty(index, key, child, indent, true);
    if (first && firstPrefix !== undefined) text = firstPrefix + text.slice(indent);
    first = false;
    out += text;
  }
  const optional = Object.keys(node.properties ?? {}).filter((k) => !required.includes(k));
  if (optional.length > 0) {
    const names = optional.map((k) => `${k}（${index.resolve(node.properties![k])?.title ?? k}）`).join(', ');
    out += `${' '.repeat(indent)}# + ${names}\n`;
  }
  return out;
}
