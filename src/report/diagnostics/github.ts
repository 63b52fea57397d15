// GitHub Actions workflow commands: one ::error / ::warning / ::notice line per diagnostic.
import type { Severity } from '../../diagnostics.js';
import type { Reporter } from './context.js';
import { printable } from '../escape.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const githubReporter: Reporter = (result) =>
  result.diagnostics
    .map((d) => {
      const props: string[] = [];
      if (d.file) props.push(`file=${escapeProperty(printable(d.file))}`);
      if (d.line) props.push(`line=${d.line}`, `col=${d.column ?? 1}`);
      if (d.endLine) props.push(`endLine=${d.endLine}`, `endColumn=${d.endColumn ?? 1}`);
      props.push(`title=${escapeProperty(d.code)}`);
      const text = `${d.cell ? `${d.cell}: ` : ''}${d.hint ? `${d.message} — ${d.hint}` : d.message}`;
      return `::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(printable(text))}\n`;
    })
    .join('');
