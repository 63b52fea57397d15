import { Option, type Command } from 'commander';
import { TOOL_VERSION } from '../../model/generated/schemas.js';
import { InputOutputError } from '../../errors.js';
import { t } from '../../messages/index.js';
import { diffFilings } from '../../edition/changes.js';
import { DIFF_FORMATS, diffWriters, type DiffFormat } from '../../report/diff.js';
import type { Side } from '../../pipeline/side.js';
import { reporters } from '../../report/diagnostics/index.js';
import { EXIT, type CliContext } from '../context.js';
import { parseChoice } from '../options.js';

export function register(program: Command, ctx: CliContext): void {
  const { lang } = ctx;
  program
    .command('diff')
    .description(t(lang, 'cli.diff.description'))
    .argument('<old>', t(lang, 'cli.diff.arg.old'))
    .argument('<new>', t(lang, 'cli.diff.arg.new'))
    .addOption(
      new Option('-f, --format <format>', t(lang, 'cli.diff.opt.format', { formats: DIFF_FORMATS.join(', ') }))
        .default('text')
        .argParser(parseChoice(lang, DIFF_FORMATS)),
    )
    .option('--exit-code', t(lang, 'cli.diff.opt.exitCode'))
    .action(async (oldPath: string, newPath: string, options: { format: DiffFormat; exitCode?: boolean }) => {
      // reading a side may verify a bundle: loaded when a diff runs
      const { loadSide } = await import('../../pipeline/side.js');
      const sides: Side[] = [];
      for (const path of [oldPath, newPath]) {
        try {
          sides.push(await loadSide(path, lang));
        } catch (error) {
          if (!(error instanceof InputOutputError)) throw error;
          ctx.io.stderr.write(`taisei: ${t(lang, error.messageKey, error.args)}\n`);
          ctx.exit(EXIT.io);
          return;
        }
      }
      const [before, after] = sides as [Side, Side];
      if (!before.data || !after.data) {
        const diagnostics = [...before.diagnostics, ...after.diagnostics];
        ctx.io.stdout.write(
          reporters.text(
            { results: [], diagnostics, files: [oldPath, newPath], ioFailure: false },
            { lang, color: false, toolVersion: TOOL_VERSION },
          ),
        );
        ctx.exit(EXIT.findings);
        return;
      }
      const diff = diffFilings(before.data, after.data, after.profile);
      ctx.io.stdout.write(diffWriters[options.format](diff, lang));
      // as git diff --exit-code: 1 when the filings differ
      const differ = diff.sections.some(
        (section) => section.fields.length > 0 || section.lists.some((l) => l.added + l.removed + l.changed > 0),
      );
      ctx.exit(options.exitCode && differ ? EXIT.findings : EXIT.ok);
    });
}
