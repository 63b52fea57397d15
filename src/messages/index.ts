// Message lookup. All user-facing wording comes from the catalogs in this folder.
import { en, type MessageKey } from './en.js';
import { ja } from './ja.js';

export type Lang = 'ja' | 'en';
export type { MessageKey };
export type MessageArgs = Record<string, string | number>;

const catalogs: Record<Lang, Record<MessageKey, string>> = { en, ja };

export function isLang(value: string): value is Lang {
  return value === 'ja' || value === 'en';
}

/** Japanese when LC_ALL, LC_MESSAGES or LANG (the first that is set) starts with "ja"; else English. */
export function langFromEnv(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/**
 * The message in the language, its {placeholders} filled from args. An argument may carry a form
 * per language as `name@ja`: it takes the place of `name` in that language's message.
 */
export function t(lang: Lang, key: MessageKey, args: MessageArgs = {}): string {
  return fill(lang, catalogs[lang][key], args);
}

/** A message template's {placeholders} filled from args (with `name@<lang>` forms), as t() does. */
export function fill(lang: Lang, template: string, args: MessageArgs = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = args[`${name}@${lang}`] ?? args[name];
    return value === undefined ? whole : String(value);
  });
}

/** English plural suffix helper for count messages ("1 error", "2 errors"). */
export function countArgs(n: number): MessageArgs {
  return { n, plural: n === 1 ? '' : 's' };
}

export function hasKey(key: string): key is MessageKey {
  return key in en;
}
