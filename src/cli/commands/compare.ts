import { realpathSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../../errors.js';
import { t, type MessageKey } from '../../messages/index.js';
import { COMPARE_FORMATS, compareWriters, progressWriters, type CompareFormat, type CompareOptions } from '../../report/compare.js';
import type { Database } from '../../regulator/sqlite.js';
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
      const format = kind as CompareFormat;
      if (options.document === 'progress') {
        const { progressRows } = await import('../../regulator/progress.js');
        // a fiscal year: the reports whose as-of date falls in it (April to March)
        const year = options.fiscalYear;
        const inYear = (asOf: string) => year === undefined || (asOf >= `${year}-04-01` && asOf <= `${year + 1}-03-31`);
        await writeReport(
          options,
          ctx,
          (db) => progressRows(db).filter((r) => inYear(r.asOf)),
          (rows, o) => progressWriters[format](rows, lang, o),
          'cli.compare.doneProgress',
        );
      } else {
        const { compareRows } = await import('../../regulator/compare.js');
        await writeReport(
          options,
          ctx,
          (db) => compareRows(db, options.fiscalYear),
          (rows, o) => compareWriters[format](rows, lang, o),
          'cli.compare.done',
        );
      }
    });
}

/**
 * The rows read from the database (nothing written to it), one filer's with --filer, written as the
 * report: compare of the filings, or of the progress reports (--document progress).
 */
async function writeReport<R extends { corporateNumber: string }>(
  options: { db: string; out: string; filer?: string },
  ctx: CliContext,
  read: (db: Database) => R[],
  write: (rows: R[], options: CompareOptions) => Promise<Buffer>,
  done: MessageKey,
): Promise<void> {
  const { openDatabase } = await import('../../regulator/db.js');
  const db = openDatabase(options.db, { create: false });
  let rows: R[];
  try {
    rows = read(db);
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
  writeFileAtomic(options.out, await write(rows, { filer: options.filer !== undefined, source: options.db, asOf }));
  ctx.io.stderr.write(t(ctx.lang, done, { path: options.out, n: rows.length }) + '\n');
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
