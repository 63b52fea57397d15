// Text → plain data. Filings are read by the fast subset reader (fast-yaml.ts); whatever it does
// not handle — aliases, tags, folded scalars, any error — goes to the full parser in
// yaml-document.ts, which reports every problem with its exact position.
import type { Lang } from '../messages/index.js';
import { nestsDeeperThan } from '../util/depth.js';
import { fastParse, NOT_HANDLED } from './fast-yaml.js';
import { tooDeep, type ParseResult } from './parse-result.js';

export type { Mark } from '../model/marks.js';
export { MAX_ALIAS_COUNT, tooDeep, type ParseResult } from './parse-result.js';

export async function parseYaml(text: string, file: string, lang: Lang): Promise<ParseResult> {
  const fast = fastParse(text);
  // too deep for any walk over it (every stage walks the data): refused here, once for all of them
  if (fast !== NOT_HANDLED)
    return nestsDeeperThan(fast) ? { diagnostics: [tooDeep(file, lang)] } : { value: fast, diagnostics: [], plain: true };
  const { parseFull } = await import('./yaml-document.js');
  try {
    const full = parseFull(text, file, lang);
    return full.value !== undefined && nestsDeeperThan(full.value) ? { diagnostics: [tooDeep(file, lang)] } : full;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { diagnostics: [tooDeep(file, lang)] };
  }
}
