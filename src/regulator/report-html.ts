// compare as a page people read: a summary, then charts drawn as inline SVG (no library, no
// network: the page is one self-contained file), then every indicator in a table with its column
// groups, a filer column that stays in view, and sorting. The charts carry their numbers as text (a
// title, and a value on every mark), print on A4 landscape and read in greyscale: levels differ in
// lightness and pattern, not in hue alone. `--filer` gives one filer's years side by side instead.
import { t, type Lang, type MessageKey } from '../messages/index.js';
import { COLUMNS, HORIZON, daysBetween, headers, type Column, type ColumnGroup, type CompareRow } from './compare.js';
import { ORDERS_DATE as ORDERS } from '../model/orders.js';

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The rows of each filer, in the order the rows name the filers (by 法人番号, as the queries give them). */
export function groupByFiler<R extends { corporateNumber: string }>(rows: readonly R[]): R[][] {
  const out = new Map<string, R[]>();
  for (const row of rows) out.set(row.corporateNumber, [...(out.get(row.corporateNumber) ?? []), row]);
  return [...out.values()];
}

/** The rows of each filer, in order of its 法人番号, each filer's years in order. */
const byFiler = (rows: readonly CompareRow[]): CompareRow[][] =>
  groupByFiler(rows).map((list) => list.sort((a, b) => a.fiscalYear - b.fiscalYear));
const latest = (rows: readonly CompareRow[]) => byFiler(rows).map((years) => years[years.length - 1]!);

/** A value as the table prints it. */
function shown(column: Column, value: string | number | null, lang: Lang): string {
  if (value === null) return '';
  if (typeof value !== 'number') return String(value);
  if (column.kind === 'percent') return `${value.toFixed(1)}%`;
  if (column.kind === 'number') return value.toFixed(1);
  if (column.kind === 'delta') return value > 0 ? `+${value}` : String(value);
  return lang === 'ja' || column.kind === 'year' ? String(value) : value.toLocaleString('en');
}

// ---- charts --------------------------------------------------------------------------------------

const WIDTH = 960;
const LABEL = 250; // the left column of names
const PLOT = WIDTH - LABEL - 90; // the marks, and room for their values on the right

/** The pattern and greys the marks are drawn with: each level its own lightness and texture. */
const DEFS = `<defs>
<pattern id="hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#9db4cc"/><line x1="0" y1="0" x2="0" y2="6" stroke="#1f3b57" stroke-width="2"/></pattern>
<pattern id="dots" patternUnits="userSpaceOnUse" width="5" height="5"><rect width="5" height="5" fill="#e3ebf3"/><circle cx="2.5" cy="2.5" r="1.1" fill="#1f3b57"/></pattern>
</defs>`;
const FILL = { network: 'url(#dots)', hardware: 'url(#hatch)', software: '#1f3b57' } as const;

interface Chart {
  id: string;
  title: string;
  height: number;
  body: string;
  legend?: [fill: string, label: string][];
}

function figure(chart: Chart): string {
  const legend = chart.legend
    ? `<p class="legend">${chart.legend
        .map(
          ([fill, label]) =>
            `<span><svg width="14" height="14" aria-hidden="true">${DEFS}<rect width="14" height="14" fill="${fill}" stroke="#1f3b57" stroke-width="0.5"/></svg>${escapeHtml(label)}</span>`,
        )
        .join('')}</p>`
    : '';
  return `<figure class="chart" id="${chart.id}">
<figcaption>${escapeHtml(chart.title)}</figcaption>${legend}
<svg viewBox="0 0 ${WIDTH} ${chart.height}" width="100%" role="img" aria-labelledby="${chart.id}-t"><title id="${chart.id}-t">${escapeHtml(chart.title)}</title>${DEFS}${chart.body}</svg>
</figure>`;
}

const text = (x: number, y: number, s: string, cls = '', anchor = 'start') =>
  `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}"${cls ? ` class="${cls}"` : ''} text-anchor="${anchor}">${escapeHtml(s)}</text>`;
const rect = (x: number, y: number, w: number, h: number, fill: string, title: string) =>
  `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(0, w).toFixed(1)}" height="${h}" fill="${fill}" stroke="#1f3b57" stroke-width="0.5"><title>${escapeHtml(title)}</title></rect>`;

/** Readiness (0–100) of each filer, a bar for each of its years. */
function readinessChart(rows: readonly CompareRow[], lang: Lang): Chart {
  // the scale's values along the top, above the grid lines they stand for
  let y = 22;
  const parts: string[] = [];
  for (const years of byFiler(rows)) {
    parts.push(text(0, y + 12, years[0]!.filer, 'name'));
    y += 18;
    for (const row of years) {
      const value = row.assessment.readiness;
      parts.push(text(LABEL - 8, y + 11, t(lang, 'compare.chart.year', { year: row.fiscalYear }), 'year', 'end'));
      if (value === null) parts.push(text(LABEL, y + 11, t(lang, 'compare.chart.notAssessed'), 'value'));
      else {
        const w = (value / 100) * PLOT;
        parts.push(rect(LABEL, y, w, 14, '#4a6f96', `${row.filer} ${row.fiscalYear}: ${value.toFixed(1)}`));
        parts.push(text(LABEL + w + 6, y + 11, value.toFixed(1), 'value'));
      }
      y += 18;
    }
    y += 6;
  }
  for (const tick of [0, 25, 50, 75, 100])
    parts.unshift(
      `<line x1="${LABEL + (tick / 100) * PLOT}" y1="16" x2="${LABEL + (tick / 100) * PLOT}" y2="${y}" class="grid"/>`,
      text(LABEL + (tick / 100) * PLOT, 12, String(tick), 'axis', 'middle'),
    );
  return { id: 'chart-readiness', title: t(lang, 'compare.chart.readiness'), height: y + 4, body: parts.join('') };
}

/** The systems still shared, by level, each filer's years as stacked bars. */
function sharedChart(rows: readonly CompareRow[], lang: Lang): Chart {
  const most = Math.max(1, ...rows.map((r) => r.sharedNetwork + r.sharedHardware + r.sharedSoftware));
  const unit = Math.min(60, PLOT / most);
  let y = 8;
  const parts: string[] = [];
  const levels = [
    ['software', 'compare.col.sharedSoftware', (r: CompareRow) => r.sharedSoftware],
    ['hardware', 'compare.col.sharedHardware', (r: CompareRow) => r.sharedHardware],
    ['network', 'compare.col.sharedNetwork', (r: CompareRow) => r.sharedNetwork],
  ] as const;
  for (const years of byFiler(rows)) {
    parts.push(text(0, y + 12, years[0]!.filer, 'name'));
    y += 18;
    for (const row of years) {
      parts.push(text(LABEL - 8, y + 11, t(lang, 'compare.chart.year', { year: row.fiscalYear }), 'year', 'end'));
      let x = LABEL;
      for (const [level, label, count] of levels) {
        const n = count(row);
        if (n === 0) continue;
        parts.push(rect(x, y, n * unit, 14, FILL[level], `${t(lang, label)}: ${n}`));
        parts.push(text(x + (n * unit) / 2, y + 11, String(n), level === 'software' ? 'on-dark' : 'on-light', 'middle'));
        x += n * unit;
      }
      const total = row.sharedNetwork + row.sharedHardware + row.sharedSoftware;
      parts.push(text(x + 6, y + 11, t(lang, 'compare.chart.total', { n: total }), 'value'));
      y += 18;
    }
    y += 6;
  }
  return {
    id: 'chart-shared',
    title: t(lang, 'compare.chart.shared'),
    height: y + 4,
    body: parts.join(''),
    legend: levels.map(([level, label]) => [FILL[level], t(lang, label)]),
  };
}

/** Each system still shared in a filer's latest year: from the orders to its target, against the horizon. */
function timelineChart(rows: readonly CompareRow[], lang: Lang): Chart {
  const systems = latest(rows).flatMap((row) => row.shared.map((s) => ({ row, s })));
  const targets = systems.map(({ s }) => s.target).filter((d): d is string => d !== null);
  const end = [...targets, HORIZON].sort().pop()!;
  const to = `${Number(end.slice(0, 4)) + 1}-04-01`;
  const span = daysBetween(ORDERS, to);
  const at = (date: string) => LABEL + (daysBetween(ORDERS, date) / span) * (PLOT - 40);
  const parts: string[] = [];
  let y = 26;
  if (systems.length === 0) parts.push(text(LABEL, y, t(lang, 'compare.chart.noneShared'), 'value'));
  for (const { row, s } of systems) {
    parts.push(text(0, y + 11, `${row.filer} ${s.id}`, 'name-small'));
    const level = (s.level in FILL ? s.level : 'hardware') as keyof typeof FILL;
    if (s.target === null) {
      parts.push(rect(LABEL, y, at(to) - LABEL, 14, 'url(#dots)', `${s.id}: ${t(lang, 'compare.chart.noTarget')}`));
      parts.push(text(at(to) + 6, y + 11, t(lang, 'compare.chart.noTarget'), 'late'));
    } else {
      const until = s.target < HORIZON ? s.target : HORIZON;
      parts.push(rect(LABEL, y, at(until) - LABEL, 14, '#9db4cc', `${s.id} ${s.name ?? ''}: ${s.target}`));
      const late = s.target > HORIZON ? daysBetween(HORIZON, s.target) : 0;
      if (late > 0)
        parts.push(rect(at(HORIZON), y, at(s.target) - at(HORIZON), 14, FILL[level === 'software' ? 'software' : 'hardware'], `+${late}`));
      const label = late > 0 ? t(lang, 'compare.chart.late', { date: s.target, days: late }) : s.target;
      // a date that would run across the horizon's line stands inside its bar instead
      const crosses = late === 0 && at(HORIZON) >= at(s.target) && at(HORIZON) <= at(s.target) + 8 + label.length * 7;
      parts.push(
        crosses
          ? text(at(s.target) - 4, y + 11, label, 'value', 'end')
          : text(at(s.target) + 6, y + 11, label, late > 0 ? 'late' : 'value'),
      );
    }
    y += 20;
  }
  // the years along the top, and the horizon of the orders
  for (let year = Number(ORDERS.slice(0, 4)) + 1; `${year}-04-01` <= to; year++) {
    const x = at(`${year}-04-01`);
    parts.unshift(
      `<line x1="${x.toFixed(1)}" y1="16" x2="${x.toFixed(1)}" y2="${y}" class="grid"/>`,
      text(x, 12, String(year), 'year', 'middle'),
    );
  }
  parts.push(
    `<line x1="${at(HORIZON).toFixed(1)}" y1="16" x2="${at(HORIZON).toFixed(1)}" y2="${y}" class="horizon"/>`,
    text(at(HORIZON) + 4, y + 12, t(lang, 'compare.chart.horizon', { date: HORIZON }), 'horizon-label'),
  );
  return { id: 'chart-timeline', title: t(lang, 'compare.chart.timeline', { horizon: HORIZON }), height: y + 20, body: parts.join('') };
}

/** Findings judged not appropriate and the corrections taken, in each filer's latest year. */
function findingsChart(rows: readonly CompareRow[], lang: Lang): Chart {
  const last = latest(rows);
  const most = Math.max(1, ...last.flatMap((r) => [r.findingsNotAppropriate, r.findingsCorrected]));
  const unit = Math.min(60, PLOT / most);
  const parts: string[] = [];
  let y = 8;
  for (const row of last) {
    parts.push(text(0, y + 12, t(lang, 'compare.chart.filerYear', { filer: row.filer, year: row.fiscalYear }), 'name'));
    y += 18;
    for (const [fill, label, n] of [
      ['#1f3b57', 'compare.chart.notAppropriate', row.findingsNotAppropriate],
      ['url(#dots)', 'compare.chart.corrected', row.findingsCorrected],
    ] as const) {
      parts.push(text(LABEL - 8, y + 11, t(lang, label), 'year', 'end'));
      parts.push(rect(LABEL, y, n * unit, 14, fill, `${t(lang, label)}: ${n}`));
      parts.push(text(LABEL + n * unit + 6, y + 11, String(n), 'value'));
      y += 18;
    }
    y += 6;
  }
  return {
    id: 'chart-findings',
    title: t(lang, 'compare.chart.findings'),
    height: y + 4,
    body: parts.join(''),
    legend: [
      ['#1f3b57', t(lang, 'compare.chart.notAppropriate')],
      ['url(#dots)', t(lang, 'compare.chart.corrected')],
    ],
  };
}

// ---- the page ---------------------------------------------------------------------------------------

const STYLE = `
:root { color: #1b1b1b; font-family: "Noto Sans JP", "Hiragino Sans", "Yu Gothic", "Meiryo", sans-serif; }
body { margin: 1.5rem auto; max-width: 1200px; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 0.25rem; } h2 { font-size: 1.15rem; margin: 2rem 0 0.5rem; border-bottom: 2px solid #1f3b57; }
.meta { color: #555; margin: 0 0 1rem; }
.summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0.75rem; margin: 0; }
.summary div { border: 1px solid #c8d3de; border-radius: 4px; padding: 0.5rem 0.75rem; }
.summary dt { font-size: 0.8rem; color: #444; } .summary dd { margin: 0; font-size: 1.6rem; font-weight: bold; }
figure.chart { margin: 1rem 0 1.5rem; break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: 0.25rem; }
.legend { margin: 0 0 0.25rem; font-size: 0.8rem; } .legend span { margin-right: 1rem; white-space: nowrap; } .legend svg { vertical-align: -2px; margin-right: 0.3rem; }
svg text { font-size: 12px; fill: #1b1b1b; } svg text.name { font-weight: bold; font-size: 13px; } svg text.name-small { font-size: 11px; }
svg text.year { fill: #444; } svg text.on-dark { fill: #fff; font-weight: bold; } svg text.on-light { fill: #1b1b1b; font-weight: bold; }
svg text.value, svg text.late, svg text.on-light, svg text.horizon-label { paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
svg text.late { font-weight: bold; } svg text.horizon-label { font-weight: bold; font-size: 11px; }
svg .grid { stroke: #d5dde6; stroke-width: 1; } svg text.axis { font-size: 11px; fill: #555; }
table.collapsed .more { display: none; }
button.columns { margin: 0 0 0.5rem; font: inherit; padding: 0.25rem 0.75rem; border: 1px solid #8aa0b6; border-radius: 4px; background: #f4f7fa; cursor: pointer; } svg .horizon { stroke: #1b1b1b; stroke-width: 2; stroke-dasharray: 6 3; }
.scroll { overflow-x: auto; max-width: 100%; border: 1px solid #c8d3de; }
table { border-collapse: separate; border-spacing: 0; font-size: 0.8rem; }
th, td { border-right: 1px solid #c8d3de; border-bottom: 1px solid #c8d3de; padding: 0.3rem 0.45rem; vertical-align: top; }
thead th { background: #eef2f6; position: sticky; top: 0; min-width: 6.5em; max-width: 11em; text-align: left; font-weight: bold; }
thead tr.groups th { text-align: center; background: #dde6ef; min-width: 0; }
thead th.sortable { cursor: pointer; }
th[aria-sort="ascending"]::after { content: " ▲"; } th[aria-sort="descending"]::after { content: " ▼"; }
.filer { position: sticky; left: 0; z-index: 1; background: #fff; min-width: 14em; white-space: nowrap; font-weight: bold; text-align: left; box-shadow: 2px 0 0 #c8d3de; }
thead .filer { z-index: 2; background: #eef2f6; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.date, td.code { white-space: nowrap; font-variant-numeric: tabular-nums; }
tbody tr:nth-child(even) td { background: #f7f9fb; } tbody tr:nth-child(even) td.filer { background: #f7f9fb; }
ul.findings li { margin-bottom: 0.25rem; }
table.progress td.status { min-width: 12em; } table.progress td.late { background: #fbe9e7; border-left: 4px solid #8c2f1b; }
table.progress td.separated { color: #444; } table.progress td.no-plan { border-left: 4px dashed #8c2f1b; }
@page { size: A4 landscape; margin: 10mm; }
@media print {
  button.columns { display: none; } table.collapsed .more { display: table-cell; }
  body { margin: 0; max-width: none; } .scroll { overflow: visible; border: none; }
  thead th { position: static; min-width: 0; max-width: none; } thead th.sortable { cursor: auto; }
  /* every column on the page's width: a fixed layout shares it out, the cells wrap */
  table { width: 100%; table-layout: fixed; font-size: 5.5pt; } th, td { padding: 1px 2px; overflow-wrap: anywhere; }
  .filer { position: static; min-width: 0; white-space: normal; box-shadow: none; } td.n, td.date, td.code { white-space: normal; }
  h2 { break-after: avoid; }
}`;

const SORT = `<script>
document.querySelectorAll('button.columns').forEach(function (button) {
  var table = document.getElementById(button.getAttribute('aria-controls'));
  button.addEventListener('click', function () {
    var all = table.classList.toggle('collapsed') === false;
    button.setAttribute('aria-expanded', String(all));
    button.textContent = all ? button.dataset.mainLabel : button.dataset.allLabel;
    table.querySelectorAll('tr.groups th').forEach(function (th) {
      th.colSpan = Number(all ? th.dataset.all : th.dataset.main) || Number(th.dataset.all);
    });
  });
});
document.querySelectorAll('table.sortable').forEach(function (table) {
  table.querySelectorAll('th.sortable').forEach(function (th) {
    th.addEventListener('click', function () {
      var col = Number(th.dataset.col), asc = th.getAttribute('aria-sort') !== 'ascending';
      table.querySelectorAll('th.sortable').forEach(function (o) { o.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      var tbody = table.tBodies[0], rows = Array.from(tbody.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].dataset.v !== undefined ? a.cells[col].dataset.v : a.cells[col].textContent;
        var y = b.cells[col].dataset.v !== undefined ? b.cells[col].dataset.v : b.cells[col].textContent;
        var nx = parseFloat(x), ny = parseFloat(y);
        var c = x === '' && y !== '' ? 1 : y === '' && x !== '' ? -1 : !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y, 'ja');
        return asc ? c : -c;
      });
      rows.forEach(function (r) { tbody.appendChild(r); });
    });
  });
});
</script>`;

export function page(lang: Lang, title: string, body: string): Buffer {
  return Buffer.from(
    `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}
</style>
</head>
<body>
${body}
${SORT}
</body>
</html>
`,
    'utf8',
  );
}

const GROUPS: ColumnGroup[] = ['filing', 'systems', 'deadline', 'monitoring', 'assessment', 'change'];

function cell(column: Column, row: CompareRow, lang: Lang, first: boolean, extra = ''): string {
  const value = column.value(row, lang);
  const kind = first ? 'filer' : typeof value === 'number' ? 'n' : column.kind === 'date' ? 'date' : column.kind === 'code' ? 'code' : '';
  const cls = [kind, extra].filter(Boolean).join(' ');
  const sortValue = typeof value === 'number' ? ` data-v="${value}"` : '';
  const content = escapeHtml(shown(column, value, lang));
  return first ? `<th scope="row" class="filer">${content}</th>` : `<td${cls ? ` class="${cls}"` : ''}${sortValue}>${content}</td>`;
}

/**
 * Every indicator, its columns grouped under a header of their own, the filer column kept in view.
 * At first the main columns only (who filed what, when, signed by whom, and the few indicators the
 * orders follow), the rest one click away; printed, all of them.
 */
function table(rows: readonly CompareRow[], lang: Lang): string {
  const titles = headers(lang);
  const more = (c: Column) => (c.main ? '' : 'more');
  const groups = GROUPS.map((id) => {
    const columns = COLUMNS.filter((c) => c.group.id === id);
    return { id, n: columns.length, main: columns.filter((c) => c.main).length };
  }).filter((g) => g.n > 0);
  const groupRow = groups
    .map((g, i) => {
      const cls = [i === 0 ? 'filer-group' : '', g.main === 0 ? 'more' : ''].filter(Boolean).join(' ');
      return `<th scope="colgroup" colspan="${g.main || g.n}" data-all="${g.n}" data-main="${g.main}"${cls ? ` class="${cls}"` : ''}>${escapeHtml(t(lang, `compare.group.${g.id}` as MessageKey))}</th>`;
    })
    .join('');
  const head = COLUMNS.map(
    (c, i) =>
      `<th scope="col" data-col="${i}" class="sortable${i === 0 ? ' filer' : ''}${c.main ? '' : ' more'}">${escapeHtml(titles[i]!)}</th>`,
  ).join('');
  const body = rows.map((r) => `<tr>${COLUMNS.map((c, i) => cell(c, r, lang, i === 0, more(c))).join('')}</tr>`).join('\n');
  const main = COLUMNS.filter((c) => c.main).length;
  return `<button type="button" class="columns" id="columns" data-all-label="${escapeHtml(t(lang, 'compare.columns.all', { n: COLUMNS.length }))}" data-main-label="${escapeHtml(t(lang, 'compare.columns.main', { n: main }))}" aria-controls="compare" aria-expanded="false">${escapeHtml(t(lang, 'compare.columns.all', { n: COLUMNS.length }))}</button>
<div class="scroll"><table id="compare" class="sortable collapsed"><thead><tr class="groups">${groupRow}</tr><tr>${head}</tr></thead>
<tbody>
${body}
</tbody></table></div>`;
}

function summary(rows: readonly CompareRow[], lang: Lang): string {
  const last = latest(rows);
  const years = rows.map((r) => r.fiscalYear);
  const sum = (f: (r: CompareRow) => number) => last.reduce((n, r) => n + f(r), 0);
  const items: [MessageKey, string][] = [
    ['compare.summary.filers', String(last.length)],
    ['compare.summary.years', years.length ? `${Math.min(...years)}–${Math.max(...years)}` : '—'],
    ['compare.summary.shared', String(sum((r) => r.shared.length))],
    ['compare.summary.pastHorizon', String(sum((r) => r.deadline.pastHorizon))],
    ['compare.summary.overdue', String(sum((r) => r.deadline.overdue))],
    ['compare.summary.notAppropriate', String(sum((r) => r.findingsNotAppropriate))],
    ['compare.summary.ruleFindings', String(sum((r) => r.ruleFindings))],
  ];
  return `<dl class="summary">${items
    .map(([key, value]) => `<div><dt>${escapeHtml(t(lang, key, { horizon: HORIZON }))}</dt><dd>${escapeHtml(value)}</dd></div>`)
    .join('')}</dl>`;
}

/** What the page says it was made from, and when (YYYY-MM-DD). */
export interface PageSource {
  source?: string;
  asOf?: string;
}

/** When and from what the report was made: "As of 2026-12-03, from regulator.sqlite." */
export function asOfLine(lang: Lang, options: PageSource | undefined): string {
  return options?.asOf && options.source ? ` ${escapeHtml(t(lang, 'compare.asOf', { date: options.asOf, source: options.source }))}` : '';
}

export function toHtml(rows: CompareRow[], lang: Lang, options?: PageSource): Buffer {
  const title = t(lang, 'compare.title');
  const body = `<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(t(lang, 'compare.note', { n: rows.length }))}${asOfLine(lang, options)}</p>
<h2>${escapeHtml(t(lang, 'compare.section.summary'))}</h2>
${summary(rows, lang)}
<h2>${escapeHtml(t(lang, 'compare.section.charts'))}</h2>
${[readinessChart(rows, lang), sharedChart(rows, lang), timelineChart(rows, lang), findingsChart(rows, lang)].map(figure).join('\n')}
<h2>${escapeHtml(t(lang, 'compare.section.table'))}</h2>
${table(rows, lang)}`;
  return page(lang, title, body);
}

/** One filer: its years side by side, what changed in the last, what is late, the findings it filed. */
export function toFilerHtml(rows: CompareRow[], lang: Lang, options?: PageSource): Buffer {
  const years = [...rows].sort((a, b) => a.fiscalYear - b.fiscalYear);
  const last = years[years.length - 1]!;
  const before = years.length > 1 ? years[years.length - 2]! : undefined;
  const title = t(lang, 'compare.filer.title', { filer: last.filer, number: last.corporateNumber });
  const titles = headers(lang);
  // when each year was submitted and who signed it, then the indicators
  const columns = COLUMNS.map((c, i) => ({ c, title: titles[i]! })).filter(
    ({ c }) => (c.group.id !== 'filing' || c.key === 'submitted' || c.key === 'signature') && c.group.id !== 'change',
  );
  const head = `<th scope="col" class="filer">${escapeHtml(t(lang, 'compare.filer.indicator'))}</th>${years
    .map((r) => `<th scope="col">${escapeHtml(t(lang, 'compare.chart.year', { year: r.fiscalYear }))}</th>`)
    .join('')}`;
  const body = columns
    .map(
      ({ c, title: label }) =>
        `<tr><th scope="row" class="filer">${escapeHtml(label)}</th>${years
          .map((r) => {
            const v = c.value(r, lang);
            return `<td${typeof v === 'number' ? ' class="n"' : ''}>${escapeHtml(shown(c, v, lang))}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('\n');
  const changed = before
    ? columns
        .filter(({ c }) => c.group.id !== 'filing')
        .map(({ c, title: label }) => ({ label, c, a: c.value(before, lang), b: c.value(last, lang) }))
        .filter(({ a, b }) => a !== b)
        .map(
          ({ label, c, a, b }) =>
            `<li>${escapeHtml(label)}: ${escapeHtml(shown(c, a, lang) || '—')} → ${escapeHtml(shown(c, b, lang) || '—')}</li>`,
        )
    : [];
  const findings = last.findings.map(
    (f) => `<li><code>${escapeHtml(f.code)}</code> (${escapeHtml(f.severity)}) ${escapeHtml(f.message)}</li>`,
  );
  const html = `<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(t(lang, 'compare.filer.note', { n: years.length, profile: last.profile }))}${asOfLine(lang, options)}</p>
<h2>${escapeHtml(t(lang, 'compare.filer.years'))}</h2>
<div class="scroll"><table id="filer"><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table></div>
<h2>${escapeHtml(
    before ? t(lang, 'compare.filer.changed', { from: before.fiscalYear, to: last.fiscalYear }) : t(lang, 'compare.filer.firstYear'),
  )}</h2>
${before ? (changed.length > 0 ? `<ul>${changed.join('')}</ul>` : `<p>${escapeHtml(t(lang, 'compare.filer.noChange'))}</p>`) : ''}
<h2>${escapeHtml(t(lang, 'compare.filer.late', { year: last.fiscalYear }))}</h2>
${[timelineChart([last], lang), sharedChart(years, lang), readinessChart(years, lang)].map(figure).join('\n')}
<h2>${escapeHtml(t(lang, 'compare.filer.findings', { year: last.fiscalYear, n: last.findings.length }))}</h2>
${findings.length > 0 ? `<ul class="findings">${findings.join('')}</ul>` : `<p>${escapeHtml(t(lang, 'compare.filer.noFindings'))}</p>`}
<h2>${escapeHtml(t(lang, 'compare.filer.settings', { year: last.fiscalYear }))}</h2>
${
  last.settings.length > 0
    ? `<ul class="findings">${last.settings
        .map(
          (s) =>
            `<li><code>${escapeHtml(s.setting.replace(/^rules\//, ''))}</code> ${escapeHtml(s.defaultValue ?? '—')} → ${escapeHtml(s.value)}${
              s.justification ? `: ${escapeHtml(s.justification)}` : ''
            }</li>`,
        )
        .join('')}</ul>`
    : `<p>${escapeHtml(t(lang, 'compare.filer.noSettings'))}</p>`
}`;
  return page(lang, title, html);
}
