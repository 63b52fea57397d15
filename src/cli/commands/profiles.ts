import { Option, type Command } from 'commander';
import { t, type Lang } from '../../messages/index.js';
import { allProfiles, filerTypeLabel, getProfile, type Profile } from '../../profiles/index.js';
import { UsageError } from '../../errors.js';
import { EXIT, type CliContext } from '../context.js';
import { parseChoice } from '../options.js';

export function register(program: Command, ctx: CliContext): void {
  const { lang } = ctx;
  program
    .command('profiles')
    .description(t(lang, 'cli.profiles.description'))
    .argument('[id]', t(lang, 'cli.profiles.arg.id'))
    .addOption(
      new Option('-f, --format <format>', t(lang, 'cli.profiles.opt.format'))
        .default('text')
        .argParser(parseChoice(lang, ['text', 'json'] as const)),
    )
    .action((id: string | undefined, options: { format: 'text' | 'json' }) => {
      let list = allProfiles();
      if (id !== undefined) {
        const one = getProfile(id);
        if (!one) throw new UsageError('cli.error.unknownProfile', { value: id, allowed: list.map((p) => p.id).join(', ') });
        list = [one];
      }
      ctx.io.stdout.write(
        options.format === 'json' ? JSON.stringify(list, null, 2) + '\n' : list.map((p) => describeProfile(p, lang)).join('\n'),
      );
      ctx.exit(EXIT.ok);
    });
}

function describeProfile(profile: Profile, lang: Lang): string {
  const filerType = filerTypeLabel(lang, profile.filerType);
  const successor = allProfiles().find((p) => p.supersedes === profile.id && p.fiscalYears.from !== undefined);
  const from = profile.fiscalYears.from;
  const to = profile.fiscalYears.to ?? (successor?.fiscalYears.from !== undefined ? successor.fiscalYears.from - 1 : undefined);
  const inForce =
    from !== undefined
      ? t(lang, 'cli.profiles.default', { filerType, from })
      : to !== undefined
        ? t(lang, 'cli.profiles.defaultUntil', { filerType, to })
        : t(lang, 'cli.profiles.defaultOpen', { filerType });
  const width = Math.max(...profile.items.map((item) => item.label.length));
  const lines = [
    `${profile.id}  ${lang === 'ja' ? profile.title : profile.titleEn}`,
    `    ${profile.legalBasis} — ${inForce}${profile.supersedes ? ` (${profile.supersedes} →)` : ''}`,
  ];
  for (const item of profile.items) {
    lines.push(`  ${item.label.padEnd(width, '　')}  ${item.title}`);
    lines.push(
      `  ${'　'.repeat(width)}  ${t(lang, 'cli.profiles.sections')}: ${item.sections.join(', ')}${item.whenEmpty ? ` · ${t(lang, 'cli.profiles.whenEmpty')}` : ''}`,
    );
  }
  return lines.join('\n') + '\n';
}
