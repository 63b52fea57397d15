// Option value parsers that fail with our own (localised) usage errors.
import { InvalidArgumentError, Option, type Command } from 'commander';
import { REPORT_FORMATS } from '../report/diagnostics/index.js';
import { t, type Lang } from '../messages/index.js';
import { readRegularFile } from '../util/regular-file.js';
import { isDate } from '../model/formats.js';
import { suggest } from '../util/suggest.js';

export function parseChoice<T extends string>(lang: Lang, allowed: readonly T[]): (value: string) => T {
  return (value) => {
    if ((allowed as readonly string[]).includes(value)) return value as T;
    // every choice of an option (a format, an edition, a document): the value given, the ones there
    // are, and the one it most likely means
    const meant = suggest(value, allowed);
    throw new InvalidArgumentError(
      t(lang, meant ? 'cli.error.badChoice.suggest' : 'cli.error.badChoice', { value, allowed: allowed.join(', '), meant: meant ?? '' }),
    );
  };
}

export function parsePositiveNumber(lang: Lang): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(t(lang, 'cli.error.badNumber', { value }));
    return n;
  };
}

export function parsePositiveInteger(lang: Lang): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(t(lang, 'cli.error.badNumber', { value }));
    return n;
  };
}

/** A PKCS#12 file's password: the first line of `passwordFile` where one is given, else TAISEI_SIGN_PASSWORD. */
export function signingPassword(passwordFile: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (passwordFile) return readRegularFile(passwordFile, 'sign.noPassword.hint').toString('utf8').split(/\r?\n/)[0];
  return env.TAISEI_SIGN_PASSWORD;
}

/** A fiscal year a filing may have (the schema's range: 2000 to 2100). */
export function parseFiscalYear(lang: Lang): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 2000 || n > 2100) throw new InvalidArgumentError(t(lang, 'cli.error.badFiscalYear', { value }));
    return n;
  };
}

/** A calendar date written as YYYY-MM-DD (2025-03-31). */
export function parseDate(lang: Lang): (value: string) => string {
  return (value) => {
    if (!isDate(value)) throw new InvalidArgumentError(t(lang, 'cli.error.badDate', { value }));
    return value;
  };
}

/** The report format of every command that reports diagnostics. */
export function addFormatOption(command: Command, lang: Lang): Command {
  return command.addOption(
    new Option('-f, --format <format>', t(lang, 'cli.opt.format', { formats: REPORT_FORMATS.join(', ') }))
      .default('text')
      .argParser(parseChoice(lang, REPORT_FORMATS)),
  );
}

/** The options of every command that reads a filing: output format, config file, size limit. */
export function addInputOptions(command: Command, lang: Lang): Command {
  return addFormatOption(command, lang)
    .option('-c, --config <file>', t(lang, 'cli.opt.config'))
    .option('--max-file-size <MB>', t(lang, 'cli.opt.maxFileSize'), parsePositiveNumber(lang));
}

/** SOURCE_DATE_EPOCH (seconds) as a date, for outputs made again byte for byte; undefined when unset or not a number. */
export function sourceDateEpoch(env: NodeJS.ProcessEnv): Date | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || !/^\d+$/.test(epoch)) return undefined;
  return new Date(Number(epoch) * 1000);
}
