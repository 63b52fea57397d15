import { Option, type Command } from 'commander';
import { UsageError } from '../../errors.js';
import { t, type Lang } from '../../messages/index.js';
import { allProfiles, getProfile, type Profile } from '../../profiles/index.js';
import { basesOf, basisOf } from '../../model/wording.js';
import { ruleText } from '../../rules/engine.js';
import { RULES } from '../../rules/registry.js';
import type { Rule } from '../../rules/types.js';
import { EXIT, type CliContext } from '../context.js';
import { parseChoice } from '../options.js';

/**
 * A rule's documentation in one language: in a profile's words and legal text when one is given,
 * else with the basis of every profile.
 */
export function describeRule(rule: Rule, lang: Lang, profile?: Profile) {
  return {
    id: rule.id,
    title: ruleText(lang, rule.id, 'title', {}, profile),
    severity: rule.severity,
    basis: profile ? basisOf(rule, profile) : basesOf(rule, allProfiles()),
    why: ruleText(lang, rule.id, 'why', {}, profile),
    fix: ruleText(lang, rule.id, 'fix', {}, profile),
    example: ruleText(lang, rule.id, 'example', {}, profile),
  };
}

function profileOption(lang: Lang): Option {
  return new Option('-p, --profile <id>', t(lang, 'cli.rules.opt.profile')).argParser(
    parseChoice(
      lang,
      allProfiles().map((p) => p.id),
    ),
  );
}

export function register(program: Command, ctx: CliContext): void {
  const { lang } = ctx;
  const rules = program.command('rules').description(t(lang, 'cli.rules.description'));
  rules
    .command('list')
    .description(t(lang, 'cli.rules.list.description'))
    .addOption(
      new Option('-f, --format <format>', t(lang, 'cli.profiles.opt.format'))
        .default('text')
        .argParser(parseChoice(lang, ['text', 'json'] as const)),
    )
    .addOption(profileOption(lang))
    .action((options: { format: 'text' | 'json'; profile?: string }) => {
      const profile = options.profile ? getProfile(options.profile) : undefined;
      const described = RULES.map((rule) => describeRule(rule, lang, profile));
      if (options.format === 'json') ctx.io.stdout.write(JSON.stringify(described, null, 2) + '\n');
      else {
        const width = Math.max(...described.map((r) => r.id.length));
        for (const r of described)
          ctx.io.stdout.write(`${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.title}\n${' '.repeat(width + 11)}${r.basis}\n`);
      }
      ctx.exit(EXIT.ok);
    });
  rules
    .command('explain')
    .description(t(lang, 'cli.rules.explain.description'))
    .argument('<id>', t(lang, 'cli.rules.arg.id'))
    .addOption(profileOption(lang))
    .action((id: string, options: { profile?: string }) => {
      const rule = RULES.find((r) => r.id === id);
      if (!rule) throw new UsageError('cli.error.unknownRule', { value: id });
      const r = describeRule(rule, lang, options.profile ? getProfile(options.profile) : undefined);
      const indent = (text: string) =>
        text
          .split('\n')
          .map((line) => `    ${line}`)
          .join('\n');
      ctx.io.stdout.write(
        [
          `${r.id} — ${r.title}`,
          '',
          `  ${t(lang, 'cli.rules.severity')}: ${r.severity}`,
          `  ${t(lang, 'cli.rules.basis')}: ${r.basis}`,
          '',
          `  ${t(lang, 'cli.rules.why')}:`,
          indent(r.why),
          '',
          `  ${t(lang, 'cli.rules.fix')}:`,
          indent(r.fix),
          '',
          `  ${t(lang, 'cli.rules.example')}:`,
          indent(r.example),
          '',
          `  ${t(lang, 'cli.rules.configure', { id: r.id })}`,
          '',
        ].join('\n'),
      );
      ctx.exit(EXIT.ok);
    });
}
