// The command line: a thin shell over the library. Commands live one per file in commands/ and
// are registered here; every message comes from the catalogs.
import { Command, CommanderError } from 'commander';
import { TOOL_VERSION } from '../model/generated/schemas.js';
import { InputOutputError, UsageError } from '../errors.js';
import { hasKey, isLang, langFromEnv, t, type Lang, type MessageKey } from '../messages/index.js';
import { suggest } from '../util/suggest.js';
import { EXIT, type CliContext, type CliIO } from './context.js';
import * as build from './commands/build.js';
import * as compare from './commands/compare.js';
import * as diff from './commands/diff.js';
import * as exportCommand from './commands/export.js';
import * as ingest from './commands/ingest.js';
import * as init from './commands/init.js';
import * as keygen from './commands/keygen.js';
import * as trust from './commands/trust.js';
import * as verify from './commands/verify.js';
import * as profiles from './commands/profiles.js';
import * as rules from './commands/rules.js';
import * as schema from './commands/schema.js';
import * as validate from './commands/validate.js';

const COMMANDS = [validate, build, verify, diff, exportCommand, ingest, compare, trust, keygen, rules, profiles, init, schema];

/** --lang and --debug are read before commander so that even its errors speak the right language. */
function preScan(argv: readonly string[]): { lang?: string; debug: boolean } {
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--lang') lang = argv[i + 1];
    else if (arg.startsWith('--lang=')) lang = arg.slice('--lang='.length);
  }
  return { lang, debug: argv.includes('--debug') };
}

const COMMANDER_MESSAGES: Record<string, MessageKey> = {
  'commander.unknownCommand': 'cli.error.unknownCommand',
  'commander.unknownOption': 'cli.error.unknownOption',
  'commander.missingArgument': 'cli.error.missingArgument',
  'commander.optionMissingArgument': 'cli.error.optionMissingArgument',
  'commander.missingMandatoryOptionValue': 'cli.error.missingOption',
  'commander.invalidArgument': 'cli.error.invalidArgument',
  'commander.excessArguments': 'cli.error.excessArguments',
};

const HELP_TITLES: Record<string, MessageKey> = {
  'Usage:': 'cli.help.usage',
  'Options:': 'cli.help.options',
  'Commands:': 'cli.help.commands',
  'Arguments:': 'cli.help.arguments',
  'Global Options:': 'cli.help.globalOptions',
};

function helpTitle(lang: Lang, title: string): string {
  const key = HELP_TITLES[title];
  return key ? t(lang, key) : title;
}

/** The working directory, or '' where it no longer exists (deleted under the shell that runs taisei). */
function workingDirectory(): string {
  try {
    return process.cwd();
  } catch {
    return '';
  }
}

/** The language of the run under way, for a failure that comes after main returned (outputFailed). */
let runLang: Lang = 'en';

/**
 * An output stream that failed after the fact (standard output into a full disk: `> /dev/full`), said
 * as any input/output failure is: what and what to do, no trace, exit 3. The launcher calls it.
 */
export function outputFailed(error: { code?: string; message?: string }): number {
  try {
    process.stderr.write(
      `taisei: ${t(runLang, 'cli.error.output', { detail: error.message ?? String(error.code) })}\n  ${t(runLang, 'report.hint')}: ${t(runLang, 'cli.error.output.hint')}\n`,
    );
  } catch {
    // standard error is the stream that failed: the exit code says it
  }
  return EXIT.io;
}

/**
 * The command tree, worded in the context's language: every command's help ends with its examples
 * and the exit codes (tests/first-use.test.ts holds the defaults its options state against the code's).
 */
export function buildProgram(ctx: CliContext): Command {
  const { lang, io } = ctx;
  const program = new Command('taisei')
    .description(t(lang, 'cli.description'))
    .version(TOOL_VERSION, '-V, --version', t(lang, 'cli.opt.version'))
    .option('--lang <lang>', t(lang, 'cli.opt.lang'))
    .option('--debug', t(lang, 'cli.opt.debug'))
    .helpOption('-h, --help', t(lang, 'cli.opt.help'))
    .helpCommand('help [command]', t(lang, 'cli.help.command'))
    .showSuggestionAfterError(false)
    .configureHelp({
      styleTitle: (title) => helpTitle(lang, title),
      optionDescription: (option) => option.description,
      argumentDescription: (argument) => argument.description ?? '',
    })
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: () => undefined });
  for (const command of COMMANDS) command.register(program, ctx);
  for (const command of program.commands.flatMap((c) => [c, ...c.commands])) {
    command
      .helpOption('-h, --help', t(lang, 'cli.opt.help'))
      .exitOverride()
      .configureOutput({ outputError: () => undefined })
      // our descriptions state their defaults, in the user's language
      .configureHelp({
        styleTitle: (title) => helpTitle(lang, title),
        optionDescription: (option) => option.description,
        argumentDescription: (argument) => argument.description ?? '',
      });
    command.option('--lang <lang>', t(lang, 'cli.opt.lang')).option('--debug', t(lang, 'cli.opt.debug'));
  }

  for (const command of program.commands.flatMap((c) => [c, ...c.commands])) {
    const name = commandName(command);
    const key = `cli.examples.${name}`;
    const examples = hasKey(key) ? t(lang, key) : '';
    command.addHelpText(
      'after',
      `${examples ? `\n${t(lang, 'cli.help.examples')}\n${examples.replace(/^/gm, '  ')}\n` : ''}\n${t(lang, 'cli.help.exitCodes')}\n`,
    );
  }
  return program;
}

/** A command's name under taisei, its parent's first: "trust add". */
function commandName(command: Command): string {
  const parent = command.parent;
  return parent && parent.name() !== 'taisei' ? `${parent.name()} ${command.name()}` : command.name();
}

export async function main(
  argv: readonly string[],
  io: CliIO = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: workingDirectory() },
): Promise<number> {
  const scanned = preScan(argv);
  const fallback = langFromEnv(io.env);
  const lang: Lang = scanned.lang && isLang(scanned.lang) ? scanned.lang : fallback;
  runLang = lang;
  let exitCode: number = EXIT.ok;
  const ctx: CliContext = { lang, io, exit: (code) => void (exitCode = Math.max(exitCode, code)) };
  const fail = (code: number, message: string, hint?: string) => {
    io.stderr.write(`taisei: ${message}\n${hint ? `  ${t(lang, 'report.hint')}: ${hint}\n` : ''}`);
    return code;
  };
  if (scanned.lang !== undefined && !isLang(scanned.lang)) return fail(EXIT.usage, t(lang, 'cli.error.badLang', { value: scanned.lang }));
  // every relative path is read from the working directory: one that is gone is said, not traced
  if (io.cwd === '') return fail(EXIT.io, t(lang, 'cli.error.cwdGone'), t(lang, 'cli.error.cwdGone.hint'));

  const program = buildProgram(ctx);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    if (argv.length === 0) {
      io.stdout.write(program.helpInformation());
    }
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      const key = COMMANDER_MESSAGES[error.code];
      const name = /'([^']+)'/.exec(error.message)?.[1] ?? '';
      const detail = error.message.replace(/^error: /, '');
      const command = program.commands.find((c) => argv.includes(c.name()))?.name() ?? '';
      const names = program.commands.map((c) => c.name());
      const suggestion = error.code === 'commander.unknownCommand' ? suggest(name, names) : undefined;
      const hint = suggestion
        ? t(lang, 'cli.error.didYouMean', { suggestion })
        : t(lang, 'cli.error.usage.hint', { command }).replace('  ', ' ');
      // a required option is named by its long form and what it takes (--section <name>), not its letter
      const named = error.code === 'commander.missingMandatoryOptionValue' ? name.replace(/^-\w,\s*/, '') : (name.split(' ')[0] ?? name);
      return fail(EXIT.usage, key ? t(lang, key, { name: named, detail }) : detail, hint);
    }
    if (error instanceof UsageError)
      return fail(EXIT.usage, t(lang, error.messageKey, error.args), error.hintKey ? t(lang, error.hintKey, error.args) : undefined);
    if (error instanceof InputOutputError)
      return fail(EXIT.io, t(lang, error.messageKey, error.args), error.hintKey ? t(lang, error.hintKey, error.args) : undefined);
    if (scanned.debug) io.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    return fail(
      EXIT.internal,
      t(lang, 'cli.error.internal', { detail: (error as Error)?.message ?? String(error) }),
      t(lang, 'cli.error.internal.hint'),
    );
  }
  return exitCode;
}
