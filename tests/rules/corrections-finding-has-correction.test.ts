// corrections/finding-has-correction: its valid and invalid cases (tests/rule-tester.ts).
import { rule } from '../../src/rules/corrections-finding-has-correction.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'a finding judged appropriate needs no correction',
      patch: (d) => {
        d.compliance.findings[1].verdict = 'appropriate';
        d.complianceCorrections = [];
      },
    },
  ],
  invalid: [
    {
      name: 'a not-appropriate finding with no correction',
      patch: (d) => (d.complianceCorrections = []),
      expect: [['missing', '/compliance/findings/1/verdict']],
    },
    {
      name: 'two corrections for one finding',
      patch: (d) => d.complianceCorrections.push({ ...d.complianceCorrections[0], id: 'CC-02' }),
      expect: [['duplicate', '/complianceCorrections/1/finding']],
    },
    {
      name: 'a correction of a finding that does not exist',
      patch: (d) => (d.complianceCorrections[0].finding = 'CF-99'),
      expect: [
        ['missing', '/compliance/findings/1/verdict'],
        ['unknown', '/complianceCorrections/0/finding'],
      ],
    },
    {
      name: 'a correction under the wrong item',
      patch: (d) => d.complianceCorrections.push({ id: 'CC-02', finding: 'MF-02', outcome: 'taken', action: '是正した。' }),
      expect: [['wrongItem', '/complianceCorrections/1/finding']],
    },
    {
      name: 'a correction of an appropriate finding',
      patch: (d) => d.complianceCorrections.push({ id: 'CC-02', finding: 'CF-01', outcome: 'taken', action: '是正した。' }),
      expect: [['appropriate', '/complianceCorrections/1/finding']],
    },
  ],
});
