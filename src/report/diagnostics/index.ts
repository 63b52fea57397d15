import type { Reporter } from './context.js';
import { githubReporter } from './github.js';
import { jsonReporter } from './json.js';
import { sarifReporter } from './sarif.js';
import { textReporter } from './text.js';

export type { Reporter, ReportContext } from './context.js';

export const reporters = { text: textReporter, json: jsonReporter, sarif: sarifReporter, github: githubReporter } satisfies Record<
  string,
  Reporter
>;
export type ReportFormat = keyof typeof reporters;
export const REPORT_FORMATS = Object.keys(reporters) as ReportFormat[];
