import type { Lang } from '../../messages/index.js';
import { DOCS_URL } from '../../model/generated/schemas.js';
import type { ValidateResult } from '../../validate/index.js';

export interface ReportContext {
  lang: Lang;
  color: boolean;
  toolVersion: string;
  /** Where relative paths start (SARIF's %SRCROOT%; default: the working directory). */
  root?: string;
}

export type Reporter = (result: ValidateResult, context: ReportContext) => string;

/**
 * Where the documentation that ships with this version is published, if the package says (its
 * repository, at this version's tag); else undefined, and no link is given rather than a dead one.
 */
export function docsUri(file: 'rules.md' | 'diagnostics.md', code?: string): string | undefined {
  if (!DOCS_URL) return undefined;
  return `${DOCS_URL}${file}${code ? `#${code.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}` : ''}`;
}
