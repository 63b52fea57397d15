// A rule checks what JSON Schema cannot say. It is a module with an id, a legal basis, a default
// severity, its own wording in Japanese and English, and a check that reports through the context.
// defineRule types the check's report() by the rule's own message names, so a message the rule does
// not have, or one language lacking a message the other has, is a type error. The engine knows no
// single rule.
import type { Config } from '../model/config.js';
import type { Mark } from '../model/marks.js';
import type { Severity } from '../diagnostics.js';
import type { Filing } from '../model/generated/filing.js';
import type { MessageArgs } from '../messages/index.js';
import type { Profile } from '../profiles/index.js';

export interface Report<M extends string = string> {
  /** JSON pointer of the value the finding is about ('' for the filing as a whole). */
  pointer: string;
  /** Which message of the rule (a key of its messages' msg). */
  message: M;
  args?: MessageArgs;
  target?: 'key' | 'value';
  /** Other places that belong to the finding. */
  related?: { pointer: string; message: M; args?: MessageArgs }[];
}

/** A rule's wording in one language: what `rules explain` prints, and its findings' messages. */
export interface RuleWording<M extends string = string> {
  title: string;
  why: string;
  fix: string;
  example: string;
  /** The findings' messages, by name; {placeholders} are filled from the report's args. */
  msg: Record<M, string>;
}

export interface RuleMessages<M extends string = string> {
  en: RuleWording<M>;
  ja: RuleWording<M>;
}

export interface RuleContext<M extends string = string> {
  data: Partial<Filing>;
  profile?: Profile;
  config: Config;
  /** The publication marks (!withhold, !publish) by JSON pointer, where the filing was read from YAML; none for a bundle. */
  marks: ReadonlyMap<string, Mark>;
  /** Whether an attachment path is present: inside the filing directory, or inside the bundle. */
  attachment(path: string): 'present' | 'missing' | 'outside' | 'notFile';
  report(finding: Report<M>): void;
}

export interface Rule<M extends string = string> {
  /** Stable id, e.g. "corrections/finding-has-correction". */
  id: string;
  /** The legal basis, as the statute names it (a 一般送配電事業者's, when the rule has a provision). */
  basis: string;
  /**
   * Which provision the rule applies, by its name in the profiles' `provisions` (accessRecords,
   * retention…): each profile says where its legal text has it, so a 送電事業者's finding cites
   * 第44条の13, not 第33条の15. {basis} in the rule's why is that citation.
   */
  provision?: string;
  severity: Severity;
  /** The schema version that brought the sections the rule is about (default: every version). */
  sinceSchema?: number;
  messages: RuleMessages<M>;
  check(context: RuleContext<M>): void;
}

/** A rule whose report() takes only its own message names (inferred from both languages). */
export function defineRule<M extends string>(rule: Rule<M>): Rule {
  return rule as unknown as Rule;
}
