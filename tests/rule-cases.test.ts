// Every branch of every rule, as a small patch over one base filing (examples/ippan-15, which passes
// every rule). Each case runs its rule alone through its own check and asserts what it reports: the
// message id and the JSON pointer, in order. tests/rules.test.ts holds the same rules to their
// YAML fixtures (line and column, wording in both languages).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { attachmentsOnDisk } from '../src/util/confined.js';
import { RULES } from '../src/rules/registry.js';
import type { Report, Rule } from '../src/rules/types.js';
import type { Config } from '../src/model/config.js';
import { getProfile, type Profile } from '../src/profiles/index.js';
import { validatePaths } from '../src/validate/index.js';
import { FIXTURES } from './helpers.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- patches reach into the filing freely

interface Case {
  /** What the filing shows. */
  name: string;
  patch: (data: Data) => void;
  /** [message id, pointer] of each finding, in the order the rule reports them. */
  expect: [string, string][];
  profile?: string;
  config?: Config;
}

const examples = join(FIXTURES, '..', '..', 'examples', 'ippan-15');
let base: Data;

beforeAll(async () => {
  const result = await validatePaths([examples], { lang: 'en', rules: false });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  base = result.results[0]!.loaded!.data as Data;
  // the example misses one half-year of IP-03 on purpose; the base gives it its second half
  base.improvementPlan.find((m: Data) => m.id === 'IP-03').evidence.push('informationManagement/IM-03');
});

function run(rule: Rule, c: Pick<Case, 'patch' | 'profile' | 'config'>): [string, string][] {
  const data = structuredClone(base);
  c.patch(data);
  const found: Report[] = [];
  rule.check({
    data,
    profile: getProfile(c.profile ?? 'ippan-15') as Profile,
    config: c.config ?? {},
    attachment: attachmentsOnDisk(examples),
    report: (r) => found.push(r),
  });
  return found.map((r) => [r.message, r.pointer]);
}

const nothing = () => {};
const sys = (d: Data, id: string) => d.systems.find((s: Data) => s.id === id);

const CASES: Record<string, Case[]> = {
  'items/required-sections': [
    { name: 'an item whose section is left out', patch: (d) => delete d.trainings, expect: [['missing', '']] },
    { name: 'an optional section left out', patch: (d) => delete d.disasterResponses, expect: [] },
    { name: 'a corrective item left out (it prints 該当なし)', patch: (d) => delete d.complianceCorrections, expect: [] },
  ],
  'corrections/finding-has-correction': [
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
  'references/resolve': [
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
      patch: (d) => (sys(d, 'SYS-22').sharing.with = ['nobody']),
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
  'dates/within-fiscal-year': [
    {
      name: 'a date after the year',
      patch: (d) => (d.logReviews[0].reviewed = '2025-04-01'),
      expect: [['after', '/logReviews/0/reviewed']],
    },
    {
      name: 'one date of a list before the year',
      patch: (d) => (d.trainings[0].dates[1] = '2024-03-31'),
      expect: [['before', '/trainings/0/dates/1']],
    },
    {
      name: 'the end of a period',
      patch: (d) => (d.compliance.activities[0].period.to = '2025-04-30'),
      expect: [['after', '/compliance/activities/0/period/to']],
    },
    {
      name: 'the start of a disaster response (its end is not checked)',
      patch: (d) => Object.assign(d.disasterResponses[0].response, { from: '2024-03-30', to: '2025-04-10' }),
      expect: [['before', '/disasterResponses/0/response/from']],
    },
    { name: 'a date earlier by nature (a rule established years ago)', patch: (d) => (d.rules[0].established = '2001-04-01'), expect: [] },
  ],
  'organisation/information-manager-is-officer': [
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
    { name: 'an executive officer', patch: (d) => (d.organisation.informationManager.position = 'executive-officer'), expect: [] },
  ],
  'organisation/monitoring-independent': [
    {
      name: 'monitoring by the 託送供給等部門 itself',
      patch: (d) => (d.organisation.monitoringDepartment.name = ' 託送サービス部'),
      expect: [['isWheeling', '/organisation/monitoringDepartment/name']],
    },
    {
      name: 'monitoring by the renewables department',
      patch: (d) => (d.organisation.monitoringDepartment.name = '再エネ契約センター'),
      expect: [['isRenewables', '/organisation/monitoringDepartment/name']],
    },
    {
      name: 'no stated independence',
      patch: (d) => delete d.organisation.monitoringDepartment.independentOfRelatedCompany,
      expect: [['notIndependent', '/organisation/monitoringDepartment/independentOfRelatedCompany']],
    },
    {
      name: 'no report to the board',
      patch: (d) => (d.monitoring.boardReports = []),
      expect: [['noBoardReport', '/monitoring/boardReports']],
    },
  ],
  'retention/five-years': [
    {
      name: 'an access log kept three years',
      patch: (d) => (d.systems[0].accessLog.retentionYears = 3),
      expect: [['accessLog', '/systems/0/accessLog/retentionYears']],
    },
    {
      name: 'a system holding no 非公開情報',
      patch: (d) => Object.assign(d.systems[0], { holdsNonPublic: false }, { accessLog: { ...d.systems[0].accessLog, retentionYears: 1 } }),
      expect: [],
    },
    {
      name: 'transaction records kept four years',
      patch: (d) => (d.transactions.retentionYears = 4),
      expect: [['transactions', '/transactions/retentionYears']],
    },
  ],
  'systems/traceable-ids': [
    {
      name: 'shared IDs with no register',
      patch: (d) => (d.systems[0].access.idType = 'shared-unregistered'),
      expect: [['untraceable', '/systems/0/access/idType']],
    },
    {
      name: 'a registered shared ID whose register is not described',
      patch: (d) => delete sys(d, 'SYS-21').access.idRegister,
      expect: [['noRegister', '/systems/20/access/idType']],
    },
  ],
  'log-reviews/frequency': [
    {
      name: 'a system never reviewed',
      patch: (d) => (d.logReviews = d.logReviews.filter((r: Data) => r.system !== 'SYS-01')),
      expect: [['none', '/systems/0/accessLog/reviewFrequency']],
    },
    {
      name: 'a half-yearly system reviewed once',
      patch: (d) => {
        const first = d.logReviews.findIndex((r: Data) => r.system === 'SYS-01');
        d.logReviews = d.logReviews.filter((r: Data, i: number) => r.system !== 'SYS-01' || i === first);
      },
      expect: [['tooFew', '/systems/0/accessLog/reviewFrequency']],
    },
    {
      name: 'reviews dated outside the year do not count',
      patch: (d) => d.logReviews.filter((r: Data) => r.system === 'SYS-01').forEach((r: Data) => (r.reviewed = '2025-05-01')),
      expect: [['none', '/systems/0/accessLog/reviewFrequency']],
    },
    {
      name: 'unauthorised access with no follow-up',
      patch: (d) => Object.assign(d.logReviews[0], { unauthorisedAccess: 2, followUp: undefined }),
      expect: [['noFollowUp', '/logReviews/0/unauthorisedAccess']],
    },
  ],
  'systems/sharing-separation': [
    {
      name: 'sharing at the database level',
      patch: (d) => (sys(d, 'SYS-22').sharing.level = 'software'),
      expect: [['software', '/systems/21/sharing/level']],
    },
    {
      name: 'sharing with no separation plan',
      patch: (d) => delete sys(d, 'SYS-22').sharing.separationPlan,
      expect: [['noPlan', '/systems/21/sharing/level']],
    },
    {
      name: 'interim measures missing',
      patch: (d) => (sys(d, 'SYS-22').sharing.interimMeasures = ['personal-ids']),
      expect: [['interim', '/systems/21/sharing/level']],
    },
    { name: 'a 送電事業者, which may share', profile: 'soden-13', patch: (d) => (sys(d, 'SYS-22').sharing.level = 'software'), expect: [] },
  ],
  'systems/separation-target': [
    {
      name: 'a target after the three years',
      patch: (d) => (sys(d, 'SYS-22').sharing.separationPlan.targetDate = '2027-03-31'),
      expect: [['late', '/systems/21/sharing/separationPlan/targetDate']],
    },
    {
      name: 'a target on the last day of the three years',
      patch: (d) => (sys(d, 'SYS-22').sharing.separationPlan.targetDate = '2026-04-17'),
      expect: [],
    },
    {
      name: 'a target the day after',
      patch: (d) => (sys(d, 'SYS-22').sharing.separationPlan.targetDate = '2026-04-18'),
      expect: [['late', '/systems/21/sharing/separationPlan/targetDate']],
    },
    {
      name: 'a 送電事業者',
      profile: 'soden-13',
      patch: (d) => (sys(d, 'SYS-22').sharing.separationPlan.targetDate = '2030-03-31'),
      expect: [],
    },
  ],
  'systems/separation-overdue': [
    {
      name: 'a target passed within the fiscal year, the system still shared',
      patch: (d) => (sys(d, 'SYS-22').sharing.separationPlan.targetDate = '2024-12-31'),
      expect: [['overdue', '/systems/21/sharing/separationPlan/targetDate']],
    },
    {
      name: 'a target on the last day of the fiscal year',
      patch: (d) => (sys(d, 'SYS-22').sharing.separationPlan.targetDate = '2025-03-31'),
      expect: [],
    },
    {
      name: 'a target passed, the sharing ended',
      patch: (d) => {
        sys(d, 'SYS-22').sharing.separationPlan.targetDate = '2024-12-31';
        sys(d, 'SYS-22').sharing.level = 'none';
      },
      expect: [],
    },
    {
      name: 'a 送電事業者',
      profile: 'soden-13',
      patch: (d) => (sys(d, 'SYS-22').sharing.separationPlan.targetDate = '2024-12-31'),
      expect: [],
    },
  ],
  'disaster/access-window': [
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
      patch: nothing,
      expect: [
        ['lateRevocation', '/disasterResponses/0/accessRevoked'],
        ['lateCollection', '/disasterResponses/0/terminalsCollected'],
      ],
    },
  ],
  'trainings/coverage': [
    {
      name: 'a rule no training covers',
      patch: (d) => d.trainings.forEach((t: Data) => (t.rules = t.rules.filter((r: string) => r !== 'RULE-01'))),
      expect: [['ruleUntaught', '/rules/0/id']],
    },
    {
      name: 'a rule no longer in force',
      patch: (d) => {
        d.trainings.forEach((t: Data) => (t.rules = t.rules.filter((r: string) => r !== 'RULE-01')));
        d.rules[0].inForce = false;
      },
      expect: [],
    },
    {
      name: 'no officers trained',
      patch: (d) => d.trainings.forEach((t: Data) => (t.audience = ['employees'])),
      expect: [['noOfficers', '/trainings']],
    },
    {
      name: 'no staff trained',
      patch: (d) => d.trainings.forEach((t: Data) => (t.audience = ['directors'])),
      expect: [['noStaff', '/trainings']],
    },
    { name: 'no trainings section (items/required-sections says so)', patch: (d) => delete d.trainings, expect: [] },
  ],
  'assessment/starred-items': [
    { name: 'no self-assessment', patch: (d) => delete d.selfAssessment, expect: [['noSection', '']] },
    { name: 'a ★ item not addressed', patch: (d) => delete d.selfAssessment['RA-2'], expect: [['missing', '/selfAssessment']] },
    {
      name: 'a ★ item said not to apply',
      patch: (d) => (d.selfAssessment['IT-2'].status = 'not-applicable'),
      expect: [['notApplicable', '/selfAssessment/IT-2/status']],
    },
    {
      name: 'a 送電事業者, asked no ★ item',
      patch: (d) => Object.assign(d, { filerType: 'transmission', selfAssessment: undefined }),
      expect: [],
    },
    { name: 'a year before the evaluation', patch: (d) => Object.assign(d, { fiscalYear: 2019, selfAssessment: undefined }), expect: [] },
  ],
  'assessment/evidence-resolves': [
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
  'assessment/recurrence-evidenced': [
    {
      name: 'a half-yearly measure shown in one half only',
      patch: (d) => (d.improvementPlan[0].evidence = ['logReviews/LR-001']),
      expect: [['missed', '/improvementPlan/0/recurrence']],
    },
    {
      name: 'a recurring measure with no evidence',
      patch: (d) => delete d.improvementPlan[0].evidence,
      expect: [['noEvidence', '/improvementPlan/0/recurrence']],
    },
  ],
  'assessment/in-place-evidenced': [
    {
      name: 'an item in place with no evidence',
      patch: (d) => delete d.selfAssessment['CE-1'].evidence,
      expect: [['noEvidence', '/selfAssessment/CE-1/status']],
    },
    {
      name: 'an item only partly in place, with none',
      patch: (d) => Object.assign(d.selfAssessment['CE-1'], { status: 'partly', evidence: [] }),
      expect: [],
    },
  ],
  'assessment/overdue-measures': [
    {
      name: 'a measure past its due date',
      patch: (d) => (d.improvementPlan[5].due = '2025-01-31'),
      expect: [['overdue', '/improvementPlan/5/status']],
    },
    {
      name: 'a measure done, though due earlier',
      patch: (d) => Object.assign(d.improvementPlan[5], { due: '2025-01-31', status: 'done' }),
      expect: [],
    },
  ],
};

describe('rule cases', () => {
  it('start from a base filing that every rule passes', () => {
    for (const rule of RULES) expect(run(rule, { patch: nothing }), rule.id).toEqual([]);
  });

  it('cover every rule, and every message of every rule', () => {
    expect(Object.keys(CASES).sort()).toEqual(RULES.map((r) => r.id).sort());
    for (const rule of RULES) {
      const used = new Set(CASES[rule.id]!.flatMap((c) => c.expect.map(([message]) => message)));
      const related = rule.id === 'corrections/finding-has-correction' ? ['first'] : [];
      expect([...used, ...related].sort(), rule.id).toEqual(Object.keys(rule.messages.en.msg).sort());
    }
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      for (const c of CASES[rule.id] ?? []) {
        it(c.name, () => {
          expect(run(rule, c)).toEqual(c.expect);
        });
      }
    });
  }
});
