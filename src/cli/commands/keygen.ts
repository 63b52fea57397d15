import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { t } from '../../messages/index.js';
import { writeFileAtomic } from '../../util/atomic.js';
import { EXIT, type CliContext } from '../context.js';

export function register(program: Command, ctx: CliContext): void {
  const { lang } = ctx;
  program
    .command('keygen')
    .description(t(lang, 'cli.keygen.description'))
    .option('-o, --out <dir>', t(lang, 'cli.keygen.opt.out'), '.')
    .option('-n, --name <name>', t(lang, 'cli.keygen.opt.name'), 'taisei')
    .action(async (options: { out: string; name: string }) => {
      const privatePath = join(options.out, `${options.name}.key.pem`);
      const publicPath = join(options.out, `${options.name}.pub.pem`);
      for (const path of [privatePath, publicPath])
        if (existsSync(path)) throw new UsageError('cli.keygen.exists', { path }, 'cli.keygen.exists.hint');
      const { generateKeys } = await import('../../bundle/keys.js');
      const keys = generateKeys();
      writeFileAtomic(privatePath, keys.privatePem, 0o600);
      writeFileAtomic(publicPath, keys.publicPem);
      ctx.io.stderr.write(t(lang, 'cli.keygen.done', { privatePath, publicPath, id: keys.id }) + '\n');
      ctx.exit(EXIT.ok);
    });
}
