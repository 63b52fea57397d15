// A diff as text (terminal), markdown (a reviewer's comment) or json (tools).
import { t, type Lang } from '../messages/index.js';
import { summaryLine, type FieldChange, type FilingDiff } from '../edition/changes.js';
import { markdownText, printable } from './escape.js';

/** A value on one line, cut at 80 characters; escaped for the output by the writer. */
function show(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value.length > 80 ? `${value.slice(0, 78).replace(/\n/g, ' ')}…` : value.replace(/\n/g, ' ');
  return JSON.stringify(value);
}

/** A group's heading: the item, the header, or a section outside the statute's items (参考資料). */
function heading(s: FilingDiff['sections'][number], lang: Lang): string {
  if (s.item) return `${s.item.label}　${s.item.title}`;
  return s.section === 'header' ? t(lang, 'diff.header') : t(lang, 'diff.reference', { section: s.section });
}

const change = (f: FieldChange) => printable(`${f.path}: ${show(f.old)} → ${show(f.new)}`);

export function diffText(diff: FilingDiff, lang: Lang): string {
  const lines = [summaryLine(diff) || t(lang, 'diff.none'), ''];
  for (const s of diff.sections) {
    lines.push(heading(s, lang));
    for (const f of s.fields) lines.push(`  ~ ${change(f)}`);
    for (const l of s.lists) {
      lines.push(`  ${l.list}  +${l.added} −${l.removed} ~${l.changed}`);
      for (const e of l.entries) {
        const mark = e.kind === 'added' ? '+' : e.kind === 'removed' ? '−' : '~';
        lines.push(printable(`    ${mark} ${e.key}${e.label && e.label !== e.key ? `  ${e.label}` : ''}`));
        for (const f of e.fields) lines.push(`        ${change(f)}`);
      }
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function diffMarkdown(diff: FilingDiff, lang: Lang): string {
  // a code span holds no backtick and no line break; everything else is text made literal
  const code = (s: string) => `\`${printable(s).replace(/`/g, "'")}\``;
  const text = (value: unknown) => markdownText(show(value));
  const lines = [
    `# ${t(lang, 'diff.title', { old: String(diff.old.fiscalYear ?? '?'), new: String(diff.new.fiscalYear ?? '?') })}`,
    '',
    `**${summaryLine(diff) || t(lang, 'diff.none')}**`,
    '',
  ];
  for (const s of diff.sections) {
    lines.push(`## ${heading(s, lang)}`, '');
    for (const f of s.fields) lines.push(`- ${code(f.path)}: ${text(f.old)} → ${text(f.new)}`);
    for (const l of s.lists) {
      lines.push(`- ${code(l.list)} — +${l.added} −${l.removed} ~${l.changed}`);
      for (const e of l.entries) {
        const mark = e.kind === 'added' ? '➕' : e.kind === 'removed' ? '➖' : '✏️';
        lines.push(`  - ${mark} ${code(e.key)}${e.label && e.label !== e.key ? ` ${markdownText(e.label)}` : ''}`);
        for (const f of e.fields) lines.push(`    - ${code(f.path)}: ${text(f.old)} → ${text(f.new)}`);
      }
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function diffJson(diff: FilingDiff): string {
  return JSON.stringify(diff, null, 2) + '\n';
}

export type DiffWriter = (diff: FilingDiff, lang: Lang) => string;

/** The output formats of `taisei diff`, by name (the names feed --format and its help). */
export const diffWriters = { text: diffText, markdown: diffMarkdown, json: (diff) => diffJson(diff) } satisfies Record<string, DiffWriter>;
export type DiffFormat = keyof typeof diffWriters;
export const DIFF_FORMATS = Object.keys(diffWriters) as DiffFormat[];
