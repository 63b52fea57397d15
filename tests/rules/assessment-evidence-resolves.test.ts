// assessment/evidence-resolves: its valid and invalid cases (tests/rule-tester.ts).
import { rule } from '../../src/rules/assessment-evidence-resolves.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'evidence naming another entry that exists',
      patch: (d) => (d.selfAssessment['CE-1'].evidence[0] = `trainings/${d.trainings[0].id}`),
    },
    { name: 'an answer with no evidence (another rule asks for it)', patch: (d) => delete d.selfAssessment['CE-1'].evidence },
  ],
  invalid: [
    {
      name: 'evidence that names nothing',
      patch: (d) => (d.selfAssessment['CE-1'].evidence[0] = 'zzzzzzzz/QQQQQQQQQQQQ'),
      expect: [['evidence', '/selfAssessment/CE-1/evidence/0']],
    },
    {
      name: 'evidence one character off',
      patch: (d) => (d.selfAssessment['CE-2'].evidence[0] = 'trainings/TRN-O1'),
      expect: [['evidenceNear', '/selfAssessment/CE-2/evidence/0']],
    },
    {
      name: 'a plan measure that does not exist',
      patch: (d) => (d.selfAssessment['CE-1'].plan[0] = 'QQQQQQQQQQQQ'),
      expect: [['plan', '/selfAssessment/CE-1/plan/0']],
    },
    {
      name: 'a plan measure one character off',
      patch: (d) => (d.selfAssessment['CE-1'].plan[0] = 'IP-8'),
      expect: [['planNear', '/selfAssessment/CE-1/plan/0']],
    },
    {
      name: "a measure's evidence that names nothing",
      patch: (d) => (d.improvementPlan[0].evidence[0] = 'zzzzzzzz/QQQQQQQQQQQQ'),
      expect: [['evidence', '/improvementPlan/0/evidence/0']],
    },
  ],
});
