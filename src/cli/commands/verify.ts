import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Command } from 'commander';
import { TOOL_VERSION } from '../../model/generated/schemas.js';
import { InputOutputError } from '../../errors.js';
import { readRegularFile } from '../../util/regular-file.js';
import { t } from '../../messages/index.js';
import type { Diagnostic, VerifiedFiling } from '../../diagnostics.js';
import type { VerifiedBundle } from '../../bundle/verify.js';
import { reporters, type ReportFormat } from '../../report/diagnostics/index.js';
import { EXIT, useColor, type CliContext } from '../context.js';
import { addFormatOption } from '../options.js';

/**
 * The bundle of the same build as a report PDF: the .zip of the same name beside it (taisei build
 * writes them side by side), else the one .zip of that name among the files given. Two filers'
 * report-2024-submission.zip in two folders are two bundles: a PDF is never paired with another
 * folder's while its own is there, nor with one of several.
 */
function companionOf(file: string, given: readonly string[]): string | undefined {
  if (extname(file).toLowerCase() !== '.pdf') return undefined;
  const stem = basename(file, extname(file));
  const beside = join(dirname(file), `${stem}.zip`);
  if (existsSync(beside)) return beside;
  const named = given.filter((other) => extname(other).toLowerCase() === '.zip' && basename(other, extname(other)) === stem);
  return named.length === 1 ? named[0] : undefined;
}

export function register(program: Command, ctx: CliContext): void {
  const { lang } = ctx;
  const command = program
    .command('verify')
    .description(t(lang, 'cli.verify.description'))
    .argument('<bundles...>', t(lang, 'cli.verify.arg.bundles'))
    .option('-k, --key <pem...>', t(lang, 'cli.verify.opt.key'))
    .option('--require-signature', t(lang, 'cli.verify.opt.requireSignature'))
    .option('--trust <pem...>', t(lang, 'cli.verify.opt.trust'))
    .option('--crl <file...>', t(lang, 'cli.verify.opt.crl'));
  addFormatOption(command, lang).action(
    async (
      bundles: string[],
      options: { key?: string[]; requireSignature?: boolean; trust?: string[]; crl?: string[]; format: ReportFormat },
    ) => {
      const { verifyFile } = await import('../../bundle/verify-pdf.js');
      const { readPublicKey } = await import('../../bundle/keys.js');
      const keys = (options.key ?? []).map((path) => readPublicKey(path));
      const trust = options.trust || options.crl ? await trustFromFiles(options.trust ?? [], options.crl ?? []) : undefined;
      const diagnostics: Diagnostic[] = [];
      const verified: VerifiedFiling[] = [];
      let ioFailure = false;
      for (const bundle of bundles) {
        try {
          const companion = companionOf(bundle, bundles);
          const result = await verifyFile(bundle, {
            lang,
            keys,
            requireSignature: options.requireSignature,
            companion,
            ...(trust ? { trust } : {}),
          });
          diagnostics.push(...result.diagnostics);
          const proof = provenOf(result);
          if (proof) verified.push(proof);
        } catch (error) {
          if (!(error instanceof InputOutputError)) throw error;
          ioFailure = true;
          diagnostics.push({
            code: 'io/not-found',
            severity: 'error',
            file: bundle,
            message: t(lang, error.messageKey, error.args),
            ...(error.hintKey ? { hint: t(lang, error.hintKey, error.args) } : {}),
          });
        }
      }
      const result = { results: [], diagnostics, files: bundles, ioFailure, verified };
      ctx.io.stdout.write(
        reporters[options.format](result, { lang, color: options.format === 'text' && useColor(ctx.io), toolVersion: TOOL_VERSION }),
      );
      // a signature nobody checked must not read as a pass: the summary says so
      const unchecked = diagnostics.filter((d) => d.code === 'bundle/signature-unchecked').length;
      if (options.format === 'text' && unchecked > 0)
        ctx.io.stdout.write(`${t(lang, 'verify.signatureUnchecked', { count: unchecked })}\n`);
      ctx.exit(ioFailure ? EXIT.io : diagnostics.some((d) => d.severity === 'error') ? EXIT.findings : EXIT.ok);
    },
  );
}

/**
 * A trust register from files: each certificate of a CA (basicConstraints CA) is a trusted issuer,
 * any other is pinned for the 法人番号 its subject carries; each CRL as given.
 */
async function trustFromFiles(certificates: readonly string[], crls: readonly string[]) {
  const { certificatesOf, trustEntryOf } = await import('../../bundle/x509.js');
  const register: import('../../bundle/x509.js').TrustRegister = { issuers: [], pinned: [], crls: [] };
  for (const path of certificates) {
    let ders: Buffer[];
    try {
      ders = certificatesOf(readRegularFile(path, 'cli.verify.trust.hint'));
    } catch (error) {
      if (error instanceof InputOutputError) throw error;
      throw new InputOutputError('cli.verify.trust.notCertificate', { path }, 'cli.verify.trust.hint');
    }
    for (const der of ders) {
      const standing = trustEntryOf(der);
      if (standing.kind === 'issuer') register.issuers.push(der);
      else if (standing.kind === 'pinned') register.pinned.push({ corporateNumber: standing.corporateNumber, certificate: der });
      else throw new InputOutputError('cli.verify.trust.noNumber', { path }, 'cli.verify.trust.hint');
    }
  }
  for (const path of crls) register.crls.push(readRegularFile(path, 'cli.verify.trust.hint'));
  return register;
}

/** What verify proved of a file that passed: whose filing, signed by whom, and which checks it passed. */
function provenOf(r: VerifiedBundle): VerifiedFiling | undefined {
  if (!r.filing || r.diagnostics.some((d) => d.severity === 'error')) return undefined;
  const filer = r.filing.filing.filer as { name?: unknown; corporateNumber?: unknown } | undefined;
  const signer = r.signer;
  const legacyChecked = r.diagnostics.some((d) => d.code === 'bundle/signature-legacy');
  return {
    file: r.path,
    filer: { name: String(filer?.name ?? ''), corporateNumber: String(filer?.corporateNumber ?? '') },
    fiscalYear: Number(r.filing.filing.fiscalYear),
    edition: r.filing.edition,
    profile: r.filing.profile,
    ...(r.progress ? { progress: { asOf: r.progress.asOf, period: r.progress.period } } : {}),
    signature: signer
      ? {
          kind: 'certificate',
          subject: signer.subject,
          issuer: signer.issuer,
          fingerprint: signer.fingerprint,
          ...(signer.signingTime ? { signingTime: signer.signingTime } : {}),
          ...(signer.trusted ? { trusted: signer.trusted } : {}),
        }
      : r.signed && r.legacySignature
        ? { kind: 'ed25519', checked: legacyChecked }
        : null,
    checks: [
      ...(r.manifest ? ['archive', 'hashes', 'manifest'] : ['pdf-data']),
      ...(signer || (r.signed && (!r.legacySignature || legacyChecked)) ? ['signature'] : []),
      ...(signer?.trusted ? ['signer'] : []),
      'filing',
      'rules',
      ...(r.progress ? ['progress'] : []),
    ],
  };
}
