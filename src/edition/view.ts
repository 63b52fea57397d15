// The edition stage: (filing, profile, edition, last year) → one view of the filing, which render
// and bundle both consume. The public view is redacted here, before anything prints or packs it,
// so "the renderer only ever sees the redacted copy" holds by construction; the changes against
// last year and the self-assessment are computed from the same view.
import { createHash } from 'node:crypto';
import { evaluate, type Evaluation } from '../assessment/evaluate.js';
import { hasAssessment } from '../assessment/summary.js';
import { currentSchemaIndex } from '../model/current-schema.js';
import type { Edition, EditionData } from '../model/edition.js';
import type { Mark } from '../model/marks.js';
import type { SchemaIndex } from '../model/schema-index.js';
import type { Profile } from '../profiles/index.js';
import { WITHHELD_MARKER } from '../model/withheld.js';
import { diffFilings, stable, type FieldChange, type FilingDiff } from './changes.js';
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

/** A withheld value, sealed for comparing: equal values give equal seals. */
const seal = (value: unknown) => ({ $withheld: true, $sealed: createHash('sha256').update(stable(value)).digest('hex') });

const isSealed = (value: unknown) => value !== null && typeof value === 'object' && '$sealed' in value;

/** The changes with every sealed value (and any path into one) said only as withheld. */
function unsealed(diff: FilingDiff): FilingDiff {
  const field = (f: FieldChange): FieldChange => {
    const into = f.path.endsWith('.$sealed') || f.path.endsWith('.$withheld');
    if (!into && !isSealed(f.old) && !isSealed(f.new)) return f;
    const masked = (v: unknown) => (v === undefined ? undefined : { ...WITHHELD_MARKER });
    return { path: into ? f.path.replace(/\.\$(?:sealed|withheld)$/, '') : f.path, old: masked(f.old), new: masked(f.new) };
  };
  const fields = (list: FieldChange[]) => {
    // a sealed value met a sealed one: $sealed and $withheld as two paths of one field
    const out = new Map<string, FieldChange>();
    for (const f of list.map(field)) if (!out.has(f.path)) out.set(f.path, f);
    return [...out.values()];
  };
  return {
    ...diff,
    sections: diff.sections.map((section) => ({
      ...section,
      fields: fields(section.fields),
      lists: section.lists.map((list) => ({ ...list, entries: list.entries.map((entry) => ({ ...entry, fields: fields(entry.fields) })) })),
    })),
  };
}

export function editionView(input: EditionInput, edition: Edition, schema: SchemaIndex = currentSchemaIndex(input.profile)): EditionView {
  const { data, withheld } =
    edition === 'public' ? redact(input.data, schema, input.marks, input.shapeOf) : { data: input.data, withheld: [] };
  let changes: FilingDiff | undefined;
  if (input.previous) {
    if (edition === 'public') {
      // the public edition compares the submission's values, each withheld one sealed as a digest of
      // itself: one that did not change is no change, and of one that did, only that it did is said
      // (neither value, nor its shape)
      const sealed = (values: Record<string, unknown>, marks: ReadonlyMap<string, Mark>) =>
        redact(normalised(values, schema), schema, marks, undefined, seal).data;
      changes = unsealed(diffFilings(sealed(input.previous, new Map()), sealed(input.data, input.marks), input.profile));
    } else changes = diffFilings(normalised(input.previous, schema), normalised(data, schema), input.profile);
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
