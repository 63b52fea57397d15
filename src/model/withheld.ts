// What stands for a withheld value, in memory and in JSON.

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
  constructor(
    readonly pointer: string,
    readonly shape?: WithheldShape,
  ) {}
}

/** Whether a value stands for a withheld one. */
export function isWithheld(value: unknown): value is Withheld {
  return value instanceof Withheld;
}

/** What a withheld value becomes in the public filing.json. */
export const WITHHELD_MARKER = { $withheld: true } as const;

/** Whether a value is that marker (in filing.json, or a change of a withheld value in diff.json). */
export function isWithheldMarker(value: unknown): boolean {
  return value !== null && typeof value === 'object' && (value as { $withheld?: unknown }).$withheld === true;
}

/** Whether an attachment's file stays out of the public edition. */
export function attachmentWithheld(attachment: { kind?: string; withheld?: boolean }): boolean {
  return attachment.withheld ?? attachment.kind === 'floor-plan';
}

/**
 * Whether an attachment of an edition's view leaves its file out: one withheld by its kind or its
 * own flag, and one whose entry or file path the edition withholds (the file cannot go where its
 * name does not).
 */
export function attachmentLeftOut(attachment: Withheld | { file: unknown; kind?: unknown; withheld?: unknown }): boolean {
  if (isWithheld(attachment) || isWithheld(attachment.file)) return true;
  return attachmentWithheld({
    ...(typeof attachment.kind === 'string' ? { kind: attachment.kind } : {}),
    ...(typeof attachment.withheld === 'boolean' ? { withheld: attachment.withheld } : {}),
  });
}
