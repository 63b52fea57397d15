// What says whose filing it is, and for which year, cannot be withheld: the public edition must
// still say it. A !withhold mark on the whole document or on the header's identifying values is a
// mistake in any edition, so it is found by validate (and the pre-commit hook), not first by build.
import { defineRule, type RuleMessages } from './types.js';

/** The pointers that name the filing: the document itself, the filer, its 法人番号, the filer type, the year, the date, the profile. */
const IDENTITY = ['', '/filer', '/filer/name', '/filer/corporateNumber', '/filerType', '/fiscalYear', '/submissionDate', '/profile'];

/** The rule's wording, in both languages: a missing or extra key is a type error. */
const messages = {
  en: {
    title: 'What says whose filing it is stays in the public edition',
    why: 'The public edition is published as the filing of a named company for a named year; withholding the filer, its 法人番号, the filer type, the fiscal year, the submission date or the profile (or the whole document) would publish a report of no one.',
    fix: 'remove the !withhold mark there, and mark the values inside that are to stay out of the public edition',
    example: 'filer:\n  name: 東雲電力送配電株式会社\n  representative:\n    name: !withhold 山田 太郎',
    msg: {
      identity: '{pointer} cannot be withheld: it says whose filing this is and for which year',
    },
  },
  ja: {
    title: '誰のいつの報告書かを示す値は公表版にも載せる',
    why: '公表版は、どの事業者のどの年度の報告書かを示して公表する。提出者、法人番号、事業者の種類、事業年度、提出日、様式（又は文書全体）を非公表にすると、誰の報告書でもなくなる。',
    fix: 'そこにある !withhold を外し、公表版から除く値の一つ一つに付けてください',
    example: 'filer:\n  name: 東雲電力送配電株式会社\n  representative:\n    name: !withhold 山田 太郎',
    msg: {
      identity: '{pointer} は非公表にできません。誰のいつの報告書かを示す値です',
    },
  },
} satisfies RuleMessages;

export const rule = defineRule({
  id: 'publication/withhold-identity',
  messages,
  basis: '公表版の作成（報告者と年度の表示）',
  severity: 'error',
  check({ marks, report }) {
    for (const pointer of IDENTITY)
      if (marks.get(pointer) === 'withhold') report({ pointer, message: 'identity', args: { pointer: pointer || '/' } });
  },
});
