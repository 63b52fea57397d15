import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { InputOutputError, UsageError } from '../../errors.js';
import { t, type MessageKey } from '../../messages/index.js';
import { readRegularFile } from '../../util/regular-file.js';
import { EXIT, type CliContext } from '../context.js';

/** Who runs the command, for the register's record (the account's name unless --by says). */
function whoRuns(by: string | undefined): string {
  if (by) return by;
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

export function register(program: Command, ctx: CliContext): void {
  const { lang } = ctx;
  const trust = program.command('trust').description(t(lang, 'cli.trust.description'));
  trust
    .command('add')
    .description(t(lang, 'cli.trust.add.description'))
    .argument('<files...>', t(lang, 'cli.trust.add.arg.files'))
    .requiredOption('-d, --db <file>', t(lang, 'cli.trust.opt.db'))
    .option('--pin <corporate-number>', t(lang, 'cli.trust.add.opt.pin'))
    .option('--crl', t(lang, 'cli.trust.add.opt.crl'))
    .option('--by <name>', t(lang, 'cli.trust.add.opt.by'))
    .option('--note <text>', t(lang, 'cli.trust.add.opt.note'))
    .action(async (files: string[], options: { db: string; pin?: string; crl?: boolean; by?: string; note?: string }) => {
      if (options.pin !== undefined && !/^\d{13}$/.test(options.pin))
        throw new UsageError('cli.trust.badPin', { value: options.pin }, 'cli.trust.badPin.hint');
      const { openDatabase } = await import('../../regulator/db.js');
      const store = await import('../../regulator/trust.js');
      const { certificatesOf } = await import('../../bundle/x509.js');
      const db = openDatabase(options.db, { create: true });
      const now = new Date();
      const by = whoRuns(options.by);
      try {
        for (const file of files) {
          const bytes = readRegularFile(file, 'cli.verify.trust.hint');
          if (options.crl) {
            const entry = store.addCrl(db, bytes, { by, now, ...(options.note ? { note: options.note } : {}) });
            ctx.io.stderr.write(t(lang, 'cli.trust.addedCrl', { path: file, fingerprint: entry.fingerprint.slice(0, 16) }) + '\n');
            continue;
          }
          let ders: Buffer[];
          try {
            ders = certificatesOf(bytes);
          } catch {
            throw new InputOutputError('cli.verify.trust.notCertificate', { path: file }, 'cli.verify.trust.hint');
          }
          for (const der of ders) {
            try {
              const entry = store.addCertificate(db, der, {
                by,
                now,
                ...(options.pin ? { pin: options.pin } : {}),
                ...(options.note ? { note: options.note } : {}),
              });
              ctx.io.stderr.write(
                t(lang, entry.kind === 'issuer' ? 'cli.trust.addedIssuer' : 'cli.trust.addedPinned', {
                  subject: entry.subject,
                  number: entry.corporateNumber ?? '',
                  fingerprint: entry.fingerprint.slice(0, 16),
                }) + '\n',
              );
            } catch (error) {
              if (!(error instanceof store.TrustError)) throw error;
              throw new UsageError(
                `cli.trust.${error.reason}` as MessageKey,
                { path: file, detail: error.detail },
                `cli.trust.${error.reason}.hint` as MessageKey,
              );
            }
          }
        }
      } finally {
        db.close();
      }
      ctx.exit(EXIT.ok);
    });
  trust
    .command('list')
    .description(t(lang, 'cli.trust.list.description'))
    .requiredOption('-d, --db <file>', t(lang, 'cli.trust.opt.db'))
    .option('-f, --format <format>', t(lang, 'cli.trust.list.opt.format'), 'text')
    .action(async (options: { db: string; format: string }) => {
      const { openDatabase } = await import('../../regulator/db.js');
      const { listEntries } = await import('../../regulator/trust.js');
      const db = openDatabase(options.db, { create: false });
      const entries = listEntries(db);
      db.close();
      if (options.format === 'json') ctx.io.stdout.write(JSON.stringify(entries, null, 2) + '\n');
      else if (entries.length === 0) ctx.io.stdout.write(t(lang, 'cli.trust.empty') + '\n');
      else
        for (const e of entries)
          ctx.io.stdout.write(
            `${e.fingerprint.slice(0, 16)}  ${t(lang, `cli.trust.kind.${e.kind}`)}${e.corporateNumber ? ` ${e.corporateNumber}` : ''}  ${e.subject}  ${t(lang, 'cli.trust.addedBy', { by: e.addedBy, at: e.added.slice(0, 10) })}${e.notAfter ? `  ${t(lang, 'cli.trust.until', { until: e.notAfter.slice(0, 10) })}` : ''}\n`,
          );
      ctx.exit(EXIT.ok);
    });
  trust
    .command('remove')
    .description(t(lang, 'cli.trust.remove.description'))
    .argument('<fingerprint>', t(lang, 'cli.trust.remove.arg'))
    .requiredOption('-d, --db <file>', t(lang, 'cli.trust.opt.db'))
    .action(async (fingerprint: string, options: { db: string }) => {
      const { openDatabase } = await import('../../regulator/db.js');
      const store = await import('../../regulator/trust.js');
      const db = openDatabase(options.db, { create: false });
      try {
        const n = store.removeEntry(db, fingerprint);
        ctx.io.stderr.write(t(lang, 'cli.trust.removed', { n, fingerprint }) + '\n');
      } catch (error) {
        if (!(error instanceof store.TrustError)) throw error;
        throw new UsageError('cli.trust.notFound', { path: options.db, detail: fingerprint }, 'cli.trust.notFound.hint');
      } finally {
        db.close();
      }
      ctx.exit(EXIT.ok);
    });
}
