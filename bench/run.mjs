#!/usr/bin/env node
// `npm run bench`: whole-process timings of the CLI against the issue targets, with plain Node
// timing (spawnSync, performance.now). Medians over several runs; `--check` exits 1 on a miss.
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  writeFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { delimiter, join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import os from 'node:os';
import { generateFiling } from './generate.mjs';
import { README_BEGIN, README_END } from './readme-block.mjs';
import { yardstickPage } from './yardstick.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'bench', '.work');
const bin = join(root, 'bin', 'taisei.js');
const runs = Number(process.env.BENCH_RUNS ?? 15);
const check = process.argv.includes('--check');
// --baseline <git revision>: also time the builds of that revision, A/B in the same run
const baselineRev = process.argv.includes('--baseline') ? process.argv[process.argv.indexOf('--baseline') + 1] : undefined;

function time(args, expectStatus = 0) {
  return measure(args, expectStatus).seconds;
}

/** Wall time of a whole process, and its peak RSS (reported by a preloaded hook). */
// On a Node without node:sqlite, the regulator's commands use better-sqlite3: the copy `npm test`
// installs for its own use (node_modules/.cache/taisei-test) serves the benchmark too.
const testModules = join(root, 'node_modules', '.cache', 'taisei-test', 'node_modules');
const env = { ...process.env, LANG: 'C' };
if (existsSync(testModules)) env.NODE_PATH = [testModules, process.env.NODE_PATH].filter(Boolean).join(delimiter);
const nodeSqlite = await import('node:sqlite').then(
  () => true,
  () => false,
);
const hasSqlite = nodeSqlite || existsSync(join(testModules, 'better-sqlite3')) || existsSync(join(root, 'node_modules', 'better-sqlite3'));

function measure(args, expectStatus = 0) {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['-r', join(root, 'bench', 'peak-rss.cjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env,
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== expectStatus) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr || result.stdout}`);
  const rss = Number(/bench-peak-rss-kb (\d+)/.exec(result.stderr)?.[1] ?? NaN) / 1024;
  return { seconds, rssMB: rss };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const results = [];
/** `node -e 0`'s median start in this run: every absolute time is also given as a multiple of it. */
let nodeStart;
function report(name, value, unit, target, pass) {
  results.push({ name, value, unit, target, pass });
  process.stdout.write(
    `${pass ? 'ok  ' : 'MISS'}  ${name.padEnd(58)} ${value.toFixed(unit === '×' ? 2 : 3).padStart(8)} ${unit.padEnd(2)} (target ${target})\n`,
  );
}

// 1. Cold validate of the example against a bare node start, interleaved so drift hits both.
{
  time([bin, 'validate', 'examples/ippan-15']);
  const a = [];
  const b = [];
  for (let i = 0; i < runs; i++) {
    a.push(time([bin, 'validate', 'examples/ippan-15']));
    b.push(time(['-e', '0']));
  }
  const ratios = a.map((x, i) => x / b[i]);
  nodeStart = median(b);
  process.stdout.write(`      validate examples/ippan-15: median ${median(a).toFixed(3)} s; node -e 0: median ${median(b).toFixed(3)} s\n`);
  report('cold validate examples/ippan-15 ÷ node -e 0 (median ratio)', median(ratios), '×', '≤ 2.0', median(ratios) <= 2.0);
}

// 2. 10,000 transaction records.
{
  const dir = generateFiling(root, join(work, 'tx10k'), 10_000);
  time([bin, 'validate', dir]);
  const xs = [];
  for (let i = 0; i < Math.max(5, Math.floor(runs / 3)); i++) xs.push(time([bin, 'validate', dir]));
  report('validate, 10,000 transaction records (median wall)', median(xs), 's', '≤ 0.35 s', median(xs) <= 0.35);
}

// 2a. The same 10,000 records as a CSV and as an xlsx beside the YAML (taisei export wrote them):
// CSV A/B against the YAML in the same run, xlsx against its own bound.
{
  const yaml = join(work, 'tx10k');
  const tabular = (ext) => {
    const dir = join(work, `tx10k-${ext}`);
    rmSync(dir, { recursive: true, force: true });
    cpSync(yaml, dir, { recursive: true });
    const sheet = join(work, `transactions.${ext}`);
    if (spawnSync(process.execPath, [bin, 'export', yaml, '--section', 'transactions', '--out', sheet], { env }).status !== 0)
      throw new Error('taisei export failed');
    // the records out of the YAML (they are the last key of the generated transactions.yaml)
    const file = join(dir, 'transactions.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, text.indexOf('\n  records:') + 1));
    cpSync(sheet, join(dir, `transactions.${ext}`));
    return dir;
  };
  const csv = tabular('csv');
  time([bin, 'validate', csv]);
  const ratios = [];
  for (let i = 0; i < Math.max(7, Math.floor(runs / 2)); i++) ratios.push(time([bin, 'validate', csv]) / time([bin, 'validate', yaml]));
  report('validate 10,000 records from CSV ÷ from YAML (median ratio)', median(ratios), '×', '≤ 1.2', median(ratios) <= 1.2);
  const xlsx = tabular('xlsx');
  const xs = [];
  for (let i = 0; i < 5; i++) xs.push(time([bin, 'validate', xlsx]));
  report('validate 10,000 records from xlsx (median wall)', median(xs), 's', '≤ 2 s', median(xs) <= 2);
}

// 2b. What the rules add: their cold, first-call time in a fresh process.
for (const [name, target, limit] of [
  ['examples/ippan-15', 'examples/ippan-15', 20],
  ['10,000 transaction records', join(work, 'tx10k'), 100],
]) {
  const xs = [];
  for (let i = 0; i < 7; i++) {
    const result = spawnSync(process.execPath, [join(root, 'bench', 'rules-time.mjs'), root, target], { cwd: root, encoding: 'utf8' });
    xs.push(JSON.parse(result.stdout).ms);
  }
  report(`rules on ${name} (median, cold)`, median(xs), 'ms', `≤ ${limit} ms`, median(xs) <= limit);
}

// 2c. Diff two filings of 10,000 transaction records (about 100 of them changed).
{
  const other = generateFiling(root, join(work, 'tx10k-next'), 10_000, 1);
  const xs = [];
  for (let i = 0; i < 5; i++) xs.push(time([bin, 'diff', join(work, 'tx10k'), other, '--format', 'json']));
  report('diff, two filings of 10,000 records (median wall)', median(xs), 's', '≤ 1 s', median(xs) <= 1);
}

// 3. Build the example's PDF (submission edition), cold.
{
  const out = join(work, 'build-example');
  time([bin, 'build', 'examples/ippan-15', '--out', out]);
  const xs = [];
  for (let i = 0; i < Math.max(5, Math.floor(runs / 3)); i++) xs.push(time([bin, 'build', 'examples/ippan-15', '--out', out]));
  report('build examples/ippan-15 (median wall)', median(xs), 's', '≤ 1.5 s', median(xs) <= 1.5);
  const size = statSync(join(out, 'report-2024-submission.pdf')).size / 1024 / 1024;
  report('  build examples/ippan-15: the PDF', size, 'MB', '≤ 1 MB', size <= 1);
  // the progress report of the same filing (build --document progress), interleaved with the annual
  // filing's build: the median of the pairs' ratios, which may not exceed one
  const progress = ['build', 'examples/ippan-15', '--document', 'progress', '--as-of', '2025-03-31', '--out', join(work, 'build-progress')];
  time([bin, ...progress]);
  const ratios = [];
  for (let i = 0; i < Math.max(5, Math.floor(runs / 3)); i++)
    ratios.push(time([bin, ...progress]) / time([bin, 'build', 'examples/ippan-15', '--out', out]));
  report(
    'build --document progress ÷ build of the annual filing, examples/ippan-15 (median ratio)',
    median(ratios),
    '×',
    '≤ 1',
    median(ratios) <= 1,
  );
  // the yardstick: headless Chromium printing the same filing as an HTML page of the same shape
  // (bench/yardstick.mjs), a whole process each, interleaved with the build
  const chromium =
    process.env.TAISEI_TEST_CHROMIUM ??
    ['chromium', 'chromium-browser', 'google-chrome']
      .map((name) => spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim())
      .find(Boolean);
  if (!chromium) process.stdout.write("skip  build ÷ Chromium print-to-PDF: no Chromium here (npm test installs Debian's)\n");
  else {
    const page = yardstickPage(root, join(root, 'examples', 'ippan-15'), work);
    const print = (i) => {
      const started = performance.now();
      const result = spawnSync(
        chromium,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          `--user-data-dir=${join(work, `chromium-${i}`)}`,
          '--no-pdf-header-footer',
          `--print-to-pdf=${join(work, 'yardstick.pdf')}`,
          pathToFileURL(page).href,
        ],
        { encoding: 'utf8' },
      );
      if (result.status !== 0) throw new Error(`chromium exited ${result.status}: ${result.stderr}`);
      return (performance.now() - started) / 1000;
    };
    print(0);
    const ratios = [];
    for (let i = 1; i <= 5; i++) ratios.push(time([bin, 'build', 'examples/ippan-15', '--out', out]) / print(i));
    report('build examples/ippan-15 ÷ Chromium printing it as HTML (median ratio)', median(ratios), '×', '≤ 0.5', median(ratios) <= 0.5);
  }
}

// 3a. What signing with a certificate adds to the example's build (a self-signed PKCS#12 from
// taisei keygen), interleaved with the unsigned build: the median of the pairs' differences.
{
  const keys = join(work, 'signing');
  rmSync(keys, { recursive: true, force: true });
  mkdirSync(keys, { recursive: true });
  const signEnv = { ...env, TAISEI_SIGN_PASSWORD: 'bench' };
  const made = spawnSync(process.execPath, [bin, 'keygen', 'examples/ippan-15', '--out', keys], {
    cwd: root,
    env: signEnv,
    encoding: 'utf8',
  });
  if (made.status !== 0) throw new Error(`keygen exited ${made.status}: ${made.stderr}`);
  const signed = (out) => {
    const started = performance.now();
    const result = spawnSync(
      process.execPath,
      [bin, 'build', 'examples/ippan-15', '--out', out, '--sign', join(keys, 'taisei-signing.p12')],
      {
        cwd: root,
        env: signEnv,
        encoding: 'utf8',
      },
    );
    if (result.status !== 0) throw new Error(`signed build exited ${result.status}: ${result.stderr}`);
    return (performance.now() - started) / 1000;
  };
  signed(join(work, 'build-signed'));
  const added = [];
  for (let i = 0; i < Math.max(5, Math.floor(runs / 3)); i++) {
    const plain = time([bin, 'build', 'examples/ippan-15', '--out', join(work, 'build-unsigned')]);
    added.push(signed(join(work, 'build-signed')) - plain);
  }
  report('signing adds to the example build (median of paired differences)', median(added), 's', '≤ 0.2 s', median(added) <= 0.2);
}

// 3b. Verify the example's bundle, cold.
{
  const bundle = join(work, 'build-example', 'report-2024-submission.zip');
  const xs = [];
  for (let i = 0; i < Math.max(5, Math.floor(runs / 2)); i++) xs.push(time([bin, 'verify', bundle]));
  report('verify the example bundle (median wall)', median(xs), 's', '≤ 0.25 s', median(xs) <= 0.25);
  // the PDF alone (no bundle beside it): the filing it carries, read from the PDF's objects
  const alone = join(work, 'pdf-alone');
  mkdirSync(alone, { recursive: true });
  copyFileSync(join(work, 'build-example', 'report-2024-submission.pdf'), join(alone, 'report.pdf'));
  const ys = [];
  for (let i = 0; i < Math.max(5, Math.floor(runs / 2)); i++) ys.push(time([bin, 'verify', join(alone, 'report.pdf')]));
  report('verify the example PDF on its own (median wall)', median(ys), 's', '≤ 0.25 s', median(ys) <= 0.25);
}

// 4. Build a filing with 10,000 transaction records.
{
  const dir = join(work, 'tx10k');
  const out = join(work, 'build-10k');
  const xs = [];
  const rss = [];
  for (let i = 0; i < 3; i++) {
    const m = measure([bin, 'build', dir, '--out', out]);
    xs.push(m.seconds);
    rss.push(m.rssMB);
  }
  report('build, 10,000 transaction records (median wall)', median(xs), 's', '≤ 7 s', median(xs) <= 7);
  report('  build, 10,000 records: peak RSS (largest of the runs)', Math.max(...rss), 'MB', '≤ 600 MB', Math.max(...rss) <= 600);
}

// 5. The regulator's side: ingest 100 generated bundles into a fresh database, then compare them.
if (!hasSqlite)
  process.stdout.write(
    'skip  ingest and compare: this Node has no node:sqlite and better-sqlite3 is not installed (npm test installs it)\n',
  );
else {
  const dir = join(work, 'bundles100');
  rmSync(dir, { recursive: true, force: true });
  // generating them is not what is measured: two processes share the work
  const halves = [
    [0, 50],
    [50, 100],
  ].map(
    ([from, to]) =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [join(root, 'bench', 'bundles.mjs'), root, dir, String(from), String(to)], {
          stdio: ['ignore', 'ignore', 'inherit'],
        });
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bundle generation exited ${code}`))));
      }),
  );
  await Promise.all(halves);
  const bundles = readdirSync(dir)
    .filter((n) => n.startsWith('out-'))
    .map((n) => join(dir, n, 'report-2024-submission.zip'));
  const xs = [];
  const rss = [];
  const cs = [];
  for (let i = 0; i < 3; i++) {
    const db = join(work, `regulator-${i}.sqlite`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
    const m = measure([bin, 'ingest', '--db', db, ...bundles]);
    xs.push(m.seconds);
    rss.push(m.rssMB);
    cs.push(time([bin, 'compare', '--db', db, '--out', join(work, 'compare.xlsx')]));
  }
  report(`ingest ${bundles.length} bundles into a new database (median wall)`, median(xs), 's', '≤ 10 s', median(xs) <= 10);
  report('  ingest 100 bundles: peak RSS (largest of the runs)', Math.max(...rss), 'MB', '≤ 300 MB', Math.max(...rss) <= 300);
  report(`compare ${bundles.length} filings to xlsx (median wall)`, median(cs), 's', '≤ 1 s', median(cs) <= 1);
}

// 6. A/B against an earlier revision (--baseline REV): its tree is extracted with git archive, built
// with this checkout's node_modules, and each build is timed in turn with this one's.
if (baselineRev) {
  const base = join(work, 'baseline');
  rmSync(base, { recursive: true, force: true });
  mkdirSync(base, { recursive: true });
  const archive = spawnSync('sh', ['-c', `git -C "${root}" archive "${baselineRev}" | tar -x -C "${base}"`], { stdio: 'inherit' });
  if (archive.status !== 0) throw new Error(`git archive ${baselineRev} failed`);
  symlinkSync(join(root, 'node_modules'), join(base, 'node_modules'), 'dir');
  if (spawnSync(process.execPath, [join(base, 'scripts', 'build.mjs'), '--quiet'], { cwd: base, stdio: 'inherit' }).status !== 0)
    throw new Error(`building ${baselineRev} failed`);
  const baseBin = join(base, 'bin', 'taisei.js');
  const pair = (args, n) => {
    const a = [];
    const b = [];
    const rss = [];
    for (let i = 0; i < n; i++) {
      const m = measure([bin, ...args(join(work, 'ab-a'))]);
      a.push(m.seconds);
      rss.push(m.rssMB);
      b.push(time([baseBin, ...args(join(work, 'ab-b'))]));
    }
    return { ratio: median(a.map((x, i) => x / b[i])), a: median(a), b: median(b), rss: Math.max(...rss) };
  };
  {
    // validate's start-up (the pre-commit path), cold, A/B pair by pair
    const a = [];
    const b = [];
    for (let i = 0; i < runs; i++) {
      a.push(time([bin, 'validate', 'examples/ippan-15']));
      b.push(time([baseBin, 'validate', 'examples/ippan-15']));
    }
    const ratio = median(a.map((x, i) => x / b[i]));
    report(`validate examples/ippan-15 ÷ ${baselineRev} (median ratio)`, ratio, '×', '≤ 1.05', ratio <= 1.05);
  }
  const example = pair((out) => ['build', 'examples/ippan-15', '--out', out], Math.max(7, Math.floor(runs / 2)));
  process.stdout.write(`      build examples/ippan-15: median ${example.a.toFixed(3)} s; ${baselineRev}: ${example.b.toFixed(3)} s\n`);
  // a change may cost a build at most a tenth of its time
  report(`build examples/ippan-15 ÷ ${baselineRev} (median ratio)`, example.ratio, '×', '≤ 1.1', example.ratio <= 1.1);
  const large = pair((out) => ['build', join(work, 'tx10k'), '--out', out], 3);
  process.stdout.write(`      build, 10,000 records: median ${large.a.toFixed(3)} s; ${baselineRev}: ${large.b.toFixed(3)} s\n`);
  report(`build, 10,000 records ÷ ${baselineRev} (median ratio)`, large.ratio, '×', '≤ 1.1', large.ratio <= 1.1);
  report(`  build, 10,000 records (A/B against ${baselineRev}): peak RSS`, large.rss, 'MB', '≤ 600 MB', large.rss <= 600);
}

if (process.argv.includes('--write-readme')) writeReadme();
if (check && results.some((r) => !r.pass)) process.exit(1);

/**
 * The README's figures, written by this run into the block between its markers: what was measured,
 * as a ratio to the yardsticks measured in the same run (a bare `node -e 0` start; Chromium; the YAML
 * read), absolute times only as this machine's, with the date, the Node version and the machine.
 * The block carries the SHA-256 of its own lines, so that tests/docs.test.ts fails on a hand edit.
 */
function writeReadme() {
  const readme = join(root, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const begin = text.indexOf(README_BEGIN);
  const end = text.indexOf(README_END);
  if (begin < 0 || end < begin) throw new Error('README.md has no generated benchmark block to write');
  const cpus = os.cpus();
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench\` on Node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}; \`node -e 0\` started in ${nodeStart?.toFixed(3) ?? '—'} s on this machine. Medians of whole-process runs.`,
    '',
    '| | measured | on this machine | target | |',
    '|---|---|---|---|---|',
    ...results.map((r) => {
      const relative =
        r.unit === '×' ? `${r.value.toFixed(2)}×` : r.unit === 's' && nodeStart ? `${(r.value / nodeStart).toFixed(1)}× \`node -e 0\`` : '';
      const absolute = r.unit === '×' ? '' : `${r.value.toFixed(r.unit === 's' || (r.unit === 'MB' && r.value < 10) ? 3 : 0)} ${r.unit}`;
      return `| ${r.name.trim()} | ${relative} | ${absolute} | ${r.target} | ${r.pass ? 'met' : '**missed**'} |`;
    }),
  ];
  const body = lines.join('\n');
  const digest = createHash('sha256').update(body).digest('hex');
  const block = `${README_BEGIN}\n${body}\n\n<!-- sha256 ${digest} -->\n`;
  writeFileSync(readme, text.slice(0, begin) + block + text.slice(end));
  process.stdout.write('wrote the figures into README.md\n');
}
