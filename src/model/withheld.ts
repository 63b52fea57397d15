// What stands for a withheld value, in memory and in JSON. Every identity brand of the project is
// here: lazily loaded bundles each carry their own copy of a class, so identity is by a brand in the
// global symbol registry (or, for errors, by name: see errors.ts), never by instanceof.

const BRAND = Symbol.for('taisei.withheld');

/**
 * The shape of a withheld text as the document sets it — per paragraph, its unbreakable clusters,
 * each the widths (ems), lengths and break classes of its characters — so the public edition draws a bar exactly
 * as wide and breaks its lines where the submission does. It carries no character of the value;
 * `key` numbers the distinct withheld texts of one build, so two bars for the same text are alike
 * (the document lists a repeated text once, as one note).
 */
export interface WithheldShape {
  key: number;
  paragraphs: { kind?: 'hard' | 'keep' | 'soft'; chars: [number, number, string][] }[][];
}

/** Stands in for a withheld value in the redacted copy. */
export class Withheld {
  readonly [BRAND] = true;
  constructor(
    readonly pointer: string,
    readonly shape?: WithheldShape,
  ) {}
}

/** Whether a value stands for a withheld one (by its brand, not instanceof). */
export function isWithheld(value: unknown): value is Withheld {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** What a withheld value becomes in the public filing.json. */
export const WITHHELD_MARKER = { $withheld: true } as const;

/** Whether an attachment's file stays out of the public edition. */
export function attachmentWithheld(attachment: { kind?: string; withheld?: boolean }): boolean {
  return attachment.withheld ?? attachment.kind === 'floor-plan';
}
