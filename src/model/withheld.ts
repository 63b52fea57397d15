// What stands for a withheld value, in memory and in JSON. Every identity brand of the project is
// here: lazily loaded bundles each carry their own copy of a class, so identity is by a brand in the
// global symbol registry (or, for errors, by name: see errors.ts), never by instanceof.

const BRAND = Symbol.for('taisei.withheld');

/** Stands in for a withheld value in the redacted copy. */
export class Withheld {
  readonly [BRAND] = true;
  constructor(readonly pointer: string) {}
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
