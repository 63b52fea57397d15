// Documentation generated from the rules themselves: docs/rules.md and the table in the README.
import type { Lang } from '../messages/index.js';
import { allProfiles } from '../profiles/index.js';
import { basesOf } from '../model/wording.js';
import { ruleText } from './engine.js';
import { RULES } from './registry.js';

export function rulesMarkdown(): string {
  const section = (lang: Lang) =>
    RULES.map((rule) => {
      const text = (part: string) => ruleText(lang, rule.id, part);
      return [
        `### ${rule.id}`,
        '',
        `**${text('title')}** — ${rule.severity}, ${basesOf(rule, allProfiles())}`,
        '',
        text('why'),
        '',
        `${lang === 'ja' ? '対処' : 'Fix'}: ${text('fix')}`,
        '',
        '```yaml',
        text('example'),
        '```',
        '',
      ].join('\n');
    }).join('\n');
  return [
    '# Filing rules',
    '',
    '<!-- Generated from the rules in src/rules, each with its own wording, by `npm run docs`. Do not edit. -->',
    '',
    'The checks that JSON Schema cannot express, run by `validate` and `build` after the schema. Each has a',
    'stable id (the diagnostic code), a legal basis and a default severity, which `taisei.config.yaml` can',
    're-level or turn off with a written justification. `taisei rules explain <id>` prints the same text.',
    '',
    '## English',
    '',
    section('en'),
    '## 日本語',
    '',
    section('ja'),
  ].join('\n');
}

export function rulesTable(): string {
  return [
    '| id | severity | checks | basis |',
    '|---|---|---|---|',
    ...RULES.map((r) => `| \`${r.id}\` | ${r.severity} | ${ruleText('en', r.id, 'title')} | ${basesOf(r, allProfiles())} |`),
  ].join('\n');
}
