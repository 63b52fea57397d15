// references/resolve: its valid and invalid cases (tests/rule-tester.ts).
import { rule } from '../../src/rules/references-resolve.js';
import { ruleTester, system } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'a reference to another entry that exists', patch: (d) => (d.logReviews[0].system = d.systems[1].id) },
    { name: 'an attachment that is another file of the filing', patch: (d) => (d.attachments[0].file = d.attachments[1].file) },
  ],
  invalid: [
    {
      name: 'a reference to a missing entry',
      patch: (d) => (d.logReviews[0].system = 'QQQ-QQQQQQQQ'),
      expect: [['unresolved', '/logReviews/0/system']],
    },
    {
      name: 'a reference one character off: did you mean',
      patch: (d) => (d.logReviews[0].system = 'SYS-O1'),
      expect: [['unresolvedNear', '/logReviews/0/system']],
    },
    {
      name: 'one reference of a list',
      patch: (d) => (d.trainings[0].rules[1] = 'RULE-99'),
      expect: [['unresolvedNear', '/trainings/0/rules/1']],
    },
    {
      name: 'a nested reference',
      patch: (d) => (system(d, 'SYS-22').sharing.with = ['nobody']),
      expect: [['unresolved', '/systems/21/sharing/with/0']],
    },
    {
      name: "a finding pointing at the other section's activity",
      patch: (d) => (d.monitoring.findings[0].activity = 'CA-01'),
      expect: [['unresolvedNear', '/monitoring/findings/0/activity']],
    },
    {
      name: 'an attachment outside the filing',
      patch: (d) => (d.attachments[0].file = '../outside.pdf'),
      expect: [['escapes', '/attachments/0/file']],
    },
    {
      name: 'an attachment whose file is missing',
      patch: (d) => (d.attachments[0].file = 'attachments/none.pdf'),
      expect: [['missingFile', '/attachments/0/file']],
    },
    {
      name: 'an attachment that is a directory',
      patch: (d) => (d.attachments[0].file = 'attachments'),
      expect: [['notFile', '/attachments/0/file']],
    },
  ],
});
