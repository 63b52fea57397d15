// The validate pipeline for one or more paths: load → schema → filing checks → (rules) →
// positions. Returns every diagnostic; never throws for a problem in the input.
import { dirname } from 'node:path';
import { findConfig, loadConfig, type Config } from './config.js';
import { compareDiagnostics, type Diagnostic, type VerifiedFiling } from '../diagnostics.js';
import { InputOutputError, NotAFilingFile } from '../errors.js';
import { loadTarget, resolveTargets, type LoadedFiling, type Target } from '../load/filing.js';
import { langFromEnv, t, type Lang } from '../messages/index.js';
import { chooseProfile, type Profile } from '../profiles/index.js';
import { wordsOf } from '../model/wording.js';
import { runRules } from '../rules/engine.js';
import { checkDuplicateIds } from './ids.js';
import { checkSchema } from './schema.js';

export interface ValidateOptions {
  /** Language of the messages (default: from LC_ALL / LC_MESSAGES / LANG, as the CLI). */
  lang?: Lang;
  /** Overrides maxFileSizeMB of the config. */
  maxFileMB?: number;
  /** A config file to use instead of the filing directory's taisei.config.yaml. */
  configPath?: string;
  /** Run the filing rules after the schema (default true); false checks the schema only. */
  rules?: boolean;
}

export interface FilingResult {
  target: Target;
  loaded?: LoadedFiling;
  config: Config;
  profile?: Profile;
  diagnostics: Diagnostic[];
  /** The filing rules were to run but did not: the schema found errors first. */
  rulesNotRun?: boolean;
}

export interface ValidateResult {
  results: FilingResult[];
  diagnostics: Diagnostic[];
  /** Files read, across all targets. */
  files: string[];
  /** A path was missing or unreadable (exit code 3). */
  ioFailure: boolean;
  /** verify: what it proved of each file that passed */
  verified?: VerifiedFiling[];
  /** ingest: what became of each bundle, and the codes of the reasons a refused one was refused */
  ingested?: { path: string; status: 'ingested' | 'amended' | 'skipped' | 'refused'; hash?: string; reasons?: string[] }[];
  /** build: the files it wrote */
  written?: { path: string; kind: 'pdf' | 'bundle'; edition: string; bytes: number; sha256: string; signed?: boolean }[];
}

/** A path that could not be used, as a finding: not found, not YAML, or unreadable (exit code 3). */
export function ioDiagnostic(error: InputOutputError, lang: Lang): Diagnostic {
  return {
    code: error.messageKey === 'input.notFound' ? 'io/not-found' : error.messageKey === 'input.notYaml' ? 'io/not-yaml' : 'io/unreadable',
    severity: 'error',
    file: String(error.args.path ?? ''),
    message: t(lang, error.messageKey, error.args),
    ...(error.hintKey ? { hint: t(lang, error.hintKey, error.args) } : {}),
  };
}

export async function validatePaths(paths: readonly string[], given: ValidateOptions = {}): Promise<ValidateResult> {
  const options = { ...given, lang: given.lang ?? langFromEnv() };
  const results: FilingResult[] = [];
  const diagnostics: Diagnostic[] = [];
  let ioFailure = false;
  const targets: Target[] = [];
  for (const path of paths) {
    try {
      for (const target of resolveTargets([path])) {
        if (!targets.some((known) => known.kind === target.kind && known.path === target.path)) targets.push(target);
      }
    } catch (error) {
      if (error instanceof NotAFilingFile) {
        // a file a pre-commit hook is handed that is no part of a filing: noted, not a finding
        diagnostics.push({
          code: 'io/not-a-filing-file',
          severity: 'info',
          file: path,
          message: t(options.lang, 'input.skipped', { path }),
          hint: t(options.lang, 'input.skipped.hint'),
        });
        continue;
      }
      if (!(error instanceof InputOutputError)) throw error;
      ioFailure = true;
      diagnostics.push(ioDiagnostic(error, options.lang));
    }
  }
  const files: string[] = [];
  for (const target of targets) {
    try {
      const result = await validateTarget(target, options);
      results.push(result);
      for (const d of result.diagnostics) diagnostics.push(d);
      files.push(...(result.loaded?.files ?? [target.path]));
    } catch (error) {
      if (!(error instanceof InputOutputError)) throw error;
      ioFailure = true;
      diagnostics.push(ioDiagnostic(error, options.lang));
    }
  }
  diagnostics.sort(compareDiagnostics);
  return { results, diagnostics, files, ioFailure };
}

export async function validateTarget(target: Target, options: ValidateOptions = {}): Promise<FilingResult> {
  const lang = options.lang ?? langFromEnv();
  if (target.kind === 'config') {
    const { config, diagnostics } = await loadConfig(target.path, lang);
    return { target, config, diagnostics };
  }
  const baseDir = target.kind === 'directory' ? target.path : dirname(target.path);
  const loadedConfig = await loadConfig(options.configPath ?? findConfig(baseDir), lang);
  const { config } = loadedConfig;
  const loaded = await loadTarget(target, { lang, maxFileMB: options.maxFileMB ?? config.maxFileSizeMB });
  const diagnostics: Diagnostic[] = [...loadedConfig.diagnostics, ...loaded.diagnostics];
  const found: Diagnostic[] = [];
  let profile: Profile | undefined;
  let rulesNotRun = false;
  if (loaded.data) {
    const whole = loaded.kind !== 'section' && loaded.complete;
    // the profile first: the schema's findings name fields in its filer type's words
    const choice = loaded.kind !== 'section' ? chooseProfile(loaded.data, lang, config.profileStart) : undefined;
    profile = choice?.profile;
    // appended one by one: a spread of 100,000 findings would overflow the stack
    for (const d of await checkSchema(loaded.data, whole ? 'filing' : 'section', lang, undefined, wordsOf(profile))) found.push(d);
    for (const d of checkDuplicateIds(loaded.data, lang)) found.push(d);
    if (choice) for (const d of choice.diagnostics) found.push(d);
    // The rules read facts across sections and rely on the shape the schema guarantees: they run on
    // a whole filing once it is well-formed.
    if (whole && options.rules !== false) {
      if (found.some((d) => d.severity === 'error')) rulesNotRun = true;
      else
        for (const d of runRules(loaded.data, {
          lang,
          profile,
          config,
          configPath: loadedConfig.path,
          baseDir: loaded.baseDir,
          marks: loaded.marks,
        }).diagnostics)
          found.push(d);
    }
  }
  const shown = summarised(found, lang);
  await loaded.sourceMap.attachPositions(shown);
  for (const d of shown) diagnostics.push(d);
  return { target, loaded, config, profile, diagnostics, ...(rulesNotRun ? { rulesNotRun } : {}) };
}

/** Findings of one code shown in full, per filing; the rest are counted in one more finding. */
export const MAX_FINDINGS_PER_CODE = 200;

/**
 * The findings with those of one code beyond MAX_FINDINGS_PER_CODE summarised in one finding of the
 * same severity (report/more), so that a list of 100,000 bad entries is read, placed and printed in
 * a bounded time and memory. Never recursive; the exit code is the same.
 */
export function summarised(found: readonly Diagnostic[], lang: Lang): Diagnostic[] {
  const seen = new Map<string, number>();
  const out: Diagnostic[] = [];
  for (const d of found) {
    const n = (seen.get(d.code) ?? 0) + 1;
    seen.set(d.code, n);
    if (n <= MAX_FINDINGS_PER_CODE) out.push(d);
  }
  for (const [code, n] of seen) {
    if (n <= MAX_FINDINGS_PER_CODE) continue;
    const first = found.find((d) => d.code === code)!;
    out.push({
      code: 'report/more',
      severity: first.severity,
      ...(first.file ? { file: first.file } : {}),
      message: t(lang, 'report.more', { n: n - MAX_FINDINGS_PER_CODE, code, shown: MAX_FINDINGS_PER_CODE }),
      hint: t(lang, 'report.more.hint', { code }),
    });
  }
  return out;
}
