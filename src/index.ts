// The library: each pipeline stage as a plain function. The CLI is a thin shell over these.
export type { Diagnostic, Severity, Position, RelatedLocation } from './diagnostics.js';
export type { Filing } from './generated/filing.js';
export { loadTarget, resolveTargets, type LoadedFiling, type Target } from './load/filing.js';
export { SourceMap } from './load/source-map.js';
export { validatePaths, validateTarget, type ValidateOptions, type ValidateResult, type FilingResult } from './validate/index.js';
export { checkSchema, schemaErrors } from './validate/schema.js';
export { reporters, REPORT_FORMATS, type ReportFormat } from './validate/reporters/index.js';
export { allProfiles, getProfile, defaultProfile, chooseProfile, type Profile, type ProfileItem } from './profiles/index.js';
export { loadConfig, findConfig, type Config } from './config.js';
export { isCorporateNumber, corporateCheckDigit, isDate } from './validate/formats.js';
export { skeletonFiles } from './init/skeleton.js';
export { t, langFromEnv, type Lang } from './messages/index.js';
export { SCHEMA_VERSIONS, CURRENT_SCHEMA_VERSION, TOOL_VERSION } from './generated/schemas.js';
export { main } from './cli/main.js';
export { runRules, ruleText, type RuleRun } from './rules/engine.js';
export { RULES } from './rules/registry.js';
export { rulesMarkdown, rulesTable } from './rules/docs.js';
export type { Rule, RuleContext } from './rules/types.js';
