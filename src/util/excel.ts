// exceljs, an optional peer (the regulator's xlsx report, a filer's workbook): required, not imported —
// the launcher runs the bundles through vm.Script — and only when a workbook is read or written.
import { createRequire } from 'node:module';

/** exceljs, or undefined when it is not installed (the caller says what to install). */
export function exceljs(): typeof import('exceljs') | undefined {
  try {
    return createRequire(import.meta.url)('exceljs') as typeof import('exceljs');
  } catch (error) {
    if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
    return undefined;
  }
}

/** A spreadsheet's column letters: 1 → A, 27 → AA. */
export function columnLetters(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/**
 * A text cell as a spreadsheet must not take for a formula: one that starts with = + - @, a tab or a
 * carriage return gets a leading apostrophe (OWASP's CSV-injection advice). taisei's own CSV reader
 * takes that apostrophe off again (unneutralised), so a list exported and read back is unchanged.
 */
export function neutralised(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A CSV cell as the filer meant it: the apostrophe neutralised() put before a formula character taken off. */
export function unneutralised(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
