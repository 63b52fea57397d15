import { watch } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { InputOutputError, UsageError } from '../../errors.js';
import { isDirectory } from '../../util/regular-file.js';
import { isYamlFile } from '../../load/filing.js';
import { isTabularFile } from '../../load/tabular-sections.js';
import type { BuildResult, Edition } from '../../pipeline/build.js';
import { TOOL_VERSION } from '../../model/generated/schemas.js';
import { t } from '../../messages/index.js';
import { reporters, type ReportFormat } from '../../report/diagnostics/index.js';
import { EXIT, useColor, type CliContext } from '../context.js';
import { addInputOptions, parseChoice, parseDate, signingPassword, sourceDateEpoch } from '../options.js';

interface BuildCommandOptions {
  out: string;
  edition: 'submission' | 'public' | 'both';
  templates?: string;
  format: ReportFormat;
  config?: string;
  maxFileSize?: number;
  watch?: boolean;
  bundle: boolean;
  sign?: string;
  cert?: string;
  passwordFile?: string;
  compareWith?: string;
  assessmentAppendix: boolean;
  document: 'filing' | 'progress';
  asOf?: string;
  from?: string;
  date?: string;
}

export function register(program: Command, ctx: CliContext): void {
  const { lang } = ctx;
  const command = program
    .command('build')
    .description(t(lang, 'cli.build.description'))
    .argument('<filing>', t(lang, 'cli.build.arg.filing'))
    .option('-o, --out <dir>', t(lang, 'cli.build.opt.out'), 'out')
    .addOption(
      new Option('-e, --edition <edition>', t(lang, 'cli.build.opt.edition'))
        .default('submission')
        .argParser(parseChoice(lang, ['submission', 'public', 'both'] as const)),
    )
    .option('-t, --templates <dir>', t(lang, 'cli.build.opt.templates'))
    .option('--no-bundle', t(lang, 'cli.build.opt.noBundle'))
    .option('-s, --sign <file.p12>', t(lang, 'cli.build.opt.sign'))
    .option('--cert <chain.pem>', t(lang, 'cli.build.opt.cert'))
    .option('--password-file <file>', t(lang, 'cli.build.opt.passwordFile'))
    .option('--compare-with <last-year>', t(lang, 'cli.build.opt.compareWith'))
    .option('--no-assessment-appendix', t(lang, 'cli.build.opt.noAssessmentAppendix'))
    .addOption(
      new Option('--document <kind>', t(lang, 'cli.build.opt.document'))
        .default('filing')
        .argParser(parseChoice(lang, ['filing', 'progress'] as const)),
    )
    .option('--as-of <date>', t(lang, 'cli.build.opt.asOf'), parseDate(lang))
    .option('--from <date>', t(lang, 'cli.build.opt.from'), parseDate(lang))
    .option('--date <date>', t(lang, 'cli.build.opt.date'), parseDate(lang));
  addInputOptions(command, lang)
    .option('-w, --watch', t(lang, 'cli.build.opt.watch'))
    .action(async (filing: string, options: BuildCommandOptions) => {
      // an override folder that is not there would leave the shipped wording in silently
      if (options.templates !== undefined && !isDirectory(options.templates))
        throw new UsageError('cli.build.noTemplates', { path: options.templates }, 'cli.build.noTemplates.hint');
      checkProgressOptions(options);
      const once = () => runBuild(filing, options, ctx);
      const result = await once();
      if (!options.watch) {
        ctx.exit(result.ioFailure ? EXIT.io : result.diagnostics.some((d) => d.severity === 'error') ? EXIT.findings : EXIT.ok);
        return;
      }
      ctx.io.stderr.write(t(lang, 'cli.build.watching', { path: filing }) + '\n');
      // a rebuild that fails (the output folder replaced by a file) is said, and watching goes on
      await watchAndRebuild(filing, async () => {
        try {
          await once();
        } catch (error) {
          if (!(error instanceof InputOutputError || error instanceof UsageError)) throw error;
          const hint = error.hintKey ? `  ${t(lang, 'report.hint')}: ${t(lang, error.hintKey, error.args)}\n` : '';
          ctx.io.stderr.write(`taisei: ${t(lang, error.messageKey, error.args)}\n${hint}`);
        }
      });
    });
}

async function runBuild(filing: string, options: BuildCommandOptions, ctx: CliContext): Promise<BuildResult> {
  const { lang, io } = ctx;
  const editions: Edition[] = options.edition === 'both' ? ['submission', 'public'] : [options.edition];
  const started = Date.now();
  const showProgress = Boolean(io.stderr.isTTY);
  let shown = false;
  let lastPercent = -1;
  // the whole pipeline (render, bundle) is loaded only when a build runs
  const { buildFiling } = await import('../../pipeline/build.js');
  const result = await buildFiling(filing, {
    lang,
    out: options.out,
    editions,
    templatesDir: options.templates,
    configPath: options.config,
    maxFileMB: options.maxFileSize,
    bundle: options.bundle,
    signWith: options.sign,
    certificate: options.cert,
    password: options.sign ? signingPassword(options.passwordFile, io.env) : undefined,
    // now, or SOURCE_DATE_EPOCH for a reproducible signed build
    signingTime: sourceDateEpoch(io.env),
    compareWith: options.compareWith,
    assessmentAppendix: options.assessmentAppendix,
    ...(options.document === 'progress'
      ? {
          progress: {
            asOf: options.asOf!,
            ...(options.from ? { period: { from: options.from, to: options.asOf! } } : {}),
            ...(options.date ? { date: options.date } : {}),
          },
        }
      : {}),
    onProgress: showProgress
      ? (edition, fraction) => {
          // a negative fraction: layout starts (synchronous, so say it before it begins)
          if (fraction < 0) {
            shown = true;
            io.stderr.write(`\r${t(lang, 'cli.build.layout')}   `);
            return;
          }
          const percent = Math.floor(fraction * 100);
          if (Date.now() - started < 1000 || percent === lastPercent) return;
          shown = true;
          lastPercent = percent;
          io.stderr.write(`\r${t(lang, 'cli.build.progress', { edition: t(lang, `cli.build.edition.${edition}`), percent })}   `);
        }
      : undefined,
  });
  if (shown) io.stderr.write('\r\u001b[K');
  const written = result.outputs.flatMap((o) => [
    {
      path: o.path,
      kind: 'pdf' as const,
      edition: o.edition,
      bytes: o.bytes,
      sha256: o.sha256,
      ...(o.signed !== undefined ? { signed: o.signed } : {}),
    },
    ...(o.bundle && o.bundleSha256
      ? [
          {
            path: o.bundle,
            kind: 'bundle' as const,
            edition: o.edition,
            bytes: o.bundleBytes ?? 0,
            sha256: o.bundleSha256,
            signed: Boolean(o.signed),
          },
        ]
      : []),
  ]);
  if (result.diagnostics.length > 0 || options.format !== 'text' || result.outputs.length === 0) {
    io.stdout.write(
      reporters[options.format](
        { ...result, written },
        { lang, color: options.format === 'text' && useColor(io), toolVersion: TOOL_VERSION },
      ),
    );
  }
  for (const output of result.outputs) {
    io.stderr.write(
      t(lang, 'cli.build.wrote', {
        path: output.path,
        edition: t(lang, `cli.build.edition.${output.edition}`),
        size: Math.ceil(output.bytes / 1024),
        withheld: output.withheld,
      }) + '\n',
    );
    if (output.bundle)
      io.stderr.write(t(lang, output.signed ? 'cli.build.wroteSignedBundle' : 'cli.build.wroteBundle', { path: output.bundle }) + '\n');
  }
  return result;
}

/** The options of a progress report go together, and only with it. */
function checkProgressOptions(options: BuildCommandOptions): void {
  const progressOnly = (['asOf', 'from', 'date'] as const).find((key) => options[key] !== undefined);
  if (options.document !== 'progress') {
    if (progressOnly)
      throw new UsageError(
        'cli.build.progressOnly',
        { option: `--${progressOnly.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` },
        'cli.build.progressOnly.hint',
      );
    return;
  }
  if (options.asOf === undefined) throw new UsageError('cli.build.asOfRequired', {}, 'cli.build.asOfRequired.hint');
  if (options.from !== undefined && options.from > options.asOf)
    throw new UsageError('cli.build.fromAfterAsOf', { from: options.from, asOf: options.asOf }, 'cli.build.fromAfterAsOf.hint');
  if (options.compareWith !== undefined) throw new UsageError('cli.build.progressCompare', {}, 'cli.build.progressCompare.hint');
}

/** Rebuilds when a file of the filing changes; runs until interrupted. */
function watchAndRebuild(filing: string, rebuild: () => Promise<unknown>): Promise<void> {
  return new Promise((_resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    let running = false;
    let again = false;
    const trigger = () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        if (running) {
          again = true;
          return;
        }
        running = true;
        try {
          do {
            again = false;
            await rebuild();
          } while (again);
        } catch (error) {
          // a fault of taisei's own: said as main says it (exit 70), not an unhandled rejection
          reject(error);
        } finally {
          running = false;
        }
      }, 200);
    };
    // a filing of one file is watched through its folder: an editor that saves by writing a new file
    // and renaming it over the old one leaves a watch on the file itself watching nothing
    const single = !isDirectory(filing);
    const folder = single ? dirname(resolve(filing)) : filing;
    const own = basename(filing);
    watch(folder, { recursive: false }, (_event, name) => {
      // a YAML file, or a list kept as a spreadsheet (transactions.csv, logReviews.xlsx; not Excel's ~$ lock file)
      if (single ? !name || String(name) === own : !name || isYamlFile(String(name)) || isTabularFile(String(name))) trigger();
    });
  });
}
