// The rules, in the order they are listed and run. Adding a rule: a module in this folder made with
// defineRule (its wording in both languages beside its check), its entry here, and its valid and
// invalid cases in tests/rules/<area>-<name>.test.ts (tests/rule-tester.ts).
import type { Rule } from './types.js';
import { rule as findingHasCorrection } from './corrections-finding-has-correction.js';
import { rule as referencesResolve } from './references-resolve.js';
import { rule as datesWithinFiscalYear } from './dates-within-fiscal-year.js';
import { rule as informationManagerIsOfficer } from './organisation-information-manager-is-officer.js';
import { rule as monitoringIndependent } from './organisation-monitoring-independent.js';
import { rule as retentionFiveYears } from './retention-five-years.js';
import { rule as traceableIds } from './systems-traceable-ids.js';
import { rule as logReviewFrequency } from './log-reviews-frequency.js';
import { rule as sharingSeparation } from './systems-sharing-separation.js';
import { rule as separationTarget } from './systems-separation-target.js';
import { rule as separationOverdue } from './systems-separation-overdue.js';
import { rule as milestoneOverdue } from './systems-milestone-overdue.js';
import { rule as targetRevised } from './systems-target-revised.js';
import { rule as disasterAccessWindow } from './disaster-access-window.js';
import { rule as trainingsCoverage } from './trainings-coverage.js';
import { rule as requiredSections } from './items-required-sections.js';
import { rule as starredItems } from './assessment-starred-items.js';
import { rule as evidenceResolves } from './assessment-evidence-resolves.js';
import { rule as recurrenceEvidenced } from './assessment-recurrence-evidenced.js';
import { rule as overdueMeasures } from './assessment-overdue-measures.js';
import { rule as inPlaceEvidenced } from './assessment-in-place-evidenced.js';
import { rule as withholdIdentity } from './publication-withhold-identity.js';

export const RULES: readonly Rule[] = [
  requiredSections,
  findingHasCorrection,
  referencesResolve,
  datesWithinFiscalYear,
  informationManagerIsOfficer,
  monitoringIndependent,
  retentionFiveYears,
  traceableIds,
  logReviewFrequency,
  sharingSeparation,
  separationTarget,
  separationOverdue,
  milestoneOverdue,
  targetRevised,
  disasterAccessWindow,
  trainingsCoverage,
  starredItems,
  evidenceResolves,
  recurrenceEvidenced,
  overdueMeasures,
  inPlaceEvidenced,
  withholdIdentity,
];
