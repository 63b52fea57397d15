// taisei.config.yaml as data: its type (generated from schemas/config.schema.json) and its file names.
// Reading and checking it is validate's work (validate/config.ts).
import type { Config } from './generated/data.js';
export type { Config };

/** The names a filing's configuration file may have, in the order they are looked for. */
export const CONFIG_FILE_NAMES = ['taisei.config.yaml', 'taisei.config.yml'];

/** Days after a disaster response ends by which its access is revoked, unless disasterRevocationDays says otherwise. */
export const DEFAULT_REVOCATION_DAYS = 3;

/**
 * What of a filing's configuration changes a verdict: re-levelled or disabled rules with their
 * justifications, and the thresholds and dates the rules read. It travels with the filing (in
 * filing.json, so in the bundle and inside the PDF), and verify and ingest apply it, so that build,
 * verify and ingest give the same findings. How a filing is set (fonts, the appendix) stays behind.
 */
export type VerdictSettings = Pick<Config, 'rules' | 'disasterRevocationDays' | 'profileStart'>;

/** The verdict settings of a configuration, or undefined where it keeps every default. */
export function verdictSettings(config: Config): VerdictSettings | undefined {
  const settings: VerdictSettings = {};
  if (config.rules && Object.keys(config.rules).length > 0) settings.rules = config.rules;
  if (config.disasterRevocationDays !== undefined) settings.disasterRevocationDays = config.disasterRevocationDays;
  if (config.profileStart && Object.keys(config.profileStart).length > 0) settings.profileStart = config.profileStart;
  return Object.keys(settings).length > 0 ? settings : undefined;
}

/** One deviation from the defaults: a rule's severity, or a setting's value. */
export interface SettingRow {
  /** rules/<rule id>, disasterRevocationDays, or profileStart/<profile> */
  setting: string;
  value: string;
  /** the default, where one is known (a rule's own severity) */
  defaultValue: string | null;
  justification: string | null;
}

/** Verdict settings as rows, in a stable order; `defaults` gives a rule's own severity. */
export function settingRows(
  settings: VerdictSettings | undefined,
  defaults: (rule: string) => string | undefined = () => undefined,
): SettingRow[] {
  if (!settings) return [];
  const rows: SettingRow[] = [];
  for (const [id, s] of Object.entries(settings.rules ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)))
    rows.push({ setting: `rules/${id}`, value: s.severity, defaultValue: defaults(id) ?? null, justification: s.justification });
  if (settings.disasterRevocationDays !== undefined)
    rows.push({
      setting: 'disasterRevocationDays',
      value: String(settings.disasterRevocationDays),
      defaultValue: String(DEFAULT_REVOCATION_DAYS),
      justification: null,
    });
  for (const [profile, year] of Object.entries(settings.profileStart ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)))
    rows.push({ setting: `profileStart/${profile}`, value: String(year), defaultValue: null, justification: null });
  return rows;
}
