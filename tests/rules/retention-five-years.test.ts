// retention/five-years: its valid and invalid cases (tests/rule-tester.ts).
import { rule } from '../../src/rules/retention-five-years.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'a system holding no 非公開情報',
      patch: (d) => Object.assign(d.systems[0], { holdsNonPublic: false }, { accessLog: { ...d.systems[0].accessLog, retentionYears: 1 } }),
    },
  ],
  invalid: [
    {
      name: 'an access log kept three years',
      patch: (d) => (d.systems[0].accessLog.retentionYears = 3),
      expect: [['accessLog', '/systems/0/accessLog/retentionYears']],
    },
    {
      name: 'transaction records kept four years',
      patch: (d) => (d.transactions.retentionYears = 4),
      expect: [['transactions', '/transactions/retentionYears']],
    },
  ],
});
