// Runs the rules over a filing that passed the schema: config re-levels or turns off rules (each
// with a written justification), and every finding is worded from the catalogs.
import { attachmentsOnDisk, type AttachmentState } from '../util/confined.js';
import type { Config } from '../model/config.js';
import type { Diagnostic, Severity } from '../diagnostics.js';
import { fill, t, type Lang, type MessageArgs } from '../messages/index.js';
import type { Profile } from '../profiles/index.js';
import { basisOf, wordsOf } from '../model/wording.js';
import { suggest } from '../util/suggest.js';
import { RULES } from './registry.js';
import type { Report, Rule, RuleWording } from './types.js';
import type { Data } from './util.js';
import type { Mark } from '../model/marks.js';

const NO_MARKS: ReadonlyMap<string, Mark> = new Map();

export interface RuleRun {
  diagnostics: Diagnostic[];
  /** Rules whose severity the config changed, with the reason given. */
  relevelled: { id: string; from: Severity; to: Severity | 'off'; justification: string }[];
}

export interface RunOptions {
  lang: Lang;
  profile?: Profile;
  config: Config;
  configPath?: string;
  baseDir: string;
  /** How attachments are found (default: files under baseDir). */
  attachment?: (path: string) => AttachmentState;
  rules?: readonly Rule[];
  /** The filing's publication marks by JSON pointer (none for a bundle). */
  marks?: ReadonlyMap<string, Mark>;
  /**
   * The schema version the filing was written to (a bundle's; default the current one). Rules about
   * sections a version did not have yet do not run: its filer could not have written them.
   */
  schemaVersion?: number;
}

/**
 * A part of a rule's wording: title, why, fix, example, or msg.<name> filled from args. Given the
 * filing's profile, it is in that filer type's words, and {basis} is the rule's provision in the
 * profile's legal text (without one, the basis the rule states).
 */
export function ruleText(lang: Lang, id: string, part: string, args: MessageArgs = {}, profile?: Profile): string {
  const rule = RULES.find((r) => r.id === id);
  const wording = rule?.messages[lang];
  const template = part.startsWith('msg.')
    ? wording?.msg[part.slice(4)]
    : (wording?.[part as Exclude<keyof RuleWording, 'msg'>] as string | undefined);
  if (template === undefined) return `rule.${id}.${part}`;
  return wordsOf(profile)(fill(lang, template, { basis: rule ? basisOf(rule, profile) : '', ...args }));
}

export function runRules(data: Data, options: RunOptions): RuleRun {
  const { lang, profile } = options;
  const rules = options.rules ?? RULES;
  const settings = options.config.rules ?? {};
  const diagnostics: Diagnostic[] = [];
  const relevelled: RuleRun['relevelled'] = [];
  const attachment = options.attachment ?? attachmentsOnDisk(options.baseDir);
  for (const [id, setting] of Object.entries(settings)) {
    const rule = rules.find((r) => r.id === id);
    if (!rule) {
      const near = suggest(
        id,
        rules.map((r) => r.id),
      );
      diagnostics.push({
        code: 'config/unknown-rule',
        severity: 'warning',
        ...(options.configPath ? { file: options.configPath } : {}),
        message: t(lang, 'config.unknownRule', { id }),
        hint: near ? t(lang, 'config.unknownRule.didYouMean', { suggestion: near }) : t(lang, 'config.unknownRule.hint'),
      });
      continue;
    }
    if (setting.severity !== rule.severity)
      relevelled.push({ id, from: rule.severity, to: setting.severity, justification: setting.justification });
  }
  for (const rule of rules) {
    const setting = settings[rule.id];
    if (setting?.severity === 'off') continue;
    if (rule.sinceSchema !== undefined && options.schemaVersion !== undefined && options.schemaVersion < rule.sinceSchema) continue;
    const severity = (setting?.severity ?? rule.severity) as Severity;
    const report = (finding: Report) => {
      diagnostics.push({
        code: rule.id,
        severity,
        pointer: finding.pointer,
        ...(finding.target ? { target: finding.target } : {}),
        message: ruleText(lang, rule.id, `msg.${finding.message}`, finding.args, profile),
        hint: ruleText(lang, rule.id, 'fix', {}, profile),
        ...(finding.related?.length
          ? {
              related: finding.related.map((r) => ({
                pointer: r.pointer,
                message: ruleText(lang, rule.id, `msg.${r.message}`, r.args, profile),
              })),
            }
          : {}),
      });
    };
    rule.check({ data, profile: options.profile, config: options.config, marks: options.marks ?? NO_MARKS, attachment, report });
  }
  for (const r of relevelled) {
    diagnostics.push({
      code: 'config/rule-relevelled',
      severity: 'info',
      ...(options.configPath ? { file: options.configPath } : {}),
      message: t(lang, 'config.ruleRelevelled', { id: r.id, from: r.from, to: r.to }),
      hint: r.justification,
    });
  }
  return { diagnostics, relevelled };
}
