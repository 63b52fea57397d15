import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { InputOutputError, UsageError } from '../../errors.js';
import { t } from '../../messages/index.js';
import { allProfiles, chooseProfile, defaultProfile, getProfile } from '../../profiles/index.js';
import { writeFilesAtomic, type OutputFile } from '../../util/atomic.js';
import { attachmentsOnDisk, isOutside } from '../../util/confined.js';
import { readRegularFile } from '../../util/regular-file.js';
import { SECTION_SCHEMA_REF, writeEditorFiles } from '../../init/editor.js';
import { attachmentEntry } from '../../bundle/write.js';
import { EXIT, type CliContext } from '../context.js';
import { parseFiscalYear } from '../options.js';
import { TABULAR_SECTIONS } from '../../model/tabular.js';

/** The fiscal year (April–March) that ended most recently, in Japan. */
export function lastEndedFiscalYear(now: Date): number {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'numeric' }).formatToParts(now);
  const year = Number(parts.find((p) => p.type === 'year')!.value);
  const month = Number(parts.find((p) => p.type === 'month')!.value);
  return month >= 4 ? year - 1 : year - 2;
}

export function register(program: Command, ctx: CliContext): void {
  const { lang } = ctx;
  program
    .command('init')
    .description(t(lang, 'cli.init.description'))
    .argument('<dir>', t(lang, 'cli.init.arg.dir'))
    .option('-p, --profile <id>', t(lang, 'cli.init.opt.profile'))
    .option('-y, --fiscal-year <year>', t(lang, 'cli.init.opt.fiscalYear'), parseFiscalYear(lang))
    .option('--from <filing>', t(lang, 'cli.init.opt.from'))
    .option('--tabular [kind]', t(lang, 'cli.init.opt.tabular'))
    .action(async (dir: string, options: { profile?: string; fiscalYear?: number; from?: string; tabular?: string | boolean }) => {
      const tabular = options.tabular === undefined ? undefined : options.tabular === true ? 'xlsx' : options.tabular;
      if (tabular !== undefined && tabular !== 'xlsx' && tabular !== 'csv')
        throw new UsageError('cli.init.badTabular', { value: String(tabular) }, 'cli.init.badTabular.hint');
      if (options.from) {
        await initFrom(dir, options.from, options.fiscalYear, ctx);
        return;
      }
      const fiscalYear = options.fiscalYear ?? lastEndedFiscalYear(new Date());
      // by default, the 一般送配電事業者's list in force for the year (the 13-item list before 2024)
      const profile = options.profile === undefined ? defaultProfile('general-td', fiscalYear) : getProfile(options.profile);
      if (!profile)
        throw new UsageError('cli.error.unknownProfile', {
          value: options.profile ?? '',
          allowed: allProfiles()
            .map((p) => p.id)
            .join(', '),
        });
      if (existsSync(dir) && readdirSync(dir).length > 0) throw new UsageError('cli.init.notEmpty', { dir }, 'cli.init.notEmpty.hint');
      const { skeletonFiles } = await import('../../init/skeleton.js');
      const files = skeletonFiles({
        profile,
        fiscalYear,
        schemaRef: SECTION_SCHEMA_REF,
      });
      const sheets = tabular ? await tabularSkeleton(files, tabular) : [];
      writeFilesAtomic([
        ...files.map((file) => ({ path: join(dir, file.name), data: file.content })),
        ...sheets.map((sheet) => ({ path: join(dir, sheet.name), data: sheet.data })),
      ]);
      const editor = writeEditorFiles(resolve(ctx.io.cwd, dir), profile);
      ctx.io.stderr.write(
        `${t(lang, 'cli.init.done', { dir, n: files.length })}\n${editorNote(editor, dir, ctx)}${t(lang, 'cli.init.next', { dir })}\n`,
      );
      ctx.exit(EXIT.ok);
    });
}

/** One line about the editor files: written, or the settings file left as it was. */
function editorNote(editor: ReturnType<typeof writeEditorFiles>, dir: string, ctx: CliContext): string {
  return `${t(ctx.lang, 'cli.init.editor', { dir })}\n${editor.keptSettings ? `${t(ctx.lang, 'cli.init.editorKept', { path: editor.keptSettings })}\n` : ''}`;
}

const HEADER_KEYS = ['filer', 'filerType', 'fiscalYear', 'submissionDate', 'addressee', 'contact', 'relatedCompanies'];

/** init --from: a new year's filing directory from last year's filing or bundle. */
async function initFrom(dir: string, from: string, fiscalYear: number | undefined, ctx: CliContext): Promise<void> {
  const { lang } = ctx;
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new UsageError('cli.init.notEmpty', { dir }, 'cli.init.notEmpty.hint');
  const { loadSide } = await import('../../pipeline/side.js');
  const last = await loadSide(from, lang, { normalise: false });
  if (!last.data) throw new UsageError('cli.init.fromInvalid', { path: from }, 'cli.init.fromInvalid.hint');
  const { carryForward } = await import('../../init/carry.js');
  const { toYaml: yaml } = await import('../../init/yaml-write.js');
  const carried = carryForward(last.data, fiscalYear);
  const modeline = `# yaml-language-server: $schema=${SECTION_SCHEMA_REF}\n`;
  const header = Object.fromEntries(HEADER_KEYS.filter((k) => k in carried.data).map((k) => [k, carried.data[k]]));
  // everything the new filing holds is gathered first and written at once, or nothing is
  const outputs: OutputFile[] = [{ path: join(dir, 'filing.yaml'), data: modeline + yaml(header) }];
  for (const [key, value] of Object.entries(carried.data)) {
    if (HEADER_KEYS.includes(key)) continue;
    outputs.push({ path: join(dir, `${key}.yaml`), data: modeline + yaml({ [key]: value }) });
  }
  const files = outputs.length;
  // The attachment files come along, by the same relative paths: read as build reads them (a regular
  // file inside last year's filing, never through a link out of it), written only inside the new one
  const where = last.baseDir ? attachmentsOnDisk(last.baseDir) : undefined;
  const root = resolve(dir);
  for (const attachment of (carried.data.attachments as { file: string }[] | undefined) ?? []) {
    const target = resolve(root, attachment.file);
    if (isOutside(root, target))
      throw new InputOutputError('bundle.attachmentOutside', { path: attachment.file }, 'bundle.attachmentOutside.hint');
    let bytes = last.files?.get(attachmentEntry(attachment.file)) ?? last.files?.get(attachmentEntry(attachment.file, 1));
    if (!bytes && last.baseDir && where) {
      const state = where(attachment.file);
      if (state === 'outside')
        throw new InputOutputError('bundle.attachmentOutside', { path: attachment.file }, 'bundle.attachmentOutside.hint');
      if (state === 'notFile')
        throw new InputOutputError('input.notRegular', { path: join(last.baseDir, attachment.file) }, 'input.notRegular.hint');
      if (state === 'present') bytes = readRegularFile(join(last.baseDir, attachment.file));
    }
    if (bytes) outputs.push({ path: target, data: bytes });
  }
  writeFilesAtomic(outputs);
  const editor = writeEditorFiles(resolve(ctx.io.cwd, dir), chooseProfile(carried.data, lang).profile);
  ctx.io.stderr.write(
    `${t(lang, 'cli.init.carried', { dir, n: files, from, year: String(carried.data.fiscalYear) })}\n${t(lang, 'cli.init.toFill')}\n${carried.emptied.map((s) => `  - ${s}`).join('\n')}\n${carried.kept.map((k) => `${t(lang, 'cli.init.kept', { list: k.list, ids: k.ids.join(', ') })}\n`).join('')}${editorNote(editor, dir, ctx)}${t(lang, 'cli.init.next', { dir })}\n`,
  );
  ctx.exit(EXIT.ok);
}

/**
 * init --tabular: the list sections as sheets to fill in (all columns, no rows) instead of YAML;
 * the rest of their section (transactions' overview) stays in its YAML.
 */
async function tabularSkeleton(
  files: { name: string; content: string }[],
  kind: 'csv' | 'xlsx',
): Promise<{ name: string; data: Buffer }[]> {
  const { exportTable, tableToCsv, tableToXlsx } = await import('../../init/export.js');
  const { withoutPath } = await import('../../init/yaml-write.js');
  const sheets: { name: string; data: Buffer }[] = [];
  for (const [section, prefix] of Object.entries(TABULAR_SECTIONS)) {
    const index = files.findIndex((f) => f.name === `${prefix[0]}.yaml`);
    if (index < 0) continue;
    if (prefix.length === 1) files.splice(index, 1);
    else files[index] = { ...files[index]!, content: withoutPath(files[index]!.content, prefix) };
    const table = exportTable({}, prefix);
    sheets.push({ name: `${section}.${kind}`, data: kind === 'csv' ? tableToCsv(table) : await tableToXlsx(table, section) });
  }
  return sheets;
}
