// organisation/information-manager-is-officer: its valid and invalid cases (tests/rule-tester.ts).
import { rule } from '../../src/rules/organisation-information-manager-is-officer.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [{ name: 'an executive officer', patch: (d) => (d.organisation.informationManager.position = 'executive-officer') }],
  invalid: [
    {
      name: 'a 執行役員',
      patch: (d) => (d.organisation.informationManager.position = 'corporate-officer'),
      expect: [['corporateOfficer', '/organisation/informationManager/position']],
    },
    {
      name: 'no officer at all',
      patch: (d) => (d.organisation.informationManager.position = 'employee'),
      expect: [['notOfficer', '/organisation/informationManager/position']],
    },
  ],
});
