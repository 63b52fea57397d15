// Every rule in force is taught in the year's training, and the trainings reach directors or
// executive officers as well as staff (第8号: 取締役、執行役及び従業者に対し).
import { defineRule, type RuleMessages } from './types.js';
import { list } from './util.js';

const OFFICERS = ['directors', 'executive-officers'];
const STAFF = ['employees', 'managers', 'new-employees', 'transferees'];

/** The rule's wording, in both languages: a missing or extra key is a type error. */
const messages = {
  en: {
    title: 'Every rule in force is taught, to officers and staff',
    why: "Training makes directors, executive officers and employees keep the rules ({basis}). Each rule in force should be covered by the year's training, and the audiences should include officers as well as staff.",
    fix: 'list the rule in the rules of a training, and train directors or executive officers as well as staff',
    example: 'trainings:\n  - audience: [directors, executive-officers]\n    rules: [RULE-01, RULE-02]',
    msg: {
      ruleUntaught: 'no training of the year covers the rule {rule}',
      noOfficers: 'no training of the year was given to directors or executive officers',
      noStaff: 'no training of the year was given to staff',
    },
  },
  ja: {
    title: '施行中の規程をすべて、役員と従業者に研修している',
    why: '研修は取締役・執行役・従業者に規程を遵守させるためのもの（{basis}）。施行中の規程はいずれも当年度の研修で扱い、対象者には役員と従業者の双方を含める。',
    fix: '研修の rules にその規程を加え、取締役又は執行役と従業者の双方を研修の対象にしてください',
    example: 'trainings:\n  - audience: [directors, executive-officers]\n    rules: [RULE-01, RULE-02]',
    msg: {
      ruleUntaught: '規程「{rule}」を扱った研修が当年度にありません',
      noOfficers: '当年度に取締役又は執行役を対象とした研修がありません',
      noStaff: '当年度に従業者を対象とした研修がありません',
    },
  },
} satisfies RuleMessages;

export const rule = defineRule({
  id: 'trainings/coverage',
  messages,
  basis: '施行規則第33条の15第1項第8号',
  provision: 'training',
  severity: 'error',
  check({ data, report }) {
    if (data.trainings === undefined) return; // a missing section is items/required-sections' finding
    const trainings = list(data.trainings);
    const taught = new Set(trainings.flatMap((t) => t.rules));
    list(data.rules).forEach((rule, i) => {
      if (rule.inForce !== false && !taught.has(rule.id))
        report({ pointer: `/rules/${i}/id`, message: 'ruleUntaught', args: { rule: rule.title } });
    });
    const audiences = new Set<string>(trainings.flatMap((t) => t.audience));
    if (!OFFICERS.some((a) => audiences.has(a))) report({ pointer: '/trainings', target: 'key', message: 'noOfficers' });
    if (!STAFF.some((a) => audiences.has(a))) report({ pointer: '/trainings', target: 'key', message: 'noStaff' });
  },
});
