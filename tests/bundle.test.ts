// The bundle: written beside the PDF, deterministic, signed; verify refuses what it cannot trust.
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDirectory, readEntry, writeZip } from '../src/bundle/zip.js';
import { readVerifiedBundle } from '../src/bundle/verify.js';
import { readPublicKey } from '../src/bundle/keys.js';
import { EXAMPLES, ROOT, runCli, tempDir } from './helpers.js';

/** A PDF as taisei wrote them before they carried their data: a catalog and no embedded file. */
const OLD_PDF = Buffer.from(
  '%PDF-1.3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

let dir: string;
let submission: string;
let publicBundle: string;

function entries(path: string): Map<string, Buffer> {
  const zip = readFileSync(path);
  return new Map(readDirectory(zip).map((e) => [e.name, readEntry(zip, e)]));
}

function rezip(path: string, change: (files: Map<string, Buffer>) => void, to: string): string {
  const files = entries(path);
  change(files);
  writeFileSync(to, writeZip([...files].map(([name, data]) => ({ name, data }))));
  return to;
}

/** Replaces a file and lists it in the manifest with its new hash (the signature no longer holds: dropped). */
function replaceListed(
  files: Map<string, Buffer>,
  name: string,
  bytes: Buffer | undefined,
  manifestChange: (m: Record<string, unknown>) => void = () => {},
): void {
  const manifest = JSON.parse(files.get('manifest.json')!.toString());
  manifest.files = manifest.files.filter((f: { path: string }) => f.path !== name);
  if (bytes) {
    files.set(name, bytes);
    manifest.files.push({
      path: name,
      mediaType: 'application/json',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  } else files.delete(name);
  manifestChange(manifest);
  files.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
  files.delete('manifest.sig');
}

function verify(args: string[]) {
  const run = runCli(['verify', ...args, '--format', 'json']);
  return {
    status: run.status,
    diagnostics: JSON.parse(run.stdout).diagnostics as { code: string; file: string; message: string; severity: string }[],
  };
}

beforeAll(() => {
  dir = tempDir('taisei-bundle-');
  expect(runCli(['keygen', '--out', dir]).status).toBe(0);
  expect(runCli(['keygen', '--out', dir, '--name', 'other']).status).toBe(0);
  const run = runCli([
    'build',
    join(EXAMPLES, 'ippan-15'),
    '--out',
    join(dir, 'out'),
    '--edition',
    'both',
    '--sign',
    join(dir, 'taisei.key.pem'),
  ]);
  expect(run.status, run.stderr).toBe(0);
  submission = join(dir, 'out', 'report-2024-submission.zip');
  publicBundle = join(dir, 'out', 'report-2024-public.zip');
}, 60_000);

describe('writing', () => {
  it('keeps the private key private and never overwrites a key', () => {
    expect(statSync(join(dir, 'taisei.key.pem')).mode & 0o777).toBe(0o600);
    const again = runCli(['keygen', '--out', dir]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
  });

  it('holds the manifest, its signature, filing.json, the PDF and the attachments', () => {
    const files = entries(submission);
    expect([...files.keys()]).toEqual([
      'manifest.json',
      'manifest.sig',
      'filing.json',
      'report.pdf',
      'assessment.json',
      'attachments/floor-dispatch-03.pdf',
      'attachments/floor-hq-08.pdf',
      'attachments/floor-hq-09.pdf',
      'attachments/rule-101.pdf',
    ]);
    const manifest = JSON.parse(files.get('manifest.json')!.toString());
    expect(manifest).toMatchObject({
      format: 'taisei-bundle',
      formatVersion: 2,
      generator: { name: 'taisei' },
      schemaVersion: 4,
      profile: 'ippan-15',
      fiscalYear: 2024,
      edition: 'submission',
      created: '2025-06-20',
      filer: { corporateNumber: '9010401199001' },
    });
    for (const file of manifest.files) {
      const bytes = files.get(file.path)!;
      expect(file.size).toBe(bytes.length);
      expect(file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    const filing = JSON.parse(files.get('filing.json')!.toString());
    expect(filing).toMatchObject({ format: 'taisei-filing', schemaVersion: 4, profile: 'ippan-15', edition: 'submission' });
    expect(filing.filing.addressee).toBe('経済産業大臣');
    expect(filing.filing.systems[0].holdsNonPublic).toBe(true); // a schema default, applied
    // canonical JSON: keys sorted, no whitespace
    expect(files.get('filing.json')!.toString().startsWith('{"edition":"submission","filing":{"addressee":')).toBe(true);
  });

  it('is byte-identical when built again with the same key', () => {
    const again = join(tempDir('taisei-bundle-'), 'out');
    expect(runCli(['build', join(EXAMPLES, 'ippan-15'), '--out', again, '--sign', join(dir, 'taisei.key.pem')]).status).toBe(0);
    expect(readFileSync(join(again, 'report-2024-submission.zip')).equals(readFileSync(submission))).toBe(true);
  });

  it('keeps every withheld value out of the public bundle, and counts them by section', () => {
    const files = entries(publicBundle);
    const text = [...files.values()].map((b) => b.toString('utf8')).join('\n');
    for (const value of ['宮下 健太郎', '大西 由紀子', '佐伯 真理', '仮想サーバ 4台', '静脈認証の二要素'])
      expect(text, value).not.toContain(value);
    expect([...files.keys()].some((k) => k.includes('floor-'))).toBe(false);
    const manifest = JSON.parse(files.get('manifest.json')!.toString());
    // every system's host, and the floor and name of the room 21 of them stand in (one fact, withheld wherever it prints)
    expect(manifest.redaction.withheld).toBe(40);
    expect(manifest.redaction.bySection.systems).toBe(23);
    expect(files.get('filing.json')!.toString()).toContain('{"$withheld":true}');
  });
});

describe('verifying', () => {
  it('accepts both editions, signed, with the right key', () => {
    const { status, diagnostics } = verify([submission, publicBundle, '--key', join(dir, 'taisei.pub.pem'), '--require-signature']);
    // the rules re-run inside: the example's two deliberate warnings, once per edition; and a note that
    // the former signature names a key, not a company
    expect(diagnostics.map((d) => [d.code, d.severity]).sort()).toEqual(
      [0, 1]
        .flatMap(() => [
          ['assessment/recurrence-evidenced', 'warning'],
          ['systems/milestone-overdue', 'warning'],
          ['bundle/signature-legacy', 'info'],
        ])
        .sort(),
    );
    expect(status).toBe(0);
  });

  it('gives the regulator the contents of a verified bundle', async () => {
    const read = await readVerifiedBundle(submission, {
      lang: 'en',
      keys: [readPublicKey(join(dir, 'taisei.pub.pem'))],
      requireSignature: true,
    });
    expect(read.ok).toBe(true);
    expect(read.signed).toBe(true);
    expect(read.manifest?.profile).toBe('ippan-15');
    expect((read.filing!.filing.systems as unknown[]).length).toBe(23);
  });

  it('names each file that was changed', () => {
    for (const name of ['filing.json', 'report.pdf', 'attachments/rule-101.pdf']) {
      const tampered = rezip(
        submission,
        (files) => files.set(name, Buffer.concat([files.get(name)!, Buffer.from(' ')])),
        join(tempDir(), 'tampered.zip'),
      );
      const { status, diagnostics } = verify([tampered]);
      expect(status, name).toBe(1);
      expect(diagnostics.map((d) => `${d.code} ${d.file.split(':').pop()}`)).toContain(`bundle/hash-mismatch ${name}`);
    }
  });

  it('detects a changed manifest by its signature, and a file nobody listed', () => {
    const changed = rezip(
      submission,
      (files) =>
        files.set('manifest.json', Buffer.from(files.get('manifest.json')!.toString().replace('"fiscalYear":2024', '"fiscalYear":2023'))),
      join(tempDir(), 'm.zip'),
    );
    const bad = verify([changed, '--key', join(dir, 'taisei.pub.pem')]);
    expect(bad.diagnostics.map((d) => d.code)).toContain('bundle/signature');
    expect(bad.diagnostics.find((d) => d.code === 'bundle/signature')!.file).toMatch(/manifest\.sig$/);
    const extra = rezip(submission, (files) => files.set('attachments/extra.pdf', Buffer.from('%PDF')), join(tempDir(), 'x.zip'));
    expect(verify([extra]).diagnostics.map((d) => d.code)).toContain('bundle/unlisted-file');
  });

  it('flags a damaged byte in place, naming the entry', () => {
    const zip = readFileSync(submission);
    const entry = readDirectory(zip).find((e) => e.name === 'report.pdf')!;
    zip[entry.dataStart + 100] ^= 0xff;
    const path = join(tempDir(), 'flipped.zip');
    writeFileSync(path, zip);
    const d = verify([path]).diagnostics[0]!;
    expect(d.code).toBe('bundle/unsafe');
    expect(d.file).toMatch(/:report\.pdf$/);
  });

  it('refuses unsafe archives before reading them', () => {
    const cases: [string, ReturnType<typeof writeZip>][] = [
      [
        'parent',
        writeZip([
          { name: 'manifest.json', data: Buffer.from('{}') },
          { name: '../evil.sh', data: Buffer.from('x') },
        ]),
      ],
      ['absolute', writeZip([{ name: '/etc/passwd', data: Buffer.from('x') }])],
      [
        'duplicate',
        writeZip([
          { name: 'filing.json', data: Buffer.from('{}') },
          { name: 'filing.json', data: Buffer.from('{}') },
        ]),
      ],
      ['link', writeZip([{ name: 'attachments/link', data: Buffer.from('/etc/passwd'), mode: 0o120777 }])],
      [
        'unexpected',
        writeZip([
          { name: 'manifest.json', data: Buffer.from('{}') },
          { name: 'run.sh', data: Buffer.from('x') },
        ]),
      ],
    ];
    for (const [name, zip] of cases) {
      const path = join(tempDir(), `${name}.zip`);
      writeFileSync(path, zip);
      const { status, diagnostics } = verify([path]);
      expect(status, name).toBe(1);
      expect(diagnostics[0]!.code, name).toBe(name === 'unexpected' ? 'bundle/unexpected-entry' : 'bundle/unsafe');
    }
  });

  it('refuses a zip bomb at once, without inflating it', () => {
    const zeros = Buffer.alloc(200 * 1024 * 1024);
    const packed = deflateRawSync(zeros, { level: 9 });
    const zip = writeZip([{ name: 'report.pdf', data: Buffer.from('x') }]);
    // the same archive, with the entry swapped for 200 MB of zeros packed into ~200 kB
    const bomb = Buffer.concat([zip.subarray(0, 30), Buffer.from('report.pdf'), packed]);
    bomb.writeUInt16LE(8, 8);
    bomb.writeUInt32LE(packed.length, 18);
    bomb.writeUInt32LE(zeros.length, 22);
    const central = Buffer.from(zip.subarray(30 + 10 + 1));
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(zeros.length, 24);
    const end = central.subarray(central.length - 22);
    end.writeUInt32LE(bomb.length, 16);
    const path = join(tempDir(), 'bomb.zip');
    writeFileSync(path, Buffer.concat([bomb, central]));
    const started = Date.now();
    const { diagnostics } = verify([path]);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(diagnostics[0]).toMatchObject({ code: 'bundle/unsafe' });
    expect(diagnostics[0]!.message).toMatch(/expand|zip bomb/);
  });

  it('refuses a truncated bundle', () => {
    const zip = readFileSync(submission);
    const path = join(tempDir(), 'cut.zip');
    writeFileSync(path, zip.subarray(0, Math.floor(zip.length / 2)));
    const { status, diagnostics } = verify([path]);
    expect(status).toBe(1);
    expect(diagnostics[0]!.message).toMatch(/truncated/);
  });

  it('rejects the wrong key, and an unsigned bundle when a signature is required', () => {
    expect(verify([submission, '--key', join(dir, 'other.pub.pem')]).diagnostics.map((d) => d.code)).toEqual(['bundle/signature']);
    const unsignedDir = join(tempDir(), 'out');
    expect(runCli(['build', join(EXAMPLES, 'soden-13'), '--out', unsignedDir]).status).toBe(0);
    const unsigned = verify([join(unsignedDir, 'report-2024-submission.zip'), '--require-signature']);
    expect(unsigned.status).toBe(1);
    expect(unsigned.diagnostics.map((d) => d.code)).toEqual(['bundle/unsigned']);
    expect(verify([join(unsignedDir, 'report-2024-submission.zip')]).status).toBe(0);
  });

  it('re-runs the rules on the filing inside', () => {
    const broken = rezip(
      submission,
      (files) => {
        const filing = JSON.parse(files.get('filing.json')!.toString());
        filing.filing.organisation.informationManager.position = 'corporate-officer';
        files.set('filing.json', Buffer.from(JSON.stringify(filing)));
        const manifest = JSON.parse(files.get('manifest.json')!.toString());
        const entry = manifest.files.find((f: { path: string }) => f.path === 'filing.json');
        entry.size = files.get('filing.json')!.length;
        entry.sha256 = createHash('sha256').update(files.get('filing.json')!).digest('hex');
        files.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
        files.delete('manifest.sig');
      },
      join(tempDir(), 'rules.zip'),
    );
    const { diagnostics } = verify([broken]);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    // the rules find the change; report.pdf still carries the filing as built, and says so
    expect(errors.map((d) => d.code)).toEqual(['organisation/information-manager-is-officer', 'bundle/report-data']);
    expect(errors[0]!.file).toMatch(/:filing\.json$/);
    expect(errors[1]!.file).toMatch(/:report\.pdf$/);
  });

  it('carries the readiness score as assessment.json, and notices one that does not agree with the filing', async () => {
    const files = entries(submission);
    const carried = JSON.parse(files.get('assessment.json')!.toString());
    expect(carried).toMatchObject({
      method: 1,
      catalogue: 'internal-control-2023',
      overall: { items: 17, windows: 15, met: 14, readiness: 88.1 },
    });
    expect(carried.recurrences.find((r: { measure: string }) => r.measure === 'IP-03').missed).toEqual([
      { from: '2024-10', to: '2025-03' },
    ]);
    const { default: Ajv2020 } = await import('ajv/dist/2020.js');
    // strict: a published schema a consumer compiles must not even warn
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(
      JSON.parse(readFileSync(join(ROOT, 'schemas', 'assessment.schema.json'), 'utf8')),
    );
    expect(validate(carried), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...carried, overall: { ...carried.overall, readiness: 140 } })).toBe(false);
    const inflated = rezip(
      submission,
      (f) =>
        replaceListed(f, 'assessment.json', Buffer.from(JSON.stringify({ ...carried, overall: { ...carried.overall, readiness: 99.9 } }))),
      join(tempDir(), 'inflated.zip'),
    );
    expect(
      verify([inflated])
        .diagnostics.filter((d) => d.severity === 'error')
        .map((d) => [d.code, d.file.split(':').pop()]),
    ).toEqual([
      ['bundle/assessment', 'assessment.json'],
      ['bundle/report-data', 'report.pdf'],
    ]);
    const dropped = rezip(submission, (f) => replaceListed(f, 'assessment.json', undefined), join(tempDir(), 'dropped.zip'));
    expect(
      verify([dropped])
        .diagnostics.filter((d) => d.severity === 'error')
        .map((d) => d.code),
    ).toEqual(['bundle/assessment', 'bundle/report-data']);
  });

  it('still verifies a bundle of schema version 1, against version 1', () => {
    const asVersion1 = (keepSections: boolean) => (f: Map<string, Buffer>) => {
      const filing = JSON.parse(f.get('filing.json')!.toString());
      filing.schemaVersion = 1;
      // version 3's mark on a record (notable) was never in version 1, nor version 4's room of a system's host
      for (const record of filing.filing.transactions.records) delete record.notable;
      for (const system of filing.filing.systems) {
        if (system.host?.room) system.host = { location: '本店ビル 12階', ...system.host, room: undefined };
        // nor its plans' revisions, milestones' completed dates and notes, and the day a sharing ended
        const plan = system.sharing.separationPlan;
        if (plan) {
          delete plan.revisions;
          for (const milestone of plan.milestones ?? []) {
            delete milestone.completed;
            delete milestone.note;
          }
        }
        delete system.sharing.ended;
      }
      if (!keepSections) {
        delete filing.filing.selfAssessment;
        delete filing.filing.improvementPlan;
      }
      replaceListed(f, 'filing.json', Buffer.from(JSON.stringify(filing)), (m) => (m.schemaVersion = 1));
      replaceListed(f, 'assessment.json', undefined);
      // a PDF of the taisei that wrote version 1 carried no data inside
      replaceListed(f, 'report.pdf', OLD_PDF);
    };
    const old = verify([rezip(submission, asVersion1(false), join(tempDir(), 'v1.zip'))]);
    expect(old.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(old.status).toBe(0);
    // version 1 knows no self-assessment: the version-1 validator is the one that ran
    const mixed = verify([rezip(submission, asVersion1(true), join(tempDir(), 'v1-mixed.zip'))]);
    expect(mixed.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual([
      'schema/unknown-key',
      'schema/unknown-key',
    ]);
  });

  it('says a bundle comes from a newer taisei, rather than that its manifest is wrong', () => {
    const newer = rezip(
      submission,
      (f) => replaceListed(f, 'future.json', Buffer.from('{}'), (m) => (m.schemaVersion = 99)),
      join(tempDir(), 'newer.zip'),
    );
    const { status, diagnostics } = verify([newer]);
    expect(diagnostics.map((d) => d.code)).toContain('bundle/schema-version');
    expect(diagnostics.map((d) => d.code)).not.toContain('bundle/manifest');
    expect(status).toBe(1);
  });

  it('exits 3 for a bundle that is not there', () => {
    expect(runCli(['verify', join(dir, 'nope.zip')]).status).toBe(3);
  });
});
