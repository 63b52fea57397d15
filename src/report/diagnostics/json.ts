// Machine output, versioned: { format, version, tool, lang, summary, diagnostics }.
// The shape is documented in docs/json-output.md; a change to it bumps `version`.
import { countBySeverity } from '../../diagnostics.js';
import type { Reporter } from './context.js';

export const JSON_FORMAT_VERSION = 1;

export const jsonReporter: Reporter = (result, { lang, toolVersion }) => {
  const counts = countBySeverity(result.diagnostics);
  const doc = {
    format: 'taisei-diagnostics',
    version: JSON_FORMAT_VERSION,
    tool: { name: 'taisei', version: toolVersion },
    lang,
    summary: {
      files: new Set(result.files).size,
      errors: counts.error,
      warnings: counts.warning,
      infos: counts.info,
      // validate and build: whether the filing rules ran (they wait for a filing the schema accepts)
      ...(result.results.length > 0 ? { rulesRun: !result.results.some((r) => r.rulesNotRun) } : {}),
    },
    diagnostics: result.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      ...(d.hint !== undefined ? { hint: d.hint } : {}),
      ...(d.file !== undefined ? { file: d.file } : {}),
      ...(d.line !== undefined ? { line: d.line, column: d.column ?? 1 } : {}),
      ...(d.endLine !== undefined ? { endLine: d.endLine, endColumn: d.endColumn } : {}),
      ...(d.cell !== undefined ? { cell: d.cell } : {}),
      ...(d.pointer !== undefined ? { pointer: d.pointer } : {}),
      ...(d.related?.length ? { related: d.related.map(({ pointer: _p, ...r }) => r) } : {}),
    })),
    // verify: what it proved of each file that passed
    ...(result.verified ? { verified: result.verified } : {}),
    // ingest: what became of each bundle
    ...(result.ingested ? { ingested: result.ingested } : {}),
    // build: the files written, each with its size and SHA-256
    ...(result.written ? { written: result.written } : {}),
  };
  return JSON.stringify(doc, null, 2) + '\n';
};
