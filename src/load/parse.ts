// Text → plain data. The fast path is js-yaml (about six times faster than a full document
// parse on large files); anything that needs more care — aliases, tags, or any error — goes to the
// full parser in yaml-document.ts, which reports every problem with its exact position.
import { load as loadYaml, CORE_SCHEMA } from 'js-yaml';
import type { Diagnostic } from '../diagnostics.js';
import { t, type Lang } from '../messages/index.js';

export interface ParseResult {
  /** undefined when the file could not be parsed */
  value?: unknown;
  diagnostics: Diagnostic[];
}

/** Alias expansions allowed per file; an "alias bomb" exceeds it at once. */
export const MAX_ALIAS_COUNT = 100;

// An alias (*name), anchor (&name) or tag (!name) where a YAML node can start.
const NEEDS_FULL_PARSER = /(?:^|[\s[{,])[*&!][^\s,\]}]/m;

export async function parseYaml(text: string, file: string, lang: Lang): Promise<ParseResult> {
  if (!NEEDS_FULL_PARSER.test(text)) {
    try {
      return { value: loadYaml(text, { schema: CORE_SCHEMA, json: false }), diagnostics: [] };
    } catch {
      // fall through: the full parser finds and places every error, not just the first
    }
  }
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
