// Human output: one block per diagnostic with the source line and a caret, then a summary.
import { countBySeverity, type Diagnostic, type VerifiedFiling } from '../../diagnostics.js';
import { countArgs, t, type Lang, type MessageKey } from '../../messages/index.js';
import type { ValidateResult } from '../../validate/index.js';
import type { Reporter } from './context.js';
import { displayWidth } from '../../util/width.js';
import { printable } from '../escape.js';

const COLORS = { red: 31, yellow: 33, cyan: 36, dim: 2, bold: 1 } as const;

export const textReporter: Reporter = (result, { lang, color }) => {
  const paint = (style: keyof typeof COLORS, text: string) => (color ? `\u001b[${COLORS[style]}m${text}\u001b[0m` : text);
  const sources = sourceTexts(result);
  const blocks = result.diagnostics.map((d) => formatDiagnostic(d, lang, paint, sources));
  return [...blocks, ...(result.verified ?? []).map((v) => proven(v, lang)), summary(result, lang, paint)].join('\n') + '\n';
};

function sourceTexts(result: ValidateResult): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const r of result.results) {
    const sm = r.loaded?.sourceMap;
    if (!sm) continue;
    for (const path of sm.paths) {
      const text = sm.text(path);
      if (text !== undefined) map.set(path, text.split(/\r?\n/));
    }
  }
  return map;
}

type Paint = (style: keyof typeof COLORS, text: string) => string;

function formatDiagnostic(d: Diagnostic, lang: Lang, paint: Paint, sources: Map<string, string[]>): string {
  // a workbook's cell by its sheet and reference (logReviews.xlsx:記録!C57), as a spreadsheet user reads it
  const where = d.file ? `${printable(d.file)}${d.cell ? `:${printable(d.cell)}` : d.line ? `:${d.line}:${d.column ?? 1}` : ''}` : '';
  const severityStyle = d.severity === 'error' ? 'red' : d.severity === 'warning' ? 'yellow' : 'cyan';
  const lines = [
    `${paint('bold', where)}${where ? '  ' : ''}${paint(severityStyle, t(lang, `report.severity.${d.severity}`))}  ${printable(d.message)}  ${paint('dim', d.code)}`,
  ];
  const source = d.file && d.line ? sources.get(d.file) : undefined;
  if (source && d.line) {
    const gutter = String(d.line).length;
    const full = (source[d.line - 1] ?? '').replace(/\t/g, '    ');
    // the excerpt as the file has it, but no control character acts on the terminal (the caret
    // below stays under the column only while the line has none)
    const { text, offset } = excerptWindow(full, Math.max(1, d.column ?? 1));
    const previous = d.line > 1 ? source[d.line - 2] : undefined;
    if (previous?.trim())
      lines.push(
        paint('dim', `  ${String(d.line - 1).padStart(gutter)} | ${printable(excerptWindow(previous.replace(/\t/g, '    '), 1).text)}`),
      );
    lines.push(`  ${String(d.line).padStart(gutter)} | ${printable(text)}`);
    const column = Math.max(1, (d.column ?? 1) - offset);
    const before = text.slice(0, column - 1);
    // the end, like the column, counted within the excerpt (a long line is cut around the column)
    const end = d.endLine === d.line && d.endColumn ? d.endColumn - offset : 0;
    const sameLineEnd = end > column ? end : column + 1;
    const marked = text.slice(column - 1, sameLineEnd - 1);
    const carets = '^'.repeat(Math.max(1, Math.min(displayWidth(marked), 80)));
    lines.push(`  ${' '.repeat(gutter)} | ${' '.repeat(displayWidth(before))}${paint(severityStyle, carets)}`);
  }
  if (d.hint) lines.push(`  ${paint('cyan', t(lang, 'report.hint'))}: ${printable(d.hint)}`);
  for (const r of d.related ?? []) {
    const at = r.file ? `${printable(r.file)}${r.line ? `:${r.line}:${r.column ?? 1}` : ''}` : '';
    lines.push(paint('dim', `  ↳ ${at}${at ? '  ' : ''}${printable(r.message)}`));
  }
  return lines.join('\n') + '\n';
}

const WINDOW = 100;

/** At most WINDOW characters of a long line, around the column, marked with … where cut. */
export function excerptWindow(line: string, column: number): { text: string; offset: number } {
  if (line.length <= WINDOW) return { text: line, offset: 0 };
  const start = Math.max(0, Math.min(column - 1 - WINDOW / 2, line.length - WINDOW));
  const head = start > 0 ? '…' : '';
  const tail = start + WINDOW < line.length ? '…' : '';
  return { text: head + line.slice(start, start + WINDOW) + tail, offset: start - head.length };
}

function summary(result: ValidateResult, lang: Lang, paint: Paint): string {
  const counts = countBySeverity(result.diagnostics);
  const files = t(lang, 'report.files', countArgs(new Set(result.files).size));
  if (result.diagnostics.length === 0) return t(lang, 'report.summary.clean', { files });
  const parts: string[] = [];
  if (counts.error) parts.push(paint('red', t(lang, 'report.count.error', countArgs(counts.error))));
  if (counts.warning) parts.push(paint('yellow', t(lang, 'report.count.warning', countArgs(counts.warning))));
  if (counts.info) parts.push(paint('cyan', t(lang, 'report.count.info', countArgs(counts.info))));
  const line = t(lang, 'report.summary', { files, counts: parts.join(lang === 'ja' ? '、' : '; ') });
  // "every problem at once" holds only if it is said which checks have not run yet
  const notRun = result.results.filter((r) => r.rulesNotRun).length;
  return notRun > 0 ? `${line}\n${t(lang, 'report.rulesNotRun', countArgs(notRun))}` : line;
}

/** What verify proved of a file: whose filing, and who signed it (or that nobody did). */
function proven(v: VerifiedFiling, lang: Lang): string {
  const what = t(lang, v.progress ? 'verify.provenProgress' : 'verify.proven', {
    ...(v.progress ? { asOf: v.progress.asOf, from: v.progress.period.from, to: v.progress.period.to } : {}),
    file: printable(v.file),
    filer: printable(v.filer.name),
    number: v.filer.corporateNumber,
    year: v.fiscalYear,
    edition: t(lang, `cli.build.edition.${v.edition === 'public' ? 'public' : 'submission'}`),
    profile: v.profile,
  });
  const signature = v.signature;
  const who =
    signature === null
      ? t(lang, 'verify.proven.unsigned')
      : signature.kind === 'ed25519'
        ? t(lang, signature.checked ? 'verify.proven.ed25519' : 'verify.proven.ed25519Unchecked')
        : t(lang, signature.trusted ? `verify.proven.trusted.${signature.trusted}` : 'verify.proven.signed', {
            subject: signature.subject,
            issuer: signature.issuer,
            fingerprint: signature.fingerprint,
            time: signature.signingTime ?? '—',
          });
  return `${what}\n  ${who}\n  ${t(lang, 'verify.proven.checks', { checks: v.checks.map((c) => t(lang, `verify.check.${c}` as MessageKey)).join(lang === 'ja' ? '、' : '; ') })}\n`;
}
