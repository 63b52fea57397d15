// A yardstick for the build: the same filing as an HTML page of the same shape (each section a
// heading and its facts as tables, in the same faces, on A4), printed to PDF by headless Chromium.
// `npm run bench` times Chromium's print against taisei's build in the same run, as a ratio.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';

const escape = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** A value as HTML: a table of an object's fields, a table of a list's entries, or the text. */
function html(value) {
  if (Array.isArray(value)) {
    if (value.every((v) => v && typeof v === 'object' && !Array.isArray(v))) {
      const keys = [...new Set(value.flatMap((v) => Object.keys(v)))];
      const head = `<tr>${keys.map((k) => `<th>${escape(k)}</th>`).join('')}</tr>`;
      const rows = value.map((v) => `<tr>${keys.map((k) => `<td>${v[k] === undefined ? '' : html(v[k])}</td>`).join('')}</tr>`);
      return `<table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
    }
    return value.map((v) => html(v)).join('、');
  }
  if (value && typeof value === 'object')
    return `<table>${Object.entries(value)
      .map(([k, v]) => `<tr><th>${escape(k)}</th><td>${html(v)}</td></tr>`)
      .join('')}</table>`;
  return escape(value ?? '').replace(/\n/g, '<br>');
}

/** Writes the yardstick page of a filing directory into `out` and returns its path. */
export function yardstickPage(root, filingDir, out) {
  const font = (name) => pathToFileURL(join(root, 'fonts', name)).href;
  const sections = readdirSync(filingDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => [f, parse(readFileSync(join(filingDir, f), 'utf8'))]);
  const body = sections.map(([file, data]) => `<h2>${escape(file)}</h2>${html(data)}`).join('\n');
  const page = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>yardstick</title><style>
@font-face { font-family: Body; src: url("${font('BIZUDMincho-Regular.ttf')}"); }
@font-face { font-family: Heading; src: url("${font('BIZUDGothic-Bold.ttf')}"); }
@page { size: A4; margin: 25mm 20mm; @bottom-center { content: counter(page) " / " counter(pages); } }
body { font-family: Body; font-size: 10pt; line-height: 1.7; text-align: justify; line-break: strict; }
h2, th { font-family: Heading; }
h2 { font-size: 12pt; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0; }
th, td { border: 0.5pt solid #8a8a8a; padding: 2.5pt 4pt; vertical-align: top; font-size: 9pt; }
thead { display: table-header-group; }
</style></head><body><h1>体制整備等報告書</h1>${body}</body></html>`;
  const path = join(out, 'yardstick.html');
  writeFileSync(path, page);
  return path;
}
