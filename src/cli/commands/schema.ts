import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { SCHEMA_BASES, SCHEMA_VERSIONS } from '../../model/generated/schemas.js';
import { t } from '../../messages/index.js';
import { writeFileAtomic } from '../../util/atomic.js';
import { packageRoot } from '../../util/package.js';
import { EXIT, type CliContext } from '../context.js';

/**
 * Every schema file the package ships: sources per version, bundles per version, profile and config.
 * A version's folder in the package holds only what changed from its base; written out, each
 * version's folder is whole: the base's files come along, their $id moved to the version.
 */
export function schemaFiles(): { name: string; path: string; fromVersion?: number }[] {
  const root = packageRoot();
  const files: { name: string; path: string; fromVersion?: number }[] = [];
  const sources = (version: number): Map<string, { path: string; version: number }> => {
    const base = SCHEMA_BASES[version];
    const map = base === undefined ? new Map<string, { path: string; version: number }>() : sources(base);
    const dir = join(root, 'schemas', String(version));
    for (const name of readdirSync(dir)) map.set(name, { path: join(dir, name), version });
    return map;
  };
  for (const version of SCHEMA_VERSIONS) {
    const own = sources(version);
    for (const name of [...own.keys()].sort()) {
      const source = own.get(name)!;
      files.push({ name: `${version}/${name}`, path: source.path, ...(source.version !== version ? { fromVersion: source.version } : {}) });
    }
    for (const name of ['filing.bundle.schema.json', 'section.bundle.schema.json'])
      files.push({ name: `${version}/${name}`, path: join(root, 'dist', 'schemas', String(version), name) });
  }
  for (const name of [
    'profile.schema.json',
    'config.schema.json',
    'manifest.schema.json',
    'bundle-filing.schema.json',
    'assessment.schema.json',
    'internal-control-catalogue.schema.json',
  ])
    files.push({ name, path: join(root, 'schemas', name) });
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
        for (const file of files) {
          const text = readFileSync(file.path, 'utf8');
          const moved =
            file.fromVersion === undefined
              ? text
              : text.replace(
                  `"$id": "https://taisei.dev/schemas/${file.fromVersion}/`,
                  `"$id": "https://taisei.dev/schemas/${file.name.split('/')[0]}/`,
                );
          writeFileAtomic(join(options.out, file.name), moved);
        }
        ctx.io.stderr.write(t(lang, 'cli.schema.done', { dir: options.out, n: files.length }) + '\n');
      }
      ctx.exit(EXIT.ok);
    });
}
