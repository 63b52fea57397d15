import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { SCHEMA_VERSIONS } from '../../generated/schemas.js';
import { t } from '../../messages/index.js';
import { writeFileAtomic } from '../../util/atomic.js';
import { packageRoot } from '../../util/package.js';
import { EXIT, type CliContext } from '../context.js';

/** Every schema file the package ships: sources per version, bundles per version, profile and config. */
export function schemaFiles(): { name: string; path: string }[] {
  const root = packageRoot();
  const files: { name: string; path: string }[] = [];
  for (const version of SCHEMA_VERSIONS) {
    const source = join(root, 'schemas', String(version));
    for (const name of readdirSync(source).sort()) files.push({ name: `${version}/${name}`, path: join(source, name) });
    for (const name of ['filing.bundle.schema.json', 'section.bundle.schema.json']) files.push({ name: `${version}/${name}`, path: join(root, 'dist', 'schemas', String(version), name) });
  }
  for (const name of ['profile.schema.json', 'config.schema.json', 'manifest.schema.json', 'bundle-filing.schema.json']) files.push({ name, path: join(root, 'schemas', name) });
  return files;
}

export function register(program: Command, ctx: CliContext): void {
  const { lang } = ctx;
  program
    .command('schema')
    .description(t(lang, 'cli.schema.description'))
    .option('-o, --out <dir>', t(lang, 'cli.schema.opt.out'))
    .action((options: { out?: string }) => {
      const files = schemaFiles();
      if (!options.out) {
        const current = files.find((f) => f.name === `${SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]}/filing.bundle.schema.json`)!;
        ctx.io.stdout.write(readFileSync(current.path, 'utf8'));
      } else {
        for (const file of files) writeFileAtomic(join(options.out, file.name), readFileSync(file.path));
        ctx.io.stderr.write(t(lang, 'cli.schema.done', { dir: options.out, n: files.length }) + '\n');
      }
      ctx.exit(EXIT.ok);
    });
}
