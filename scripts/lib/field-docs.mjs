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
    `# 報告の項目一覧（スキーマ ${version}）`,
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
  lines.push(...tabularColumns(resolve, root));
  return lines.join('\n') + '\n';
}

/**
 * The lists a spreadsheet may hold (src/load/tabular-sections.ts) and the columns each takes: the
 * header by the Japanese labels (as `taisei export` writes it) or by the field, and what a cell accepts.
 */
export const TABULAR = { transactions: ['transactions', 'records'], logReviews: ['logReviews'], trainings: ['trainings'] };

function tabularColumns(resolve, root) {
  const out = [
    '',
    '## 表計算のファイルに置ける一覧',
    '',
    '次の一覧は、YAML の代わりに CSV（UTF-8）または xlsx のファイルとして報告書のディレクトリに置ける（`taisei export` が記入用のシートを書き出す）。1行目は見出しで、列名は「見出し」の日本語の表示か「項目」の名前のどちらでもよい。選択肢の列は値か日本語の表示、はい/いいえの列は はい・いいえ（true / false も可）、日付の列は 2024-04-01、Excel の日付、2024/4/1 または 令和6年4月1日 を受け付ける。リストの列は一つのセルに `;` か `、` で区切って書く。',
  ];
  for (const [file, path] of Object.entries(TABULAR)) {
    let node = resolve(root);
    for (const key of path) node = resolve(node.properties[key]);
    const item = resolve(node.items);
    out.push('', `### \`${file}.csv\` / \`${file}.xlsx\` — \`${path.join('.')}\``, '', '| 見出し | 項目 | 受け付ける値 |', '|---|---|---|');
    const walk = (object, keys, titles) => {
      for (const [key, raw] of Object.entries(object.properties)) {
        const child = resolve(raw);
        const title = child.title ?? key;
        if (child.properties) walk(child, [...keys, key], [...titles, title]);
        else {
          const items = child.items ? resolve(child.items) : undefined;
          if (items?.properties) continue;
          const leaf = items ?? child;
          const accepts = leaf.enum
            ? leaf.enum.map((v, i) => `\`${v}\`${leaf.enumDescriptions?.[i] ? `（${leaf.enumDescriptions[i]}）` : ''}`).join('、')
            : leaf.format === 'date'
              ? '日付'
              : leaf.type === 'boolean'
                ? 'はい / いいえ'
                : (TYPE_LABELS[leaf.type] ?? leaf.type ?? '');
          out.push(
            `| ${cell([...titles, title].join('の'))} | \`${[...keys, key].join('.')}\` | ${cell(items ? `${accepts}（; で区切る）` : accepts)} |`,
          );
        }
      }
    };
    walk(item, [], []);
  }
  return out;
}
