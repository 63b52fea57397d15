// Every item the statute lists appears in the filing. A section left out is reported with the item
// number and title of the filing's profile. Corrective items and "other measures" may be empty
// (the PDF says 該当なし), as may the sections a profile marks optional.
import { defineRule, type RuleMessages } from './types.js';

/** The rule's wording, in both languages: a missing or extra key is a type error. */
const messages = {
  en: {
    title: 'Every item of the legal text is reported',
    why: 'The report must state each item the statute lists; an item left out is an incomplete filing. Corrective items and other measures may be empty: the PDF then says 該当なし.',
    fix: 'add the section (in its own file or in filing.yaml); `taisei init` shows what each section wants',
    example: 'trainings:\n  - id: TRN-01\n    title: 役員向け行為規制研修\n    …',
    msg: {
      missing: 'item {label} ({title}) is not reported: the section "{section}" is missing',
    },
  },
  ja: {
    title: '法令の事項がすべて報告されている',
    why: '報告書には法令が掲げる事項をすべて記載する。事項が抜けた報告書は不完全となる。是正措置の事項とその他の措置は記載がなくてもよく、その場合は報告書に「該当なし」と記載される。',
    fix: 'セクションを追加してください（別ファイルでも filing.yaml でもよい）。各セクションに書く内容は `taisei init` で確認できます',
    example: 'trainings:\n  - id: TRN-01\n    title: 役員向け行為規制研修\n    …',
    msg: {
      missing: '事項{label}（{title}）が報告されていません。セクション「{section}」がありません',
    },
  },
} satisfies RuleMessages;

export const rule = defineRule({
  id: 'items/required-sections',
  messages,
  basis: '施行規則第33条の16',
  provision: 'report',
  severity: 'error',
  check({ data, profile, report }) {
    if (!profile) return;
    for (const item of profile.items) {
      if (item.whenEmpty === 'none') continue;
      for (const section of item.sections) {
        if ((item.optionalSections ?? []).includes(section)) continue;
        if ((data as Record<string, unknown>)[section] === undefined) {
          report({ pointer: '', target: 'key', message: 'missing', args: { label: item.label, title: item.title, section } });
        }
      }
    }
  },
});
