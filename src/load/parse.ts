// Text → plain data. Filings are read by the fast subset reader (fast-yaml.ts); whatever it does
// not handle — aliases, tags, folded scalars, any error — goes to the full parser in
// yaml-document.ts, which reports every problem with its exact position.
import type { Diagnostic } from '../diagnostics.js';
import { t, type Lang } from '../messages/index.js';
import { fastParse, NOT_HANDLED } from './fast-yaml.js';

/** Publication marks written next to values: `name: !withhold 山田 太郎`, `name: !publish 山田 太郎`. */
export type Mark = 'withhold' | 'publish';
export const MARK_TAGS: Record<string, Mark> = { '!withhold': 'withhold', '!publish': 'publish' };

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

export async function parseYaml(text: string, file: string, lang: Lang): Promise<ParseResult> {
  const fast = fastParse(text);
  if (fast !== NOT_HANDLED) return { value: fast, diagnostics: [], plain: true };
  const { parseFull } = await import('./yaml-document.js');
  try {
    return parseFull(text, file, lang);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { diagnostics: [tooDeep(file, lang)] };
  }
}

export function tooDeep(file: string, lang: Lang): Diagnostic {
  return { code: 'yaml/too-deep', severity: 'error', file, line: 1, column: 1, message: t(lang, 'yaml.tooDeep'), hint: t(lang, 'yaml.tooDeep.hint') };
}
