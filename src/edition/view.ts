// The edition stage: (filing, profile, edition, last year) → one view of the filing, which render
// and bundle both consume. The public view is redacted here, before anything prints or packs it,
// so "the renderer only ever sees the redacted copy" holds by construction; the changes against
// last year and the self-assessment are computed from the same view.
import { evaluate, type Evaluation } from '../assessment/evaluate.js';
import { hasAssessment } from '../assessment/summary.js';
import { currentSchemaIndex } from '../model/current-schema.js';
import type { Edition, EditionData } from '../model/edition.js';
import type { Mark } from '../model/marks.js';
import type { SchemaIndex } from '../model/schema-index.js';
import type { Profile } from '../profiles/index.js';
import { diffFilings, type FilingDiff } from './changes.js';
import { normalised } from './normalise.js';
import { redact, type ShapeOf } from './redact.js';

export type { Edition };

export interface EditionInput {
  /** The validated filing, files merged. */
  data: Record<string, unknown>;
  /** Publication marks (!withhold, !publish) by JSON pointer. */
  marks: ReadonlyMap<string, Mark>;
  profile: Profile;
  /** Last year's filing (normalised): the view carries the changes against it. */
  previous?: Record<string, unknown>;
  /** false: no self-assessment in the view (the PDF then has no appendix 参考資料). */
  assessment?: boolean;
  /** The shape of each withheld value, so the public edition draws bars as wide as the values. */
  shapeOf?: ShapeOf;
  /** false: an item that summarises many records prints no annex (別添) of them all (config recordsAnnex). */
  recordsAnnex?: boolean;
}

export interface EditionView {
  edition: Edition;
  profile: Profile;
  schema: SchemaIndex;
  /** The filing as this edition shows it (the public one with withheld values replaced). */
  data: EditionData;
  /** JSON pointers of the values withheld (public edition), in document order. */
  withheld: string[];
  /** The changes from last year (redacted in the public edition). */
  changes?: FilingDiff;
  /** The self-assessment evaluated, when the filing has one and it is to be shown. */
  assessment?: Evaluation;
  /** false: the records a summary counts are not listed in full in an annex (default: they are). */
  recordsAnnex?: boolean;
}

export function editionView(input: EditionInput, edition: Edition, schema: SchemaIndex = currentSchemaIndex(input.profile)): EditionView {
  const { data, withheld } =
    edition === 'public' ? redact(input.data, schema, input.marks, input.shapeOf) : { data: input.data, withheld: [] };
  let changes: FilingDiff | undefined;
  if (input.previous) {
    // the public edition compares redacted views: a withheld value never shows, old or new
    const before = edition === 'public' ? redact(input.previous, schema, new Map()).data : input.previous;
    changes = diffFilings(normalised(before, schema), normalised(data, schema), input.profile);
  }
  const assessment = input.assessment !== false && hasAssessment(data) ? evaluate(data) : undefined;
  return {
    edition,
    profile: input.profile,
    schema,
    // the one place the filing becomes typed: it passed the schema these types are generated from,
    // and redact puts a Withheld only where EditionData allows one
    data: data as unknown as EditionData,
    withheld,
    recordsAnnex: input.recordsAnnex !== false,
    ...(changes ? { changes } : {}),
    ...(assessment ? { assessment } : {}),
  };
}
