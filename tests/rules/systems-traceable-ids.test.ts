// systems/traceable-ids: its valid and invalid cases (tests/rule-tester.ts).
import { rule } from '../../src/rules/systems-traceable-ids.js';
import { ruleTester, system } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'shared IDs on a system that holds no 非公開情報',
      patch: (d) =>
        Object.assign(d.systems[0], { holdsNonPublic: false, access: { ...d.systems[0].access, idType: 'shared-unregistered' } }),
    },
  ],
  invalid: [
    {
      name: 'shared IDs with no register',
      patch: (d) => (d.systems[0].access.idType = 'shared-unregistered'),
      expect: [['untraceable', '/systems/0/access/idType']],
    },
    {
      name: 'a registered shared ID whose register is not described',
      patch: (d) => delete system(d, 'SYS-21').access.idRegister,
      expect: [['noRegister', '/systems/20/access/idType']],
    },
  ],
});
