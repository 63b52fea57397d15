// `build`: the only module that knows the order of the stages —
//   validate → (last year) → glyph check → edition views → render ∥ bundle → write.
// Findings with severity error stop the build before anything is written. It imports every stage
// statically; the CLI loads this module only when it builds (commands/build.ts).
import { join } from 'node:path';
import { compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import { InputOutputError } from '../errors.js';
import { TOOL_VERSION } from '../model/generated/schemas.js';
import { resolveTargets } from '../load/filing.js';
import { isTabularFile } from '../load/tabular-sections.js';
import { t, type Lang } from '../messages/index.js';
import { writeFilesAtomic, type OutputFile } from '../util/atomic.js';
import { editionView, type EditionInput } from '../edition/view.js';
import { currentSchemaIndex } from '../model/current-schema.js';
import { verdictSettings } from '../model/config.js';
import { ioDiagnostic, validateTarget, type FilingResult } from '../validate/index.js';
import type { ValidateResult } from '../validate/index.js';
import * as render from '../render/index.js';
import { fontsFromConfig } from '../render/fonts.js';
import { withheldShapes } from '../render/shapes.js';
import * as bundler from '../bundle/write.js';
import { readPrivateKey } from '../bundle/keys.js';
import { loadSide } from './side.js';

import type { Edition } from '../model/edition.js';

export type { Edition };

export interface BuildOptions {
  lang: Lang;
  out: string;
  editions: Edition[];
  templatesDir?: string;
  configPath?: string;
  maxFileMB?: number;
  onProgress?: (edition: Edition, fraction: number) => void;
  /** Write the machine-readable bundle next to each PDF (default true). */
  bundle?: boolean;
  /** An Ed25519 private key (PEM file) to sign the bundles with. */
  signWith?: string;
  /** Last year's filing or bundle: the PDF gets an appendix of the changes, the bundle diff.json. */
  compareWith?: string;
  /** false: no appendix 参考資料 with the self-assessment (config assessmentAppendix can also say so). */
  assessmentAppendix?: boolean;
}

export interface BuildOutput {
  edition: Edition;
  path: string;
  bytes: number;
  withheld: number;
  /** The bundle written beside the PDF, if any. */
  bundle?: string;
  signed?: boolean;
}

export interface BuildResult extends ValidateResult {
  outputs: BuildOutput[];
}

/** The file name of an edition: report-<fiscal year>-<edition>.pdf */
export function outputName(fiscalYear: number, edition: Edition): string {
  return `report-${fiscalYear}-${edition}.pdf`;
}

export async function buildFiling(path: string, options: BuildOptions): Promise<BuildResult> {
  const { lang } = options;
  const empty = (diagnostics: Diagnostic[], ioFailure: boolean, results: FilingResult[] = []): BuildResult => ({
    results,
    diagnostics,
    files: results.flatMap((r) => r.loaded?.files ?? []),
    ioFailure,
    outputs: [],
  });
  let result: FilingResult;
  try {
    const targets = resolveTargets([path]).filter((target) => target.kind !== 'config');
    if (targets.length !== 1) throw new InputOutputError('input.notYaml', { path }, 'input.notYaml.hint');
    result = await validateTarget(targets[0]!, { lang, configPath: options.configPath, maxFileMB: options.maxFileMB });
  } catch (error) {
    if (!(error instanceof InputOutputError)) throw error;
    return empty([{ ...ioDiagnostic(error, lang), file: path }], true);
  }
  const diagnostics = [...result.diagnostics];
  const loaded = result.loaded;
  if (loaded?.kind === 'section') {
    diagnostics.push({
      code: 'build/not-a-filing',
      severity: 'error',
      file: path,
      message: t(lang, 'build.notAFiling', { path }),
      hint: t(lang, 'build.notAFiling.hint'),
    });
  }
  if (!loaded?.data || !result.profile || diagnostics.some((d) => d.severity === 'error'))
    return empty(diagnostics.sort(compareDiagnostics), false, [result]);

  let previous: Record<string, unknown> | undefined;
  if (options.compareWith) {
    const side = await loadSide(options.compareWith, lang);
    if (!side.data) return empty([...diagnostics, ...side.diagnostics].sort(compareDiagnostics), false, [result]);
    previous = side.data;
  }
  const fonts = fontsFromConfig(result.config.fonts, loaded.baseDir);
  const glyphs = render.checkGlyphs(loaded.data, fonts, lang);
  await loaded.sourceMap.attachPositions(glyphs);
  diagnostics.push(...glyphs);
  if (glyphs.length > 0) return empty(diagnostics.sort(compareDiagnostics), false, [result]);

  const input: EditionInput = {
    data: loaded.data,
    marks: loaded.marks,
    profile: result.profile,
    previous,
    assessment: options.assessmentAppendix !== false && result.config.assessmentAppendix !== false,
    recordsAnnex: result.config.recordsAnnex !== false,
  };
  if (options.editions.includes('public')) {
    input.shapeOf = withheldShapes(loaded.data, currentSchemaIndex(), fonts, result.profile.id, options.templatesDir);
  }
  const views = options.editions.map((edition) => editionView(input, edition));
  // each PDF carries its edition's data inside, the same bytes as its bundle's filing.json
  // what of the configuration changes a verdict travels with the filing: verify and ingest apply it
  const settings = verdictSettings(result.config);
  const data = views.map((view) => bundler.filingData(view, settings));
  const rendered = await render.renderViews(views, {
    lang,
    embedded: data.map((d, i) => [
      { name: 'filing.json', data: d.filing, mediaType: 'application/json', role: 'filing' },
      // the public PDF carries the public filing.json only
      ...(d.assessment && views[i]!.edition !== 'public'
        ? [{ name: 'assessment.json', data: d.assessment, mediaType: 'application/json', role: 'assessment' }]
        : []),
    ]),
    fonts,
    templatesDir: options.templatesDir,
    toolVersion: TOOL_VERSION,
    onProgress: options.onProgress,
  });
  await loaded.sourceMap.attachPositions(rendered.diagnostics);
  diagnostics.push(...rendered.diagnostics);
  if (rendered.diagnostics.some((d) => d.severity === 'error')) return empty(diagnostics.sort(compareDiagnostics), false, [result]);

  const fiscalYear = loaded.data.fiscalYear as number;
  const signingKey = options.signWith ? readPrivateKey(options.signWith) : undefined;
  const outputs: BuildOutput[] = [];
  const files: OutputFile[] = [];
  // the lists' own spreadsheets, carried as they are where the configuration asks for them
  const spreadsheets = result.config.bundleSpreadsheets === true ? loaded.files.filter((f) => isTabularFile(f)) : [];
  views.forEach((view, i) => {
    const pdf = rendered.pdfs[i]!;
    const file = join(options.out, outputName(fiscalYear, view.edition));
    let bundlePath: string | undefined;
    let zip: Buffer | undefined;
    if (options.bundle !== false) {
      zip = bundler.bundle({ view, pdf, baseDir: loaded.baseDir, signingKey, data: data[i], spreadsheets }).zip;
      bundlePath = file.replace(/\.pdf$/, '.zip');
    }
    files.push({ path: file, data: pdf });
    if (bundlePath && zip) files.push({ path: bundlePath, data: zip });
    outputs.push({
      edition: view.edition,
      path: file,
      bytes: pdf.length,
      withheld: view.withheld.length,
      ...(bundlePath ? { bundle: bundlePath, signed: Boolean(signingKey) } : {}),
    });
  });
  // every PDF and bundle, or none of them
  writeFilesAtomic(files);
  return { results: [result], diagnostics: diagnostics.sort(compareDiagnostics), files: loaded.files, ioFailure: false, outputs };
}
