// Every reference resolves: trainings and management activities to rules, log reviews to systems,
// findings to their activities, rooms to sites and floor plans, attachments to files inside the filing.
import { currentSectionFacts } from '../model/current-schema.js';
import { getAt, toPointer } from '../util/pointer.js';
import { defineRule, type RuleMessages } from './types.js';
import { suggest } from '../util/suggest.js';
import { list } from './util.js';

type Entry = Record<string, unknown>;

/** The rule's wording, in both languages: a missing or extra key is a type error. */
const messages = {
  en: {
    title: 'Every reference points at an entry that exists',
    why: 'Sections refer to each other by id: trainings and information management to the rules they enforce, log reviews to systems, findings to the monitoring they came from, rooms to sites and floor plans. Attachments must be files inside the filing directory.',
    fix: 'correct the id (ids are case-sensitive), add the missing entry, or put the file in the filing directory',
    example: 'trainings:\n  - id: TRN-01\n    rules: [RULE-01]   # an id from rules:',
    msg: {
      unresolved: '"{id}" is not an id in {target} (its ids: {known})',
      unresolvedNear: '"{id}" is not an id in {target}; did you mean "{near}"?',
      escapes: 'the attachment "{file}" lies outside the filing directory (by its path, or by where its symbolic link points)',
      missingFile: 'the attachment file "{file}" does not exist',
      notFile: 'the attachment "{file}" is not a regular file (a directory, a named pipe or a device)',
    },
  },
  ja: {
    title: '参照先の項目が存在する',
    why: 'セクションは id で互いを参照する。研修と情報の取扱いの管理は遵守させる規程を、確認の結果はシステムを、監視結果は監視を、室は事業所と平面図を指す。添付資料は申請データのディレクトリ内のファイルでなければならない。',
    fix: 'id を直すか（大文字・小文字を区別します）、参照先の項目を追加するか、ファイルを申請データのディレクトリに置いてください',
    example: 'trainings:\n  - id: TRN-01\n    rules: [RULE-01]   # rules: の id',
    msg: {
      unresolved: '「{id}」は {target} の id ではありません（ある id: {known}）',
      unresolvedNear: '「{id}」は {target} の id ではありません。「{near}」の誤りではありませんか',
      escapes: '添付資料「{file}」が申請データのディレクトリの外にあります（パスそのもの、またはシンボリックリンクの指す先が外です）',
      missingFile: '添付資料のファイル「{file}」がありません',
      notFile: '添付資料「{file}」は通常のファイルではありません（ディレクトリ、名前付きパイプまたはデバイス）',
    },
  },
} satisfies RuleMessages;

export const rule = defineRule({
  id: 'references/resolve',
  messages,
  basis: '施行規則第33条の16',
  provision: 'report',
  severity: 'error',
  check({ data, report, attachment }) {
    // which fields refer to which list: x-taisei-ref in the schema
    const ids = new Map<string, { known: Set<string>; withheld: boolean }>();
    const targetOf = (target: string) => {
      let found = ids.get(target);
      if (!found) {
        const entries = list(getAt(data, target.split('.')) as { id?: unknown }[] | undefined);
        const known = new Set(entries.flatMap((e) => (typeof e?.id === 'string' ? [e.id] : [])));
        // a public edition's entry withheld as a whole keeps its id to itself: a reference to no
        // known id may be a reference to it, and is no finding there
        found = { known, withheld: known.size < entries.length };
        ids.set(target, found);
      }
      return found;
    };
    const idsOf = (target: string) => targetOf(target).known;
    for (const ref of currentSectionFacts().references) {
      list(getAt(data, ref.list) as Entry[] | undefined).forEach((entry, i) => {
        const value = getAt(entry, ref.field);
        const targets = Array.isArray(value)
          ? value.map((v, j) => [v, j] as const)
          : value === undefined
            ? []
            : [[value, undefined] as const];
        for (const [id, j] of targets) {
          if (typeof id === 'string' && !idsOf(ref.target).has(id) && !targetOf(ref.target).withheld) {
            const near = suggest(id, [...idsOf(ref.target)]);
            report({
              pointer: toPointer([...ref.list, i, ...ref.field, ...(j === undefined ? [] : [j])]),
              message: near ? 'unresolvedNear' : 'unresolved',
              args: { id, target: ref.target, near: near ?? '', known: [...idsOf(ref.target)].slice(0, 8).join(', ') || '—' },
            });
          }
        }
      });
    }
    list(data.attachments).forEach((entry, i) => {
      // a public edition's attachment whose entry or path is withheld names no file to look for
      if (typeof entry?.file !== 'string') return;
      const pointer = toPointer(['attachments', i, 'file']);
      const found = attachment(entry.file);
      if (found === 'outside') report({ pointer, message: 'escapes', args: { file: entry.file } });
      else if (found === 'missing') report({ pointer, message: 'missingFile', args: { file: entry.file } });
      else if (found === 'notFile') report({ pointer, message: 'notFile', args: { file: entry.file } });
    });
  },
});
