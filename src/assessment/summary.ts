// The evaluation as the bundle carries it (assessment.json) and the regulator stores it: counts,
// and percentages rounded to one decimal place. `method` names the scoring method of
// docs/assessment.md; a later method gets a new number.
import type { Filing } from '../model/generated/filing.js';
import { evaluate, round1, WEIGHTS, type Counts, type Evaluation, type Scored } from './evaluate.js';
import type { Window } from '../model/recurrence.js';

export const ASSESSMENT_METHOD = 1;

export interface ScoreRow extends Counts {
  coverage: number;
  evidence: number;
  /** null when no recurrence window was due */
  recurrences: number | null;
  readiness: number;
}

export interface AssessmentSummary {
  method: number;
  catalogue: string;
  weights: typeof WEIGHTS;
  overall: ScoreRow;
  areas: ({ id: string } & ScoreRow)[];
  recurrences: { measure: string; recurrence: string; due: Window[]; missed: Window[] }[];
}

function row(s: Scored): ScoreRow {
  const { items, inPlace, partly, evidenced, windows, met } = s;
  return {
    items,
    inPlace,
    partly,
    evidenced,
    windows,
    met,
    coverage: round1(s.coverage),
    evidence: round1(s.evidence),
    recurrences: s.recurrences === undefined ? null : round1(s.recurrences),
    readiness: round1(s.readiness),
  };
}

/** Whether the filing has anything to assess: a self-assessment or an improvement plan. */
export function hasAssessment(data: Partial<Filing> | Record<string, unknown>): boolean {
  return (data as Record<string, unknown>).selfAssessment !== undefined || (data as Record<string, unknown>).improvementPlan !== undefined;
}

export function summarise(evaluation: Evaluation): AssessmentSummary {
  return {
    method: ASSESSMENT_METHOD,
    catalogue: evaluation.catalogue.id,
    weights: WEIGHTS,
    overall: row(evaluation.overall),
    areas: evaluation.areas.map(({ id, ...s }) => ({ id, ...row(s) })),
    recurrences: evaluation.recurrences.map((r) => ({
      measure: r.measure.id,
      recurrence: r.measure.recurrence ?? '',
      due: r.due,
      missed: r.missed,
    })),
  };
}

/** The summary of a filing, or undefined when it has neither section. */
export function assessmentSummary(data: Partial<Filing> | Record<string, unknown>): AssessmentSummary | undefined {
  return hasAssessment(data) ? summarise(evaluate(data as Partial<Filing>)) : undefined;
}
