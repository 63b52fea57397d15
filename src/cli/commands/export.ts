import { extname } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { TABULAR_SECTIONS } from '../../model/tabular.js';
import { t } from '../../messages/index.js';
import { TOOL_VERSION } from '../../model/generated/schemas.js';
import { reporters } from '../../report/diagnostics/index.js';
import { writeFileAtomic } from '../../util/atomic.js';
import { EXIT, useColor, type CliContext } from '../context.js';

const SECTIONS = Object.keys(TABULAR_SECTIONS).sort();

export function register(program: Command, ctx: CliContext): void {
  const { lang } = ctx;
  program
    .command('export')
    .description(t(lang, 'cli.export.description'))
    .argument('<filing>', t(lang, 'cli.export.arg.filing'))
    .requiredOption('-s, --section <name>', t(lang, 'cli.export.opt.section', { sections: SECTIONS.join(', ') }))
    .requiredOption('-o, --out <file>', t(lang, 'cli.export.opt.out'))
    .action(async (filing: string, options: { section: string; out: string }) => {
      if (!Object.hasOwn(TABULAR_SECTIONS, options.section))
        throw new UsageError(
          'cli.export.badSection',
          { section: options.section, sections: SECTIONS.join(', ') },
          'cli.export.badSection.hint',
        );
      const kind = extname(options.out).toLowerCase();
      if (kind !== '.csv' && kind !== '.xlsx') throw new UsageError('cli.export.badOut', { path: options.out }, 'cli.export.badOut.hint');
      const { validatePaths } = await import('../../validate/index.js');
      const result = await validatePaths([filing], { lang, rules: false });
      const data = result.results[0]?.loaded?.data;
      if (!data || result.ioFailure || result.results[0]?.loaded?.complete === false) {
        ctx.io.stdout.write(reporters.text(result, { lang, color: useColor(ctx.io), toolVersion: TOOL_VERSION }));
        ctx.exit(result.ioFailure ? EXIT.io : EXIT.findings);
        return;
      }
      const { exportTable, tableToCsv, tableToXlsx } = await import('../../init/export.js');
      const table = exportTable(data, TABULAR_SECTIONS[options.section]!);
      const bytes = kind === '.csv' ? tableToCsv(table) : await tableToXlsx(table, options.section);
      writeFileAtomic(options.out, bytes);
      ctx.io.stderr.write(t(lang, 'cli.export.done', { path: options.out, n: table.rows.length, section: options.section }) + '\n');
      ctx.exit(EXIT.ok);
    });
}
