// publication/withhold-identity: its valid and invalid cases (tests/rule-tester.ts).
import { rule } from '../../src/rules/publication-withhold-identity.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: "a person's name inside the header withheld", patch: () => {}, marks: { '/filer/representative/name': 'withhold' } },
    { name: 'the filer marked to be published', patch: () => {}, marks: { '/filer/name': 'publish' } },
  ],
  invalid: [
    { name: 'the whole document withheld', patch: () => {}, marks: { '': 'withhold' }, expect: [['identity', '']] },
    {
      name: 'the filer and the submission date withheld',
      patch: () => {},
      marks: { '/submissionDate': 'withhold', '/filer': 'withhold' },
      expect: [
        ['identity', '/filer'],
        ['identity', '/submissionDate'],
      ],
    },
  ],
});
