import { readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { isDirectory } from '../../util/regular-file.js';
import type { KeyObject } from 'node:crypto';
import { TOOL_VERSION } from '../../model/generated/schemas.js';
import { t } from '../../messages/index.js';
import type { Diagnostic } from '../../diagnostics.js';
import type { ValidateResult } from '../../validate/index.js';
import { reporters, type ReportFormat } from '../../report/diagnostics/index.js';
import { EXIT, useColor, type CliContext } from '../context.js';
import { addFormatOption } from '../options.js';

export function register(program: Command, ctx: CliContext): void {
  const { lang } = ctx;
  const command = program
    .command('ingest')
    .description(t(lang, 'cli.ingest.description'))
    .argument('<bundles...>', t(lang, 'cli.verify.arg.bundles'))
    .requiredOption('-d, --db <file>', t(lang, 'cli.ingest.opt.db'))
    .option('-k, --keys <dir>', t(lang, 'cli.ingest.opt.keys'))
    .option('--require-signature', t(lang, 'cli.ingest.opt.requireSignature'));
  addFormatOption(command, lang).action(
    async (bundles: string[], options: { db: string; keys?: string; requireSignature?: boolean; format: ReportFormat }) => {
      const { openDatabase } = await import('../../regulator/db.js');
      const { ingestBundle } = await import('../../regulator/ingest.js');
      const { readPublicKey } = await import('../../bundle/keys.js');
      if (options.keys !== undefined && !isDirectory(options.keys))
        throw new UsageError('cli.ingest.noKeys', { path: options.keys }, 'cli.ingest.noKeys.hint');
      const keys: KeyObject[] = options.keys
        ? readdirSync(options.keys)
            .filter((n) => extname(n) === '.pem' && !n.endsWith('.key.pem'))
            .sort()
            .map((n) => readPublicKey(join(options.keys!, n)))
        : [];
      const db = openDatabase(options.db, { create: true });
      // the trust register, read once for every bundle of the run
      const { trustRegister } = await import('../../regulator/trust.js');
      const trust = trustRegister(db);
      const diagnostics: Diagnostic[] = [];
      const counts = { ingested: 0, amended: 0, duplicate: 0, rejected: 0 };
      const ingested: NonNullable<ValidateResult['ingested']> = [];
      try {
        for (const bundle of bundles) {
          const result = await ingestBundle(db, bundle, { lang, keys, requireSignature: options.requireSignature, trust });
          counts[result.status]++;
          const reasons = result.status === 'rejected' ? result.diagnostics.filter((d) => d.severity === 'error') : [];
          for (const d of reasons) diagnostics.push(d);
          ingested.push({
            path: bundle,
            status: result.status === 'duplicate' ? 'skipped' : result.status === 'rejected' ? 'refused' : result.status,
            ...(result.hash ? { hash: result.hash } : {}),
            ...(reasons.length > 0 ? { reasons: reasons.map((d) => d.code) } : {}),
          });
          ctx.io.stderr.write(t(lang, `cli.ingest.${result.status}`, { path: bundle }) + '\n');
        }
      } finally {
        db.close();
      }
      if (bundles.length > 1) ctx.io.stderr.write(t(lang, 'cli.ingest.summary', { ...counts, db: options.db }) + '\n');
      if (diagnostics.length > 0 || options.format !== 'text') {
        ctx.io.stdout.write(
          reporters[options.format](
            { results: [], diagnostics, files: bundles, ioFailure: false, ingested },
            { lang, color: options.format === 'text' && useColor(ctx.io), toolVersion: TOOL_VERSION },
          ),
        );
      }
      ctx.exit(counts.rejected > 0 ? EXIT.findings : EXIT.ok);
    },
  );
}
