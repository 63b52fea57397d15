// The field reference for filers (docs/fields.md), generated from the bundled schema and the
// profiles so that it never drifts from them. `npm run docs` writes it; a test checks it is current.

const TYPE_LABELS = { string: '文字列', integer: '整数', number: '数値', boolean: 'true / false', array: 'リスト', object: 'マッピング' };

function resolver(root) {
  const pointer = (ref) =>
    ref
      .slice(2)
      .split('/')
      .reduce((node, key) => node?.[key], root);
  return (node) => {
    let current = node;
    let title = node?.title;
    let description = node?.description;
    const outerDefault = node?.default;
    for (let i = 0; current?.$ref && i < 20; i++) {
      current = pointer(current.$ref);
      title ??= current?.title;
      description ??= current?.description;
    }
    return current ? { ...current, title, description, default: outerDefault ?? current.default } : current;
  };
}

const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');

function rows(resolve, node, path, required, out) {
  const n = resolve(node);
  if (!n) return;
  let type = TYPE_LABELS[n.type] ?? n.type ?? '';
  let values = n.enum ? n.enum.map((v, i) => `\`${v}\`${n.enumDescriptions?.[i] ? `（${n.enumDescriptions[i]}）` : ''}`).join('、') : '';
  const items = n.type === 'array' ? resolve(n.items) : undefined;
  if (items && items.type !== 'object') {
    type = `${TYPE_LABELS[items.type] ?? items.type}のリスト`;
    if (items.enum)
      values = items.enum.map((v, i) => `\`${v}\`${items.enumDescriptions?.[i] ? `（${items.enumDescriptions[i]}）` : ''}`).join('、');
  }
  if (n.format === 'date' || items?.format === 'date') type += '（日付 YYYY-MM-DD）';
  if (path) {
    const details = [n.description, values && `使える値: ${values}`, n.default !== undefined && `既定: ${n.default}`]
      .filter(Boolean)
      .join(' ');
    out.push(`| \`${path}\` | ${cell(n.title)} | ${cell(type)} | ${required ? '✓' : ''} | ${cell(details)} |`);
  }
  const object = n.type === 'object' ? n : items?.type === 'object' ? items : undefined;
  if (object?.properties) {
    const prefix = path ? (object === items ? `${path}[].` : `${path}.`) : '';
    const entries = Object.entries(object.properties);
    // a mapping whose keys all take the same shape (the self-assessment's check items): the keys
    // once, then the shape once
    const shared =
      entries.length > 3 && entries.every(([, child]) => child.$ref && child.$ref === entries[0][1].$ref) ? entries[0][1].$ref : undefined;
    if (shared) {
      const shape = resolve({ $ref: shared });
      out.push(
        `| \`${prefix}<キー>\` | ${cell(shape.title)} | マッピング |  | ${cell(`キー: ${entries.map(([key]) => `\`${key}\``).join('、')}`)} |`,
      );
      for (const [key, child] of Object.entries(shape.properties ?? {}))
        rows(resolve, child, `${prefix}<キー>.${key}`, (shape.required ?? []).includes(key), out);
      return;
    }
    for (const [key, child] of entries) rows(resolve, child, prefix + key, (object.required ?? []).includes(key), out);
  }
}

export function renderFieldReference(bundle, profiles, version) {
  const resolve = resolver(bundle);
  const root = resolve(bundle);
  const header = ['filer', 'filerType', 'profile', 'fiscalYear', 'submissionDate', 'addressee', 'contact', 'relatedCompanies'];
  const lines = [
    `# 申請データの項目一覧（スキーマ ${version}）`,
    '',
    `<!-- Generated from schemas/${version} and profiles/ by \`npm run docs\`. Do not edit. -->`,
    '',
    `${root.description}`,
    '',
    '各表の「キー」は YAML に書くキー（リストの要素は `[]` で示す）、「項目名」は報告書とメッセージに使う名称。',
    '文章の項目で改行を残すには、YAML のブロック（`|`）で書く。日付は半角の YYYY-MM-DD で書く（報告書では和暦で表示する）。',
    '',
    '## ヘッダ',
    '',
    '| キー | 項目名 | 型 | 必須 | 説明 |',
    '|---|---|---|---|---|',
  ];
  for (const key of header) rows(resolve, root.properties[key], key, (root.required ?? []).includes(key), lines);
  for (const [key, node] of Object.entries(root.properties)) {
    if (header.includes(key)) continue;
    const section = resolve(node);
    const where = profiles.some((p) => p.items.some((i) => i.sections.includes(key)))
      ? profiles
          .map((p) => {
            const item = p.items.find((i) => i.sections.includes(key));
            return item ? `${p.id}: ${item.label}` : `${p.id}: —`;
          })
          .join(' / ')
      : '参考資料（法定の事項の外。報告書の末尾に載せる）';
    lines.push('', `## \`${key}\` — ${section.title}`, '', `記載する事項: ${where}`, '');
    if (section.description) lines.push(section.description, '');
    lines.push('| キー | 項目名 | 型 | 必須 | 説明 |', '|---|---|---|---|---|');
    rows(resolve, node, key, false, lines);
  }
  return lines.join('\n') + '\n';
}
