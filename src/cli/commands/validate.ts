import type { Command } from 'commander';
import { TOOL_VERSION } from '../../model/generated/schemas.js';
import { t } from '../../messages/index.js';
import { validatePaths } from '../../validate/index.js';
import { reporters, type ReportFormat } from '../../report/diagnostics/index.js';
import { EXIT, useColor, type CliContext } from '../context.js';
import { addInputOptions } from '../options.js';

export function register(program: Command, ctx: CliContext): void {
  const { lang } = ctx;
  addInputOptions(
    program.command('validate').description(t(lang, 'cli.validate.description')).argument('[paths...]', t(lang, 'cli.validate.arg.paths')),
    lang,
  ).action(async (paths: string[], options: { format: ReportFormat; config?: string; maxFileSize?: number }) => {
    const result = await validatePaths(paths.length > 0 ? paths : ['.'], {
      lang,
      configPath: options.config,
      maxFileMB: options.maxFileSize,
    });
    const output = reporters[options.format](result, {
      lang,
      color: options.format === 'text' && useColor(ctx.io),
      toolVersion: TOOL_VERSION,
    });
    ctx.io.stdout.write(output);
    ctx.exit(result.ioFailure ? EXIT.io : result.diagnostics.some((d) => d.severity === 'error') ? EXIT.findings : EXIT.ok);
  });
}
