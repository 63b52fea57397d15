// What parsing a YAML text gives, shared by the fast reader's caller (parse.ts) and the full parser
// (yaml-document.ts), so neither imports the other's module.
import type { Diagnostic } from '../diagnostics.js';
import { t, type Lang } from '../messages/index.js';
import type { Mark } from '../model/marks.js';

export interface ParseResult {
  /** undefined when the file could not be parsed */
  value?: unknown;
  diagnostics: Diagnostic[];
  /** JSON pointer → mark, for values tagged !withhold or !publish. */
  marks?: Map<string, Mark>;
  /** true when the fast reader read it: the text is in the plain subset */
  plain?: boolean;
}

/** Alias expansions allowed per file; an "alias bomb" exceeds it at once. */
export const MAX_ALIAS_COUNT = 100;

export function tooDeep(file: string, lang: Lang): Diagnostic {
  return {
    code: 'yaml/too-deep',
    severity: 'error',
    file,
    line: 1,
    column: 1,
    message: t(lang, 'yaml.tooDeep'),
    hint: t(lang, 'yaml.tooDeep.hint'),
  };
}
