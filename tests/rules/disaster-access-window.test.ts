// disaster/access-window: its valid and invalid cases (tests/rule-tester.ts).
import { rule } from '../../src/rules/disaster-access-window.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'access revoked and terminals collected on the last day of the window',
      patch: (d) => Object.assign(d.disasterResponses[0], { accessRevoked: '2024-09-11', terminalsCollected: '2024-09-11' }),
    },
    {
      name: 'a wider window set in taisei.config.yaml',
      config: { disasterRevocationDays: 30 },
      patch: (d) => (d.disasterResponses[0].accessRevoked = '2024-10-08'),
    },
  ],
  invalid: [
    {
      name: 'everyday IDs',
      patch: (d) => (d.disasterResponses[0].idType = 'everyday'),
      expect: [['everydayIds', '/disasterResponses/0/idType']],
    },
    {
      name: 'passwords not random',
      patch: (d) => (d.disasterResponses[0].randomPasswords = false),
      expect: [['passwords', '/disasterResponses/0/randomPasswords']],
    },
    {
      name: 'passwords not reset',
      patch: (d) => (d.disasterResponses[0].passwordsReset = false),
      expect: [['passwords', '/disasterResponses/0/passwordsReset']],
    },
    {
      name: 'access never revoked',
      patch: (d) => delete d.disasterResponses[0].accessRevoked,
      expect: [['notRevoked', '/disasterResponses/0']],
    },
    {
      name: 'access revoked late',
      patch: (d) => (d.disasterResponses[0].accessRevoked = '2024-12-31'),
      expect: [['lateRevocation', '/disasterResponses/0/accessRevoked']],
    },
    {
      name: 'access granted before the response',
      patch: (d) => (d.disasterResponses[0].accessGranted = '2024-08-30'),
      expect: [['earlyGrant', '/disasterResponses/0/accessGranted']],
    },
    {
      name: 'terminals collected late',
      patch: (d) => (d.disasterResponses[0].terminalsCollected = '2024-12-31'),
      expect: [['lateCollection', '/disasterResponses/0/terminalsCollected']],
    },
    {
      name: 'use outside the window',
      patch: (d) => (d.disasterResponses[0].usesOutsideWindow = 3),
      expect: [['usedOutside', '/disasterResponses/0/usesOutsideWindow']],
    },
    {
      name: 'a stricter window set in taisei.config.yaml',
      config: { disasterRevocationDays: 0 },
      patch: () => {},
      expect: [
        ['lateRevocation', '/disasterResponses/0/accessRevoked'],
        ['lateCollection', '/disasterResponses/0/terminalsCollected'],
      ],
    },
  ],
});
