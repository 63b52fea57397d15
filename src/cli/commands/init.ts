import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { CURRENT_SCHEMA_VERSION } from '../../generated/schemas.js';
import { UsageError } from '../../errors.js';
import { t } from '../../messages/index.js';
import { allProfiles, getProfile } from '../../profiles/index.js';
import { writeFileAtomic } from '../../util/atomic.js';
import { packageRoot } from '../../util/package.js';
import { EXIT, type CliContext } from '../context.js';
import { parsePositiveInteger } from '../options.js';

/** The fiscal year (April–March) that ended most recently, in Japan. */
export function lastEndedFiscalYear(now: Date): number {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'numeric' }).formatToParts(now);
  const year = Number(parts.find((p) => p.type === 'year')!.value);
  const month = Number(parts.find((p) => p.type === 'month')!.value);
  return month >= 4 ? year - 1 : year - 2;
}

export function register(program: Command, ctx: CliContext): void {
  const { lang } = ctx;
  program
    .command('init')
    .description(t(lang, 'cli.init.description'))
    .argument('<dir>', t(lang, 'cli.init.arg.dir'))
    .option('-p, --profile <id>', t(lang, 'cli.init.opt.profile'), 'ippan-15')
    .option('-y, --fiscal-year <year>', t(lang, 'cli.init.opt.fiscalYear'), parsePositiveInteger(lang))
    .action(async (dir: string, options: { profile: string; fiscalYear?: number }) => {
      const profile = getProfile(options.profile);
      if (!profile) throw new UsageError('cli.error.unknownProfile', { value: options.profile, allowed: allProfiles().map((p) => p.id).join(', ') });
      if (existsSync(dir) && readdirSync(dir).length > 0) throw new UsageError('cli.init.notEmpty', { dir }, 'cli.init.notEmpty.hint');
      const schemaPath = join(packageRoot(), 'dist', 'schemas', String(CURRENT_SCHEMA_VERSION), 'section.bundle.schema.json');
      const schemaRef = relative(resolve(ctx.io.cwd, dir), schemaPath).split(sep).join('/');
      const { skeletonFiles } = await import('../../init/skeleton.js');
      const files = skeletonFiles({ profile, fiscalYear: options.fiscalYear ?? lastEndedFiscalYear(new Date()), schemaRef });
      for (const file of files) writeFileAtomic(join(dir, file.name), file.content);
      ctx.io.stderr.write(`${t(lang, 'cli.init.done', { dir, n: files.length })}\n${t(lang, 'cli.init.next', { dir })}\n`);
      ctx.exit(EXIT.ok);
    });
}
