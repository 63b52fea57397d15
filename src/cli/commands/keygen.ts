import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { InputOutputError, UsageError } from '../../errors.js';
import { t } from '../../messages/index.js';
import { createFileExclusive } from '../../util/atomic.js';
import { signingPassword } from '../options.js';
import { EXIT, type CliContext } from '../context.js';

/** The file name stems keygen writes by default: a certificate's (.p12, .cert.pem), an Ed25519 pair's. */
export const CERTIFICATE_STEM = 'taisei-signing';
export const KEY_PAIR_STEM = 'taisei';

interface KeygenOptions {
  out: string;
  name?: string;
  passwordFile?: string;
  years: string;
}

export function register(program: Command, ctx: CliContext): void {
  const { lang } = ctx;
  program
    .command('keygen')
    .description(t(lang, 'cli.keygen.description'))
    .argument('[filing]', t(lang, 'cli.keygen.arg.filing'))
    .option('-o, --out <dir>', t(lang, 'cli.keygen.opt.out'), '.')
    .option('-n, --name <name>', t(lang, 'cli.keygen.opt.name'))
    .option('--password-file <file>', t(lang, 'cli.keygen.opt.passwordFile'))
    .option('--years <n>', t(lang, 'cli.keygen.opt.years'), '3')
    .action(async (filing: string | undefined, options: KeygenOptions) => {
      if (filing === undefined) return ed25519(options, ctx);
      // a self-signed certificate naming the filer of the filing given, in a PKCS#12 file
      const years = Number(options.years);
      if (!Number.isInteger(years) || years < 1 || years > 10)
        throw new UsageError('cli.keygen.years', { value: options.years }, 'cli.keygen.years.hint');
      const stem = options.name ?? CERTIFICATE_STEM;
      const p12Path = join(options.out, `${stem}.p12`);
      const certPath = join(options.out, `${stem}.cert.pem`);
      for (const path of [p12Path, certPath])
        if (existsSync(path)) throw new UsageError('cli.keygen.exists', { path }, 'cli.keygen.exists.hint');
      const password = signingPassword(options.passwordFile, ctx.io.env);
      if (!password) throw new UsageError('cli.keygen.noPassword', {}, 'sign.noPassword.hint');
      const { resolveTargets, loadTarget } = await import('../../load/filing.js');
      const [target] = resolveTargets([filing]).filter((x) => x.kind !== 'config');
      const loaded = target ? await loadTarget(target, { lang }) : undefined;
      const filer = loaded?.data?.filer as { name?: unknown; corporateNumber?: unknown } | undefined;
      if (typeof filer?.name !== 'string' || typeof filer.corporateNumber !== 'string' || !/^\d{13}$/.test(filer.corporateNumber))
        throw new InputOutputError('cli.keygen.noFiler', { path: filing }, 'cli.keygen.noFiler.hint');
      const { selfSignedPkcs12 } = await import('../../bundle/x509.js');
      const made = selfSignedPkcs12({ name: filer.name, corporateNumber: filer.corporateNumber }, password, new Date(), years);
      // created exclusively: of several keygens at once into one folder, one wins and the others say so
      if (!createFileExclusive(p12Path, made.p12, 0o600))
        throw new UsageError('cli.keygen.exists', { path: p12Path }, 'cli.keygen.exists.hint');
      if (!createFileExclusive(certPath, made.certificatePem))
        throw new UsageError('cli.keygen.exists', { path: certPath }, 'cli.keygen.exists.hint');
      // the certificate's fingerprint on standard output, for a script; what was written on standard error
      ctx.io.stdout.write(`${made.info.fingerprint}\n`);
      ctx.io.stderr.write(
        t(lang, 'cli.keygen.certificate', {
          p12: p12Path,
          cert: certPath,
          subject: made.info.subject,
          fingerprint: made.info.fingerprint,
          until: made.info.notAfter.slice(0, 10),
        }) + '\n',
      );
      ctx.exit(EXIT.ok);
    });
}

/** The former way: an Ed25519 key pair that signs a bundle (not the PDF), naming a key, not a company. */
async function ed25519(options: KeygenOptions, ctx: CliContext): Promise<void> {
  const { lang } = ctx;
  const name = options.name ?? KEY_PAIR_STEM;
  const privatePath = join(options.out, `${name}.key.pem`);
  const publicPath = join(options.out, `${name}.pub.pem`);
  for (const path of [privatePath, publicPath])
    if (existsSync(path)) throw new UsageError('cli.keygen.exists', { path }, 'cli.keygen.exists.hint');
  const { generateKeys } = await import('../../bundle/keys.js');
  const keys = generateKeys();
  if (!createFileExclusive(privatePath, keys.privatePem, 0o600))
    throw new UsageError('cli.keygen.exists', { path: privatePath }, 'cli.keygen.exists.hint');
  if (!createFileExclusive(publicPath, keys.publicPem))
    throw new UsageError('cli.keygen.exists', { path: publicPath }, 'cli.keygen.exists.hint');
  ctx.io.stdout.write(`${keys.id}\n`);
  ctx.io.stderr.write(t(lang, 'cli.keygen.done', { privatePath, publicPath, id: keys.id }) + '\n');
  ctx.exit(EXIT.ok);
}
