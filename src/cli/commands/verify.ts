import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Command } from 'commander';
import { TOOL_VERSION } from '../../model/generated/schemas.js';
import { InputOutputError } from '../../errors.js';
import { t } from '../../messages/index.js';
import type { Diagnostic } from '../../diagnostics.js';
import { reporters, type ReportFormat } from '../../report/diagnostics/index.js';
import { EXIT, useColor, type CliContext } from '../context.js';
import { addFormatOption } from '../options.js';

/**
 * The bundle of the same build as a report PDF: the .zip of the same name among the files given,
 * else the one beside it (taisei build writes them side by side).
 */
function companionOf(file: string, given: readonly string[]): string | undefined {
  if (extname(file).toLowerCase() !== '.pdf') return undefined;
  const stem = basename(file, extname(file));
  const named = given.find((other) => extname(other).toLowerCase() === '.zip' && basename(other, extname(other)) === stem);
  if (named) return named;
  const beside = join(dirname(file), `${stem}.zip`);
  return existsSync(beside) ? beside : undefined;
}

export function register(program: Command, ctx: CliContext): void {
  const { lang } = ctx;
  const command = program
    .command('verify')
    .description(t(lang, 'cli.verify.description'))
    .argument('<bundles...>', t(lang, 'cli.verify.arg.bundles'))
    .option('-k, --key <pem...>', t(lang, 'cli.verify.opt.key'))
    .option('--require-signature', t(lang, 'cli.verify.opt.requireSignature'));
  addFormatOption(command, lang).action(
    async (bundles: string[], options: { key?: string[]; requireSignature?: boolean; format: ReportFormat }) => {
      const { verifyFile } = await import('../../bundle/verify-pdf.js');
      const { readPublicKey } = await import('../../bundle/keys.js');
      const keys = (options.key ?? []).map((path) => readPublicKey(path));
      const diagnostics: Diagnostic[] = [];
      let ioFailure = false;
      for (const bundle of bundles) {
        try {
          const companion = companionOf(bundle, bundles);
          diagnostics.push(
            ...(await verifyFile(bundle, { lang, keys, requireSignature: options.requireSignature, companion })).diagnostics,
          );
        } catch (error) {
          if (!(error instanceof InputOutputError)) throw error;
          ioFailure = true;
          diagnostics.push({
            code: 'io/not-found',
            severity: 'error',
            file: bundle,
            message: t(lang, error.messageKey, error.args),
            ...(error.hintKey ? { hint: t(lang, error.hintKey, error.args) } : {}),
          });
        }
      }
      const result = { results: [], diagnostics, files: bundles, ioFailure };
      ctx.io.stdout.write(
        reporters[options.format](result, { lang, color: options.format === 'text' && useColor(ctx.io), toolVersion: TOOL_VERSION }),
      );
      // a signature nobody checked must not read as a pass: the summary says so
      const unchecked = diagnostics.filter((d) => d.code === 'bundle/signature-unchecked').length;
      if (options.format === 'text' && unchecked > 0)
        ctx.io.stdout.write(`${t(lang, 'verify.signatureUnchecked', { count: unchecked })}\n`);
      ctx.exit(ioFailure ? EXIT.io : diagnostics.some((d) => d.severity === 'error') ? EXIT.findings : EXIT.ok);
    },
  );
}
