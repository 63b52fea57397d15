import { realpathSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../../errors.js';
import { t } from '../../messages/index.js';
import { COMPARE_FORMATS, compareWriters, progressWriters, type CompareFormat } from '../../report/compare.js';
import { writeFileAtomic } from '../../util/atomic.js';
import { EXIT, type CliContext } from '../context.js';
import { parseChoice, parseFiscalYear, sourceDateEpoch } from '../options.js';

export function register(program: Command, ctx: CliContext): void {
  const { lang } = ctx;
  const extensions = COMPARE_FORMATS.map((f) => `.${f}`).join(', ');
  program
    .command('compare')
    .description(t(lang, 'cli.compare.description'))
    .requiredOption('-d, --db <file>', t(lang, 'cli.compare.opt.db'))
    .requiredOption('-o, --out <file>', t(lang, 'cli.compare.opt.out', { formats: extensions }))
    .option('-y, --fiscal-year <year>', t(lang, 'cli.compare.opt.fiscalYear'), parseFiscalYear(lang))
    .option('--filer <number>', t(lang, 'cli.compare.opt.filer'))
    .addOption(
      new Option('--document <kind>', t(lang, 'cli.compare.opt.document'))
        .default('filing')
        .argParser(parseChoice(lang, ['filing', 'progress'] as const)),
    )
    .action(async (options: { db: string; out: string; fiscalYear?: number; filer?: string; document: 'filing' | 'progress' }) => {
      const kind = extname(options.out).toLowerCase().slice(1);
      if (!(COMPARE_FORMATS as string[]).includes(kind))
        throw new UsageError('cli.compare.badOut', { path: options.out, formats: extensions }, 'cli.compare.badOut.hint');
      // the report written over the database it is read from would lose the database
      if (samePath(options.out, options.db)) throw new UsageError('cli.outputIsInput', { path: options.out }, 'cli.outputIsInput.hint');
      const { openDatabase } = await import('../../regulator/db.js');
      if (options.document === 'progress') {
        await writeProgress(options, kind as CompareFormat, ctx, openDatabase);
        return;
      }
      const { compareRows } = await import('../../regulator/compare.js');
      const db = openDatabase(options.db, { create: false });
      let rows;
      try {
        rows = compareRows(db, options.fiscalYear);
      } finally {
        db.close();
      }
      if (options.filer !== undefined) {
        rows = rows.filter((row) => row.corporateNumber === options.filer);
        if (rows.length === 0)
          throw new UsageError('cli.compare.noFiler', { number: options.filer, db: options.db }, 'cli.compare.noFiler.hint');
      }
      // when, from which database: SOURCE_DATE_EPOCH pins the date (a report made again, byte for byte)
      const asOf = (sourceDateEpoch(ctx.io.env) ?? new Date()).toISOString().slice(0, 10);
      const bytes = await compareWriters[kind as CompareFormat](rows, lang, {
        filer: options.filer !== undefined,
        source: options.db,
        asOf,
      });
      writeFileAtomic(options.out, bytes);
      ctx.io.stderr.write(t(lang, 'cli.compare.done', { path: options.out, n: rows.length }) + '\n');
      ctx.exit(EXIT.ok);
    });
}

/** compare --document progress: each filer's shared systems and late measures at each as-of date. */
async function writeProgress(
  options: { db: string; out: string; fiscalYear?: number; filer?: string },
  kind: CompareFormat,
  ctx: CliContext,
  openDatabase: typeof import('../../regulator/db.js').openDatabase,
): Promise<void> {
  const { lang } = ctx;
  const { progressRows } = await import('../../regulator/progress.js');
  const db = openDatabase(options.db, { create: false });
  let rows;
  try {
    rows = progressRows(db);
  } finally {
    db.close();
  }
  // a fiscal year: the reports whose as-of date falls in it (April to March)
  const year = options.fiscalYear;
  if (year !== undefined) rows = rows.filter((r) => r.asOf >= `${year}-04-01` && r.asOf <= `${year + 1}-03-31`);
  if (options.filer !== undefined) {
    rows = rows.filter((row) => row.corporateNumber === options.filer);
    if (rows.length === 0)
      throw new UsageError('cli.compare.noFiler', { number: options.filer, db: options.db }, 'cli.compare.noFiler.hint');
  }
  const asOf = (sourceDateEpoch(ctx.io.env) ?? new Date()).toISOString().slice(0, 10);
  const bytes = await progressWriters[kind](rows, lang, { filer: options.filer !== undefined, source: options.db, asOf });
  writeFileAtomic(options.out, bytes);
  ctx.io.stderr.write(t(lang, 'cli.compare.doneProgress', { path: options.out, n: rows.length }) + '\n');
  ctx.exit(EXIT.ok);
}

/** Whether two paths name one file (through links and relative parts), as far as can be told. */
function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}
