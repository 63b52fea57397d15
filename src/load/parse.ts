// Text → plain data. Filings are read by the fast subset reader (fast-yaml.ts); whatever it does
// not handle — aliases, tags, folded scalars, any error — goes to the full parser in
// yaml-document.ts, which reports every problem with its exact position.
import type { Lang } from '../messages/index.js';
import { fastParse, NOT_HANDLED } from './fast-yaml.js';
import { tooDeep, type ParseResult } from './parse-result.js';

export type { Mark } from '../model/marks.js';
export { MAX_ALIAS_COUNT, tooDeep, type ParseResult } from './parse-result.js';

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
