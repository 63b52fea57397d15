// Every rule in force is taught in the year's training, and the trainings reach directors or
// executive officers as well as staff (第8号: 取締役、執行役及び従業者に対し).
import type { Rule } from './types.js';
import { list } from './util.js';

const OFFICERS = ['directors', 'executive-officers'];
const STAFF = ['employees', 'managers', 'new-employees', 'transferees'];

export const rule: Rule = {
  id: 'trainings/coverage',
  basis: '施行規則第33条の15第1項第8号',
  severity: 'error',
  check({ data, report }) {
    if (data.trainings === undefined) return; // a missing section is items/required-sections' finding
    const trainings = list(data.trainings);
    const taught = new Set(trainings.flatMap((t) => t.rules));
    list(data.rules).forEach((rule, i) => {
      if (rule.inForce !== false && !taught.has(rule.id)) report({ pointer: `/rules/${i}/id`, message: 'ruleUntaught', args: { rule: rule.title } });
    });
    const audiences = new Set<string>(trainings.flatMap((t) => t.audience));
    if (!OFFICERS.some((a) => audiences.has(a))) report({ pointer: '/trainings', target: 'key', message: 'noOfficers' });
    if (!STAFF.some((a) => audiences.has(a))) report({ pointer: '/trainings', target: 'key', message: 'noStaff' });
  },
};
