// Signatures that name the company: a PAdES signature on the PDF and a detached CMS signature on the
// bundle's manifest, made with a certificate (PKCS#12), checked by tools taisei did not write —
// poppler's pdfsig with the test CA trusted in an NSS database, and openssl cms -verify — and by
// verify and ingest against a trust register. The CA, the filers' certificates and the CRL are made
// here with openssl.
import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDirectory, readEntry, writeZip } from '../src/bundle/zip.js';
import { openSqlite } from '../src/regulator/sqlite.js';
import { EXAMPLES, runCli, tempDir } from './helpers.js';

const SODEN = '1020001088123'; // the 送電事業者 of examples/soden-13
const IPPAN = '9010401199001'; // the 一般送配電事業者 of examples/ippan-15
const PASSWORD = 'correct horse';

let dir: string;
const at = (name: string) => join(dir, name);

function tool(command: string, args: string[], input?: string): string {
  const run = spawnSync(command, args, { cwd: dir, encoding: 'utf8', input });
  if (run.error)
    throw new Error(
      `${command} is needed for these tests (Debian: apt-get install openssl poppler-utils libnss3-tools): ${run.error.message}`,
    );
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

/** A filer certificate issued by the test CA, with its 法人番号 in the subject, as a PKCS#12 file. */
function filerCertificate(name: string, number: string, ca = 'ca'): string {
  tool('openssl', [
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.csr`,
    '-subj',
    `/C=JP/O=${name}/CN=${name}/serialNumber=${number}`,
  ]);
  tool('openssl', ['ca', '-batch', '-config', `${ca}.cnf`, '-in', `${name}.csr`, '-out', `${name}.pem`, '-days', '365', '-notext']);
  tool('openssl', [
    'pkcs12',
    '-export',
    '-inkey',
    `${name}.key`,
    '-in',
    `${name}.pem`,
    '-certfile',
    `${ca}.pem`,
    '-out',
    `${name}.p12`,
    '-passout',
    `pass:${PASSWORD}`,
  ]);
  return at(`${name}.p12`);
}

function certificateAuthority(name: string): void {
  mkdirSync(at(`${name}-db`), { recursive: true });
  writeFileSync(at(`${name}-db/index.txt`), '');
  writeFileSync(at(`${name}-db/crlnumber`), '01\n');
  writeFileSync(
    at(`${name}.cnf`),
    `[ca]\ndefault_ca = test\n[test]\ndir = ${at(`${name}-db`)}\ndatabase = $dir/index.txt\nnew_certs_dir = $dir\ncrlnumber = $dir/crlnumber\n` +
      `certificate = ${at(`${name}.pem`)}\nprivate_key = ${at(`${name}.key`)}\ndefault_md = sha256\npolicy = any\nrand_serial = yes\n` +
      `default_crl_days = 30\nunique_subject = no\ncopy_extensions = none\nx509_extensions = leaf\n` +
      `[any]\ncountryName = optional\norganizationName = optional\ncommonName = supplied\nserialNumber = optional\n` +
      `[leaf]\nbasicConstraints = critical,CA:FALSE\nkeyUsage = critical,digitalSignature,nonRepudiation\n`,
  );
  tool('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.pem`,
    '-days',
    '3650',
    '-subj',
    `/CN=${name} Test CA`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
}

function build(example: string, out: string, p12: string, env: Record<string, string> = {}) {
  return runCli(['build', join(EXAMPLES, example), '--out', at(out), '--sign', p12], { env: { TAISEI_SIGN_PASSWORD: PASSWORD, ...env } });
}

const verifyJson = (file: string, ...extra: string[]) => {
  const run = runCli(['verify', file, '--format', 'json', ...extra]);
  return {
    status: run.status,
    doc: JSON.parse(run.stdout) as {
      diagnostics: { code: string; message: string; severity: string }[];
      verified?: Record<string, unknown>[];
    },
  };
};
const codes = (doc: { diagnostics: { code: string; severity: string }[] }) =>
  doc.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);

/** An entry of a bundle, by name. */
function bundleEntries(zipPath: string): (name: string) => Buffer {
  const zip = readFileSync(zipPath);
  const entries = readDirectory(zip);
  return (name) =>
    readEntry(
      zip,
      entries.find((e) => e.name === name)!,
    );
}

/** openssl cms -verify of a bundle's manifest.p7s over its manifest.json, against the test CA (files named `${stem}.json`, `.p7s`). */
function cmsVerify(entry: (name: string) => Buffer, stem: string) {
  writeFileSync(at(`${stem}.json`), entry('manifest.json'));
  writeFileSync(at(`${stem}.p7s`), entry('manifest.p7s'));
  return spawnSync(
    'openssl',
    [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      `${stem}.p7s`,
      '-content',
      `${stem}.json`,
      '-CAfile',
      'ca.pem',
      '-out',
      '/dev/null',
    ],
    { cwd: dir, encoding: 'utf8' },
  );
}

beforeAll(() => {
  dir = tempDir('taisei-signing-');
  certificateAuthority('ca');
  certificateAuthority('other');
  filerCertificate('soden', SODEN);
  filerCertificate('ippan', IPPAN);
  filerCertificate('revoked', SODEN);
  filerCertificate('stranger', SODEN, 'other');
  tool('openssl', ['ca', '-batch', '-config', 'ca.cnf', '-revoke', 'revoked.pem']);
  tool('openssl', ['ca', '-batch', '-config', 'ca.cnf', '-gencrl', '-out', 'ca.crl']);
  // the NSS database pdfsig reads, with the test CA trusted
  mkdirSync(at('nss'));
  tool('certutil', ['-N', '-d', `sql:${at('nss')}`, '--empty-password']);
  tool('certutil', ['-A', '-d', `sql:${at('nss')}`, '-n', 'taisei-test-ca', '-t', 'CT,C,C', '-i', at('ca.pem')]);
  const signed = build('soden-13', 'signed', at('soden.p12'));
  expect(signed.status, signed.stdout + signed.stderr).toBe(0);
  expect(signed.stderr).toContain('signed');
}, 120_000);

describe('a filing signed with a certificate', () => {
  it('is valid, trusted and whole for poppler pdfsig, and the manifest signature for openssl cms', () => {
    const pdf = at('signed/report-2024-submission.pdf');
    const report = tool('pdfsig', ['-nssdir', `sql:${at('nss')}`, pdf]);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Certificate Validation: Certificate is Trusted.');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain(`serialNumber=${SODEN}`);
    // the bundle: its manifest signed by the same certificate, its PDF the signed one, byte for byte
    const entry = bundleEntries(at('signed/report-2024-submission.zip'));
    expect(entry('report.pdf').equals(readFileSync(pdf))).toBe(true);
    const cms = cmsVerify(entry, 'manifest');
    expect(cms.status, cms.stderr).toBe(0);
    expect(cms.stderr).toContain('Verification successful');
  });

  it('signs a progress report as it signs the filing: pdfsig and openssl cms check it, verify and ingest name the signer', () => {
    const run = runCli(
      [
        'build',
        join(EXAMPLES, 'soden-13'),
        '--document',
        'progress',
        '--as-of',
        '2025-03-31',
        '--out',
        at('progress'),
        '--sign',
        at('soden.p12'),
      ],
      { env: { TAISEI_SIGN_PASSWORD: PASSWORD } },
    );
    expect(run.status, run.stderr).toBe(0);
    const pdf = at('progress/progress-2025-03-31-submission.pdf');
    const report = tool('pdfsig', ['-nssdir', `sql:${at('nss')}`, pdf]);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Certificate Validation: Certificate is Trusted.');
    expect(report).toContain('Total document signed');
    const entry = bundleEntries(at('progress/progress-2025-03-31-submission.zip'));
    expect(JSON.parse(entry('manifest.json').toString('utf8'))).toMatchObject({ document: 'progress', asOf: '2025-03-31' });
    const cms = cmsVerify(entry, 'progress-manifest');
    expect(cms.status, cms.stderr).toBe(0);
    const { status, doc } = verifyJson(at('progress/progress-2025-03-31-submission.zip'), '--trust', at('ca.pem'), '--require-signature');
    expect(status, JSON.stringify(doc.diagnostics)).toBe(0);
    expect(doc.verified![0]).toMatchObject({ progress: { asOf: '2025-03-31' }, signature: { kind: 'certificate', trusted: 'issuer' } });
    const db = at('progress.sqlite');
    expect(runCli(['trust', 'add', at('ca.pem'), '--db', db, '--by', 'test']).status).toBe(0);
    const ingest = runCli(['ingest', at('progress/progress-2025-03-31-submission.zip'), '--db', db, '--require-signature']);
    expect(ingest.status, ingest.stdout + ingest.stderr).toBe(0);
    const conn = openSqlite(db, { mustExist: true, readOnly: true });
    try {
      expect(conn.prepare('SELECT document, as_of, signed, signer_subject FROM bundles').all()).toEqual([
        { document: 'progress', as_of: '2025-03-31', signed: 1, signer_subject: expect.stringContaining(`serialNumber=${SODEN}`) },
      ]);
    } finally {
      conn.close();
    }
  });

  it('verifies with the trust register, and says whose filing it is and who signed it', () => {
    for (const file of ['signed/report-2024-submission.zip', 'signed/report-2024-submission.pdf']) {
      const { status, doc } = verifyJson(at(file), '--trust', at('ca.pem'), '--require-signature');
      expect(status, JSON.stringify(doc.diagnostics)).toBe(0);
      const proof = doc.verified![0] as {
        filer: { corporateNumber: string };
        fiscalYear: number;
        edition: string;
        profile: string;
        signature: Record<string, string>;
      };
      expect(proof.filer.corporateNumber).toBe(SODEN);
      expect([proof.fiscalYear, proof.edition, proof.profile]).toEqual([2024, 'submission', 'soden-13']);
      expect(proof.signature.kind).toBe('certificate');
      expect(proof.signature.trusted).toBe('issuer');
      expect(proof.signature.subject).toContain(`serialNumber=${SODEN}`);
      expect(proof.signature.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(proof.signature.signingTime).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    // in text, for a person
    const text = runCli(['verify', at('signed/report-2024-submission.zip'), '--trust', at('ca.pem')]);
    expect(text.stdout).toMatch(/✓ .*the filing of 北灘送電株式会社 \(法人番号 1020001088123\), fiscal year 2024/);
    expect(text.stdout).toContain('issued by the trusted CN=ca Test CA');
    // the signed PDF is still what the PDF/A checks expect
    const alone = at('alone.pdf');
    copyFileSync(at('signed/report-2024-submission.pdf'), alone);
    expect(verifyJson(alone).doc.diagnostics.filter((d) => d.code.startsWith('pdf/not-pdfa'))).toEqual([]);
  });

  it("refuses a changed byte, an appended update and another filer's manifest signature, each with its own message, and ingest stores none", () => {
    const pdf = readFileSync(at('signed/report-2024-submission.pdf'));
    // a byte of the first page's content, well before the signature
    const changed = Buffer.from(pdf);
    changed[2000] = changed[2000]! ^ 0x01;
    writeFileSync(at('changed.pdf'), changed);
    expect(codes(verifyJson(at('changed.pdf')).doc)).toContain('pdf/signature');
    // an incremental update after the signature, re-declaring the first page's contents
    writeFileSync(at('updated.pdf'), pdf);
    appendFileSync(at('updated.pdf'), '\n999 0 obj\n<< /Length 0 >>\nstream\n\nendstream\nendobj\n');
    const updated = verifyJson(at('updated.pdf')).doc;
    expect(codes(updated)).toContain('pdf/signature-partial');
    expect(updated.diagnostics.find((d) => d.code === 'pdf/signature-partial')!.message).toContain('changed after it was signed');
    // the manifest signed again by the 一般送配電事業者's certificate
    const zip = readFileSync(at('signed/report-2024-submission.zip'));
    const entries = readDirectory(zip);
    const files = entries.map((e) => ({ name: e.name, data: readEntry(zip, e) }));
    writeFileSync(at('m.json'), files.find((f) => f.name === 'manifest.json')!.data);
    tool('openssl', [
      'cms',
      '-sign',
      '-binary',
      '-in',
      'm.json',
      '-signer',
      'ippan.pem',
      '-inkey',
      'ippan.key',
      '-outform',
      'DER',
      '-out',
      'm.p7s',
      '-md',
      'sha256',
    ]);
    files.find((f) => f.name === 'manifest.p7s')!.data = readFileSync(at('m.p7s'));
    writeFileSync(at('swapped.zip'), writeZip(files));
    const swapped = verifyJson(at('swapped.zip'), '--trust', at('ca.pem')).doc;
    expect(codes(swapped)).toContain('bundle/signature-filer');
    expect(swapped.diagnostics.find((d) => d.code === 'bundle/signature-filer')!.message).toContain(IPPAN);
    const messages = new Set([...codes(verifyJson(at('changed.pdf')).doc), ...codes(updated), ...codes(swapped)]);
    expect(messages.size).toBeGreaterThanOrEqual(3);
    // ingest, with the register: each refused, nothing stored
    const db = at('refusals.db');
    expect(runCli(['trust', 'add', at('ca.pem'), '--db', db, '--by', 'test']).status).toBe(0);
    for (const file of ['changed.pdf', 'updated.pdf', 'swapped.zip']) {
      const run = runCli(['ingest', '--db', db, at(file)]);
      expect(run.status, file).toBe(1);
    }
    const conn = openSqlite(db, { mustExist: true, readOnly: true });
    expect(conn.prepare('SELECT COUNT(*) n FROM bundles').get()).toEqual({ n: 0 });
    conn.close();
  });

  it("refuses filer A's certificate on a filing that names filer B, with a register or without", () => {
    const run = build('ippan-15', 'wrong-filer', at('soden.p12'));
    expect(run.status).toBe(0);
    for (const extra of [[], ['--trust', at('ca.pem')]]) {
      const { status, doc } = verifyJson(at('wrong-filer/report-2024-submission.zip'), ...extra);
      expect(status).toBe(1);
      expect(codes(doc)).toContain('bundle/signature-filer');
    }
  });

  it('refuses an expired, a not yet valid, a revoked and an untrusted certificate, each with its reason', () => {
    const year = 365 * 86_400;
    const now = Math.floor(Date.now() / 1000);
    const cases: [string, string, Record<string, string>, string][] = [
      ['expired', 'soden.p12', { SOURCE_DATE_EPOCH: String(now + 2 * year) }, 'had expired'],
      ['early', 'soden.p12', { SOURCE_DATE_EPOCH: String(now - year) }, 'not yet valid'],
      ['revoked', 'revoked.p12', {}, 'revoked'],
      ['stranger', 'stranger.p12', {}, 'neither chains to a trusted issuer'],
    ];
    for (const [out, p12, env, words] of cases) {
      expect(build('soden-13', out, at(p12), env).status, out).toBe(0);
      const { status, doc } = verifyJson(at(`${out}/report-2024-submission.zip`), '--trust', at('ca.pem'), '--crl', at('ca.crl'));
      expect(status, out).toBe(1);
      expect(codes(doc), out).toContain('bundle/signature-untrusted');
      expect(doc.diagnostics.find((d) => d.code === 'bundle/signature-untrusted')!.message, out).toContain(words);
    }
  });

  it('signs the same bytes for the same inputs and signing time', () => {
    const env = { SOURCE_DATE_EPOCH: String(Math.floor(Date.now() / 1000)) };
    expect(build('soden-13', 'same-1', at('soden.p12'), env).status).toBe(0);
    expect(build('soden-13', 'same-2', at('soden.p12'), env).status).toBe(0);
    for (const name of ['report-2024-submission.pdf', 'report-2024-submission.zip'])
      expect(readFileSync(at(`same-1/${name}`)).equals(readFileSync(at(`same-2/${name}`))), name).toBe(true);
  });

  it('says what is wrong with the password, without a stack trace, and writes nothing', () => {
    const wrong = build('soden-13', 'wrong-password', at('soden.p12'), { TAISEI_SIGN_PASSWORD: 'nope' });
    expect(wrong.status).toBe(3);
    expect(wrong.stdout + wrong.stderr).toContain('the password is wrong');
    expect(wrong.stdout + wrong.stderr).not.toMatch(/\n\s+at /);
    const none = runCli(['build', join(EXAMPLES, 'soden-13'), '--out', at('no-password'), '--sign', at('soden.p12')]);
    expect(none.status).toBe(3);
    expect(none.stdout + none.stderr).toContain('TAISEI_SIGN_PASSWORD');
    // the password from a file instead
    writeFileSync(at('password.txt'), `${PASSWORD}\n`);
    const fromFile = runCli([
      'build',
      join(EXAMPLES, 'soden-13'),
      '--out',
      at('from-file'),
      '--sign',
      at('soden.p12'),
      '--password-file',
      at('password.txt'),
    ]);
    expect(fromFile.status, fromFile.stderr).toBe(0);
  });
});

describe('keygen and the trust register', () => {
  it('makes a self-signed certificate naming the filer, kept 0600 and never overwritten; a rotated one keeps the old filings verifying', () => {
    const keys = at('keys');
    mkdirSync(keys);
    const made = runCli(['keygen', join(EXAMPLES, 'ippan-15'), '--out', keys], { env: { TAISEI_SIGN_PASSWORD: PASSWORD } });
    expect(made.status, made.stderr).toBe(0);
    expect(statSync(join(keys, 'taisei-signing.p12')).mode & 0o777).toBe(0o600);
    const subject = tool('openssl', ['x509', '-in', join(keys, 'taisei-signing.cert.pem'), '-noout', '-subject', '-nameopt', 'utf8']);
    expect(subject).toContain(`serialNumber=${IPPAN}`);
    expect(subject).toContain('東雲電力送配電株式会社');
    const again = runCli(['keygen', join(EXAMPLES, 'ippan-15'), '--out', keys], { env: { TAISEI_SIGN_PASSWORD: PASSWORD } });
    expect(again.status).toBe(2);
    // the first year's filing, then a new certificate and the next filing
    expect(build('ippan-15', 'year-1', join(keys, 'taisei-signing.p12')).status).toBe(0);
    const rotated = runCli(['keygen', join(EXAMPLES, 'ippan-15'), '--out', keys, '--name', 'next'], {
      env: { TAISEI_SIGN_PASSWORD: PASSWORD },
    });
    expect(rotated.status).toBe(0);
    expect(build('ippan-15', 'year-2', join(keys, 'next.p12')).status).toBe(0);
    // the register holds both: each year's filing verifies, and ingest records who signed it
    const fingerprints: string[] = [];
    for (const year of ['year-1', 'year-2']) {
      const db = at(`register-${year}.db`);
      expect(
        runCli([
          'trust',
          'add',
          join(keys, 'taisei-signing.cert.pem'),
          join(keys, 'next.cert.pem'),
          '--db',
          db,
          '--by',
          '監督官',
          '--note',
          '令和7年6月受領',
        ]).status,
      ).toBe(0);
      const listed = JSON.parse(runCli(['trust', 'list', '--db', db, '--format', 'json']).stdout) as {
        kind: string;
        corporateNumber: string;
        addedBy: string;
        note: string;
      }[];
      expect(listed.map((e) => [e.kind, e.corporateNumber, e.addedBy, e.note])).toEqual([
        ['pinned', IPPAN, '監督官', '令和7年6月受領'],
        ['pinned', IPPAN, '監督官', '令和7年6月受領'],
      ]);
      const run = runCli(['ingest', '--db', db, '--require-signature', at(`${year}/report-2024-submission.zip`)]);
      expect(run.status, run.stdout).toBe(0);
      const conn = openSqlite(db, { mustExist: true, readOnly: true });
      const row = conn.prepare('SELECT signed, signer_fingerprint, signer_subject FROM bundles').get() as {
        signed: number;
        signer_fingerprint: string;
        signer_subject: string;
      };
      conn.close();
      expect(row.signed).toBe(1);
      expect(row.signer_subject).toContain(IPPAN);
      fingerprints.push(row.signer_fingerprint);
    }
    expect(new Set(fingerprints).size).toBe(2);
    // another filer's pinned certificate does not speak for this one
    const strict = at('strict.db');
    expect(runCli(['trust', 'add', join(keys, 'next.cert.pem'), '--db', strict, '--pin', SODEN]).status).toBe(0);
    const refused = runCli(['ingest', '--db', strict, at('year-2/report-2024-submission.zip'), '--format', 'json']);
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.stdout).diagnostics.map((d: { code: string }) => d.code)).toContain('bundle/signature-untrusted');
    chmodSync(join(keys, 'taisei-signing.p12'), 0o600);
  });
});
