import { Option, type Command } from 'commander';
import { TOOL_VERSION } from '../../generated/schemas.js';
import { t } from '../../messages/index.js';
import { validatePaths } from '../../validate/index.js';
import { REPORT_FORMATS, reporters, type ReportFormat } from '../../validate/reporters/index.js';
import { EXIT, useColor, type CliContext } from '../context.js';
import { parsePositiveNumber, parseChoice } from '../options.js';

export function register(program: Command, ctx: CliContext): void {
  const { lang } = ctx;
  program
    .command('validate')
    .description(t(lang, 'cli.validate.description'))
    .argument('[paths...]', t(lang, 'cli.validate.arg.paths'))
    .addOption(new Option('-f, --format <format>', t(lang, 'cli.opt.format')).default('text').argParser(parseChoice(lang, REPORT_FORMATS)))
    .option('-c, --config <file>', t(lang, 'cli.opt.config'))
    .option('--max-file-size <MB>', t(lang, 'cli.opt.maxFileSize'), parsePositiveNumber(lang))
    .action(async (paths: string[], options: { format: ReportFormat; config?: string; maxFileSize?: number }) => {
      const result = await validatePaths(paths.length > 0 ? paths : ['.'], { lang, configPath: options.config, maxFileMB: options.maxFileSize });
      const output = reporters[options.format](result, { lang, color: options.format === 'text' && useColor(ctx.io), toolVersion: TOOL_VERSION });
      ctx.io.stdout.write(output);
      ctx.exit(result.ioFailure ? EXIT.io : result.diagnostics.some((d) => d.severity === 'error') ? EXIT.findings : EXIT.ok);
    });
}
