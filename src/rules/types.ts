// A rule checks what JSON Schema cannot say. It is a module with an id, a legal basis, a default
// severity and a check that reports through the context; its wording lives in the message catalogs
// under rule.<id>.*. The engine knows no single rule.
import type { Config } from '../model/config.js';
import type { Severity } from '../diagnostics.js';
import type { Filing } from '../model/generated/filing.js';
import type { MessageArgs } from '../messages/index.js';
import type { Profile } from '../profiles/index.js';

export interface Report {
  /** JSON pointer of the value the finding is about ('' for the filing as a whole). */
  pointer: string;
  /** Which message of the rule: rule.<id>.msg.<message> in the catalogs. */
  message: string;
  args?: MessageArgs;
  target?: 'key' | 'value';
  /** Other places that belong to the finding. */
  related?: { pointer: string; message: string; args?: MessageArgs }[];
}

export interface RuleContext {
  data: Partial<Filing>;
  profile?: Profile;
  config: Config;
  /** Whether an attachment path is present: inside the filing directory, or inside the bundle. */
  attachment(path: string): 'present' | 'missing' | 'outside';
  report(finding: Report): void;
}

export interface Rule {
  /** Stable id, e.g. "corrections/finding-has-correction". */
  id: string;
  /** The legal basis, as the statute names it. */
  basis: string;
  severity: Severity;
  /** The schema version that brought the sections the rule is about (default: every version). */
  sinceSchema?: number;
  check(context: RuleContext): void;
}
