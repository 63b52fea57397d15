// The library: each pipeline stage as a plain function. The CLI is a thin shell over these.
export type { Diagnostic, Severity, Position, RelatedLocation } from './diagnostics.js';
export type { Filing } from './model/generated/filing.js';
export { loadTarget, resolveTargets, type LoadedFiling, type Target } from './load/filing.js';
export { SourceMap } from './load/source-map.js';
export { validatePaths, validateTarget, type ValidateOptions, type ValidateResult, type FilingResult } from './validate/index.js';
export { checkSchema, schemaErrors } from './validate/schema.js';
export { reporters, REPORT_FORMATS, type ReportFormat } from './report/diagnostics/index.js';
export { allProfiles, getProfile, defaultProfile, chooseProfile, type Profile, type ProfileItem } from './profiles/index.js';
export { loadConfig, findConfig, type Config } from './validate/config.js';
export { isCorporateNumber, corporateCheckDigit, isDate } from './model/formats.js';
export { skeletonFiles } from './init/skeleton.js';
export { t, langFromEnv, type Lang } from './messages/index.js';
export { SCHEMA_VERSIONS, CURRENT_SCHEMA_VERSION, TOOL_VERSION } from './model/generated/schemas.js';
export { main } from './cli/main.js';
export { runRules, ruleText, type RuleRun } from './rules/engine.js';
export { RULES } from './rules/registry.js';
export { rulesMarkdown, rulesTable } from './rules/docs.js';
export type { Rule, RuleContext, RuleWording, Report } from './rules/types.js';
export { buildFiling, type BuildOptions, type BuildResult } from './pipeline/build.js';
export {
  verifyBundle,
  readVerifiedBundle,
  type VerifiedBundle,
  type TrustedBundle,
  type RefusedBundle,
  type VerifyOptions,
} from './bundle/verify.js';
export { writeZip, readDirectory, readEntry, UnsafeZip } from './bundle/zip.js';
export { generateKeys, readPublicKey, readPrivateKey, keyId } from './bundle/keys.js';
export { openDatabase, DB_SCHEMA_VERSION } from './regulator/db.js';
export { ingestBundle, type IngestOptions, type IngestResult } from './regulator/ingest.js';
export {
  compareRows,
  toCsv,
  toXlsx,
  COLUMNS as COMPARE_COLUMNS,
  HORIZON as SEPARATION_HORIZON,
  type CompareRow,
} from './regulator/compare.js';
export { toHtml, toFilerHtml } from './regulator/report-html.js';
export { progressRows, toProgressHtml, PROGRESS_COLUMNS, type ProgressRow } from './regulator/progress.js';
export { verifyPdf, verifyFile, type VerifyPdfOptions } from './bundle/verify-pdf.js';
export { readPdfFacts, PdfUnreadable, type PdfFacts, type EmbeddedData } from './bundle/pdf-read.js';
export { evaluate as evaluateAssessment, WEIGHTS as ASSESSMENT_WEIGHTS, type Evaluation } from './assessment/evaluate.js';
export { assessmentSummary, ASSESSMENT_METHOD, type AssessmentSummary } from './assessment/summary.js';
export {
  progressOf,
  defaultPeriod,
  PROGRESS_METHOD,
  type ProgressData,
  type SystemProgress,
  type MeasureProgress,
  type Period,
} from './assessment/progress.js';
export { parseRecurrence, windowsOf, missedWindows, japaneseNotation, type Recurrence, type Window } from './model/recurrence.js';
export { internalControl } from './model/generated/data.js';
export { editionView, type EditionView, type EditionInput } from './edition/view.js';
export { diffFilings, type FilingDiff } from './edition/changes.js';
export { sectionFacts, type SectionFacts } from './model/sections.js';
export { currentSchemaIndex, currentSectionFacts } from './model/current-schema.js';
export type { Edition } from './model/edition.js';
export { diffWriters, DIFF_FORMATS, compareWriters, COMPARE_FORMATS } from './report/index.js';
export { defineRule, type RuleMessages } from './rules/types.js';
