import type { Lang } from '../../messages/index.js';
import type { ValidateResult } from '../../validate/index.js';

export interface ReportContext {
  lang: Lang;
  color: boolean;
  toolVersion: string;
}

export type Reporter = (result: ValidateResult, context: ReportContext) => string;

/** Where a diagnostic code is explained (docs/diagnostics.md, one heading per code). */
export function helpUri(code: string): string {
  return `https://taisei.dev/docs/diagnostics#${code.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
}
