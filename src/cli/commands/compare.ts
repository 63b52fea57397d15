import { realpathSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { t } from '../../messages/index.js';
import { COMPARE_FORMATS, compareWriters, type CompareFormat } from '../../report/compare.js';
import { writeFileAtomic } from '../../util/atomic.js';
import { EXIT, type CliContext } from '../context.js';
import { parseFiscalYear, sourceDateEpoch } from '../options.js';

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
    .action(async (options: { db: string; out: string; fiscalYear?: number; filer?: string }) => {
      const kind = extname(options.out).toLowerCase().slice(1);
      if (!(COMPARE_FORMATS as string[]).includes(kind))
        throw new UsageError('cli.compare.badOut', { path: options.out, formats: extensions }, 'cli.compare.badOut.hint');
      // the report written over the database it is read from would lose the database
      if (samePath(options.out, options.db)) throw new UsageError('cli.outputIsInput', { path: options.out }, 'cli.outputIsInput.hint');
      const { openDatabase } = await import('../../regulator/db.js');
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
