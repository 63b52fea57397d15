// The report PDF as an archival file that carries its own data: PDF/A-3b identification, the sRGB
// output intent, every font embedded, filing.json (and assessment.json) as associated files with
// AFRelationship Data, byte for byte the bundle's; verify reads such a PDF and refuses one whose
// data were altered or replaced. What is read here with regular expressions is what taisei's PDFs
// write uncompressed (the catalog, the file specifications, the XMP); the embedded bytes are read
// with pdfjs, a reader independent of taisei's own.
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDirectory, readEntry } from '../src/bundle/zip.js';
import { PdfUnreadable, readPdfFacts, DEFAULT_PDF_LIMITS } from '../src/bundle/pdf-read.js';
import { readPdf } from './pdf-helpers.js';
import { EXAMPLES, runCli, tempDir } from './helpers.js';

const require = createRequire(import.meta.url);
let out: string;
const pdfs: Record<'submission' | 'public', Buffer> = { submission: Buffer.alloc(0), public: Buffer.alloc(0) };
const bundles: Record<'submission' | 'public', Map<string, Buffer>> = { submission: new Map(), public: new Map() };

function entries(zip: Buffer): Map<string, Buffer> {
  return new Map(readDirectory(zip).map((e) => [e.name, readEntry(zip, e)]));
}

beforeAll(() => {
  out = tempDir('taisei-pdfa-');
  const run = runCli(['build', join(EXAMPLES, 'ippan-15'), '--out', out, '--edition', 'both']);
  expect(run.status, run.stderr).toBe(0);
  for (const edition of ['submission', 'public'] as const) {
    pdfs[edition] = readFileSync(join(out, `report-2024-${edition}.pdf`));
    bundles[edition] = entries(readFileSync(join(out, `report-2024-${edition}.zip`)));
  }
}, 60_000);

const latin1 = (b: Buffer) => b.toString('latin1');
const xmpOf = (pdf: Buffer) => {
  const text = pdf.toString('utf8');
  return text.slice(text.indexOf('<?xpacket begin'), text.indexOf('<?xpacket end'));
};
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const md5 = (b: Uint8Array) => createHash('md5').update(b).digest('hex');

/** An incremental update, as a PDF editor writes one: the objects given replace their earlier selves. */
function update(pdf: Buffer, objects: Record<number, Buffer>): Buffer {
  const text = latin1(pdf);
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const size = Number(/\/Size (\d+)/.exec(trailer)![1]);
  const root = /\/Root (\d+ \d+ R)/.exec(trailer)![1];
  const parts: Buffer[] = [pdf, Buffer.from('\n')];
  let length = pdf.length + 1;
  let table = 'xref\n';
  for (const [num, body] of Object.entries(objects)) {
    table += `${num} 1\n${String(length).padStart(10, '0')} 00000 n \n`;
    const object = Buffer.concat([Buffer.from(`${num} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(object);
    length += object.length;
  }
  const newSize = Math.max(size, ...Object.keys(objects).map((n) => Number(n) + 1));
  table += `trailer\n<< /Size ${newSize} /Root ${root} /Prev ${prev} >>\nstartxref\n${length}\n%%EOF\n`;
  return Buffer.concat([...parts, Buffer.from(table, 'latin1')]);
}

const stream = (dict: string, data: Buffer) =>
  Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream')]);
const embeddedFileObject = (data: Buffer) =>
  stream(`/Type /EmbeddedFile /Subtype /application#2Fjson /Params << /Size ${data.length} /CheckSum (${md5(data)}) >>`, data);
/** The object number of the stream that holds an embedded file. */
const embeddedNumber = (pdf: Buffer, name: string) =>
  Number(new RegExp(`/F \\(${name.replace('.', '\\.')}\\)\\n/EF <<\\n/F (\\d+) 0 R`).exec(latin1(pdf))![1]);
const metadataNumber = (pdf: Buffer) => Number(/\/Metadata (\d+) 0 R/.exec(latin1(pdf))![1]);

/** filing.json with one value changed, as someone would alter it. */
function altered(filing: Buffer): Buffer {
  const text = filing.toString('utf8');
  expect(text).toContain('"participants":4788');
  return Buffer.from(text.replace('"participants":4788', '"participants":9999'));
}

describe('the report is a PDF/A-3b file', () => {
  it.each(['submission', 'public'] as const)('%s: identifies itself as PDF/A-3b in XMP, as PDF 1.7', (edition) => {
    const pdf = pdfs[edition];
    expect(latin1(pdf.subarray(0, 9))).toBe('%PDF-1.7\n');
    const xmp = xmpOf(pdf);
    expect(xmp).toMatch(/<pdfaid:part>3<\/pdfaid:part>/);
    expect(xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
    // the document information and its XMP twin say the same
    expect(xmp).toContain('<xmp:CreateDate>2025-06-19T15:00:00Z</xmp:CreateDate>');
    expect(xmp).toContain('<xmp:ModifyDate>2025-06-19T15:00:00Z</xmp:ModifyDate>');
    expect(xmp).toContain('<dc:creator><rdf:Seq><rdf:li>東雲電力送配電株式会社</rdf:li></rdf:Seq></dc:creator>');
    // taisei's own property is declared as PDF/A asks of an extension schema
    expect(xmp).toContain('<pdfaSchema:namespaceURI>urn:taisei:xmp:1.0/</pdfaSchema:namespaceURI>');
    expect(xmp).toContain('<pdfaProperty:name>filingSha256</pdfaProperty:name>');
  });

  it('escapes what the filer wrote in its XMP (an ampersand in the name)', () => {
    const dir = join(tempDir('taisei-pdfa-'), 'amp');
    const src = join(dir, 'src');
    require('node:fs').cpSync(join(EXAMPLES, 'ippan-15'), src, { recursive: true });
    const filing = readFileSync(join(src, 'filing.yaml'), 'utf8');
    writeFileSync(join(src, 'filing.yaml'), filing.replace('name: 東雲電力送配電株式会社', 'name: 東雲電力送配電株式会社 <R&D>'));
    const run = runCli(['build', src, '--out', dir]);
    expect(run.status, run.stderr).toBe(0);
    const xmp = xmpOf(readFileSync(join(dir, 'report-2024-submission.pdf')));
    expect(xmp).toContain('<rdf:li>東雲電力送配電株式会社 &lt;R&amp;D&gt;</rdf:li>');
    expect(xmp).not.toContain('<R&D>');
  });

  it('has an sRGB output intent with its ICC profile, and no encryption', () => {
    const text = latin1(pdfs.submission);
    expect(text).toMatch(/\/Type \/OutputIntent\n\/S \/GTS_PDFA1\n\/Info \(sRGB IEC61966-2\.1\)/);
    expect(text).toMatch(/\/OutputIntents \[\d+ 0 R\]/);
    expect(text).not.toMatch(/\/Encrypt\b/);
    const facts = readPdfFacts(pdfs.submission);
    expect(facts.outputIntents).toEqual([{ subtype: 'GTS_PDFA1', profile: true }]);
  });

  it('embeds every font it uses', () => {
    const text = latin1(pdfs.submission);
    const descriptors = [...text.matchAll(/\/Type \/FontDescriptor[\s\S]*?>>\nendobj/g)].map((m) => m[0]);
    expect(descriptors.length).toBeGreaterThanOrEqual(2);
    for (const d of descriptors) expect(d).toMatch(/\/FontFile[23]? \d+ 0 R/);
    expect(readPdfFacts(pdfs.submission).unembeddedFonts).toEqual([]);
  });

  it('finds a font that is not embedded (a PDF of the standard Helvetica)', async () => {
    const PDFDocument = require('pdfkit');
    const doc = new PDFDocument({ compress: false, info: { CreationDate: new Date(0) } });
    doc.font('Helvetica').text('not embedded');
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => doc.on('end', resolve));
    doc.end();
    await done;
    expect(readPdfFacts(Buffer.concat(chunks)).unembeddedFonts).toEqual(['Helvetica']);
  });

  it('is byte-identical when built again', () => {
    const again = tempDir('taisei-pdfa-');
    expect(runCli(['build', join(EXAMPLES, 'ippan-15'), '--out', again, '--edition', 'both']).status).toBe(0);
    for (const edition of ['submission', 'public'] as const)
      expect(readFileSync(join(again, `report-2024-${edition}.pdf`)).equals(pdfs[edition]), edition).toBe(true);
  });
});

describe('the report carries its data', () => {
  it('lists filing.json and assessment.json in /AF, each with AFRelationship Data and a media type', () => {
    const text = latin1(pdfs.submission);
    const af = /\/AF \[((?:\d+ 0 R ?)+)\]/.exec(text)?.[1];
    expect(af).toBeDefined();
    const refs = [...af!.matchAll(/(\d+) 0 R/g)].map((m) => m[1]);
    expect(refs).toHaveLength(2);
    for (const ref of refs) {
      const spec = new RegExp(`\\n${ref} 0 obj\\n<<\\n([\\s\\S]*?)>>\\nendobj`).exec(text)![1]!;
      expect(spec).toContain('/Type /Filespec');
      expect(spec).toContain('/AFRelationship /Data');
      expect(spec).toMatch(/\/UF \((filing|assessment)\.json\)/);
    }
    expect(
      text.match(/\/Type \/EmbeddedFile\n\/Params <<\n\/CreationDate \(D:20250619150000Z\)\n\/ModDate \(D:20250619150000Z\)/g),
    ).toHaveLength(2);
    expect(text.match(/\/Subtype \/application#2Fjson/g)).toHaveLength(2);
  });

  it("carries, byte for byte, the bundle's filing.json and assessment.json (read with pdfjs)", async () => {
    const { attachments } = await readPdf(pdfs.submission);
    const carried = attachments as Record<string, { filename: string; content: Uint8Array }>;
    expect(Object.keys(carried).sort()).toEqual(['assessment.json', 'filing.json']);
    for (const name of ['filing.json', 'assessment.json'])
      expect(Buffer.from(carried[name]!.content).equals(bundles.submission.get(name)!), name).toBe(true);
    // and records their hashes in XMP
    expect(xmpOf(pdfs.submission)).toContain(
      `<taisei:filingSha256>${sha256(bundles.submission.get('filing.json')!)}</taisei:filingSha256>`,
    );
  });

  it('the public PDF carries the public filing.json only', async () => {
    const { attachments } = await readPdf(pdfs.public);
    const carried = attachments as Record<string, { content: Uint8Array }>;
    expect(Object.keys(carried)).toEqual(['filing.json']);
    const filing = Buffer.from(carried['filing.json']!.content);
    expect(filing.equals(bundles.public.get('filing.json')!)).toBe(true);
    expect(filing.toString('utf8')).toContain('"$withheld":true');
    expect(filing.equals(bundles.submission.get('filing.json')!)).toBe(false);
  });
});

describe('taisei verify report.pdf', () => {
  const verify = (...files: string[]) => runCli(['verify', ...files, '--format', 'json']);
  const codes = (run: ReturnType<typeof runCli>) =>
    (JSON.parse(run.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
  /** A PDF alone in a folder of its own (no bundle beside it). */
  const alone = (pdf: Buffer) => {
    const path = join(tempDir('taisei-pdfa-'), 'report.pdf');
    writeFileSync(path, pdf);
    return path;
  };

  it('passes the PDF and says it is the report.pdf of the bundle beside it', () => {
    const run = verify(join(out, 'report-2024-submission.pdf'));
    expect(run.status, run.stdout).toBe(0);
    expect(codes(run)).toContain('pdf/bundle');
    expect(run.stdout).toContain('report-2024-submission.zip');
  });

  it('passes a PDF on its own, running the filing rules on the data it carries', () => {
    const run = verify(alone(pdfs.submission));
    expect(run.status, run.stdout).toBe(0);
    expect(codes(run)).not.toContain('pdf/bundle');
    expect(codes(run)).toContain('assessment/recurrence-evidenced'); // the example's one warning, found in filing.json
  });

  it('refuses a PDF whose filing.json was altered (an incremental update)', () => {
    const pdf = pdfs.submission;
    const tampered = update(pdf, {
      [embeddedNumber(pdf, 'filing.json')]: embeddedFileObject(altered(bundles.submission.get('filing.json')!)),
    });
    const run = verify(alone(tampered));
    expect(run.status).toBe(1);
    expect(codes(run)).toEqual(['pdf/embedded-altered']);
    const text = runCli(['verify', alone(tampered)]);
    expect(text.stdout).toContain('report.pdf:filing.json');
    expect(text.stdout).toContain('altered or replaced');
  });

  it('refuses a PDF whose metadata no longer records its data', () => {
    const pdf = pdfs.submission;
    const xmp = Buffer.from(xmpOf(pdf).replace(/<taisei:filingSha256>[0-9a-f]+<\/taisei:filingSha256>/, '') + '<?xpacket end="w"?>');
    const run = verify(alone(update(pdf, { [metadataNumber(pdf)]: stream('/Type /Metadata /Subtype /XML', xmp) })));
    expect(run.status).toBe(1);
    expect(codes(run)).toContain('pdf/embedded-unrecorded');
  });

  it('refuses a PDF whose data and metadata were both replaced, when the bundle of its build is beside it', () => {
    const pdf = pdfs.submission;
    const filing = altered(bundles.submission.get('filing.json')!);
    const xmp = Buffer.from(
      xmpOf(pdf).replace(/<taisei:filingSha256>[0-9a-f]+</, `<taisei:filingSha256>${sha256(filing)}<`) + '<?xpacket end="w"?>',
    );
    const tampered = update(pdf, {
      [embeddedNumber(pdf, 'filing.json')]: embeddedFileObject(filing),
      [metadataNumber(pdf)]: stream('/Type /Metadata /Subtype /XML', xmp),
    });
    // on its own, the PDF shows the update appended after its build
    const lone = verify(alone(tampered));
    expect(lone.status).toBe(1);
    expect(codes(lone)).toContain('pdf/updated');
    const dir = tempDir('taisei-pdfa-');
    writeFileSync(join(dir, 'report-2024-submission.pdf'), tampered);
    copyFileSync(join(out, 'report-2024-submission.zip'), join(dir, 'report-2024-submission.zip'));
    const run = verify(join(dir, 'report-2024-submission.pdf'));
    expect(run.status).toBe(1);
    expect(codes(run)).toContain('pdf/bundle-mismatch');
  });

  /** The PDF with a file added to its /EmbeddedFiles name tree (what readers list), the /AF array left as built. */
  const withNamedFile = (pdf: Buffer, name: string, data: Buffer) => {
    const text = latin1(pdf);
    const at = text.lastIndexOf('/EmbeddedFiles');
    const objectStart = text.lastIndexOf(' 0 obj\n', at);
    const num = Number(/(\d+)$/.exec(text.slice(objectStart - 12, objectStart))![1]);
    const body = text.slice(objectStart + ' 0 obj\n'.length, text.indexOf('\nendobj', at));
    const size = Number(/\/Size (\d+)/.exec(text.slice(text.lastIndexOf('trailer')))![1]);
    const names = body.replace('/EmbeddedFiles <<\n  /Names [\n', `/EmbeddedFiles <<\n  /Names [\n    (${name}) ${size} 0 R\n`);
    return update(pdf, {
      [num]: Buffer.from(names, 'latin1'),
      [size]: Buffer.from(`<< /Type /Filespec /F (${name}) /UF (${name}) /EF << /F ${size + 1} 0 R >> >>`),
      [size + 1]: embeddedFileObject(data),
    });
  };

  it('refuses a PDF that carries a second filing.json in the files a reader lists, with the bundle beside it or not', () => {
    const genuine = bundles.submission.get('filing.json')!;
    const forged = Buffer.from(genuine.toString('utf8').replace(/"name":"[^"]+"/, '"name":"偽装電力株式会社"'));
    expect(forged.equals(genuine)).toBe(false);
    const tampered = withNamedFile(pdfs.submission, 'filing.json', forged);
    // what pdfdetach and readers list: two filing.json
    const lone = verify(alone(tampered));
    expect(lone.status).toBe(1);
    expect(codes(lone)).toContain('pdf/embedded-ambiguous');
    const dir = tempDir('taisei-pdfa-');
    writeFileSync(join(dir, 'report-2024-submission.pdf'), tampered);
    copyFileSync(join(out, 'report-2024-submission.zip'), join(dir, 'report-2024-submission.zip'));
    const beside = verify(join(dir, 'report-2024-submission.pdf'));
    expect(beside.status).toBe(1);
    expect(codes(beside)).toContain('pdf/embedded-ambiguous');
    expect(runCli(['verify', alone(tampered), '--lang', 'en']).stdout).toContain('filing.json twice');
  });

  it('refuses a PDF that carries any other file, and one updated after its build', () => {
    const extra = withNamedFile(pdfs.submission, 'readme.pdf', Buffer.from('%PDF-1.7 not the filing'));
    const run = verify(alone(extra));
    expect(run.status).toBe(1);
    expect(codes(run)).toEqual(['pdf/embedded-unexpected']);
    // an update that touches nothing verify reads (a new document information dictionary) is still an update
    const info = update(pdfs.submission, { 9999: Buffer.from('<< /Title (changed) >>') });
    const updated = verify(alone(info));
    expect(updated.status).toBe(1);
    expect(codes(updated)).toContain('pdf/updated');
    expect(codes(verify(alone(pdfs.submission)))).not.toContain('pdf/updated');
    expect(runCli(['verify', alone(info), '--lang', 'en']).stdout).toContain('changed after it was built');
  });

  it("refuses a bundle whose report.pdf carries other data than the bundle's filing.json", async () => {
    const { writeZip } = await import('../src/bundle/zip.js');
    const { canonicalBytes } = await import('../src/bundle/write.js');
    const files = new Map(bundles.submission);
    const pdf = update(pdfs.submission, {
      [embeddedNumber(pdfs.submission, 'filing.json')]: embeddedFileObject(altered(files.get('filing.json')!)),
    });
    files.set('report.pdf', pdf);
    // the manifest made again to match, as a forger without the key would (the bundle is unsigned)
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    for (const f of manifest.files) if (f.path === 'report.pdf') Object.assign(f, { size: pdf.length, sha256: sha256(pdf) });
    files.set('manifest.json', canonicalBytes(manifest));
    const zip = join(tempDir('taisei-pdfa-'), 'bundle.zip');
    writeFileSync(zip, writeZip([...files].map(([name, data]) => ({ name, data }))));
    const run = verify(zip);
    expect(run.status).toBe(1);
    expect(codes(run)).toContain('bundle/report-data');
  });

  it('requires a signature of a PDF only as the signed bundle of its build can give one', () => {
    const run = runCli(['verify', alone(pdfs.submission), '--require-signature', '--format', 'json']);
    expect(run.status).toBe(1);
    expect(codes(run)).toContain('pdf/unsigned');
  });

  it('reads a PDF whose cross-reference is damaged (rebuilt by scanning)', () => {
    const text = latin1(pdfs.submission);
    const broken = Buffer.from(text.replace(/startxref\n\d+\n%%EOF\s*$/, 'startxref\n12\n%%EOF\n'), 'latin1');
    const run = verify(alone(broken));
    expect(run.status, run.stdout).toBe(0);
  });

  it('says what is wrong with a file that is no PDF, a truncated one, an encrypted one, one without data', async () => {
    const cases: [Buffer, string][] = [
      [Buffer.from('not a pdf at all'), 'pdf/unreadable'],
      [pdfs.submission.subarray(0, 200_000), 'pdf/unreadable'],
    ];
    const PDFDocument = require('pdfkit');
    const make = async (options: Record<string, unknown>) => {
      const doc = new PDFDocument({ info: { CreationDate: new Date(0) }, ...options });
      doc.text('x');
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      const done = new Promise((resolve) => doc.on('end', resolve));
      doc.end();
      await done;
      return Buffer.concat(chunks);
    };
    cases.push([await make({ userPassword: 'secret', pdfVersion: '1.7' }), 'pdf/unreadable']);
    cases.push([await make({}), 'pdf/no-filing']);
    for (const [bytes, code] of cases) {
      const run = verify(alone(bytes));
      expect(run.status, code).toBe(1);
      expect(codes(run)).toContain(code);
      expect(run.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    }
  });
});

describe("taisei's PDF reader holds against hostile PDFs", () => {
  const pdf = (body: string) => Buffer.from(`%PDF-1.7\n${body}`, 'latin1');
  const reason = (bytes: Buffer, limits = DEFAULT_PDF_LIMITS) => {
    try {
      readPdfFacts(bytes, limits);
      return 'read';
    } catch (error) {
      if (error instanceof PdfUnreadable) return error.reason;
      throw error;
    }
  };

  it('nesting a hundred thousand arrays deep is damage, not a stack overflow', () => {
    const deep = pdf(`1 0 obj\n<< /Type /Catalog /X ${'['.repeat(100_000)} >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF`);
    expect(reason(deep)).toBe('damaged');
  });

  it('an object whose length is itself, and a cross-reference that points at itself, end', () => {
    const cyclic = pdf(
      '1 0 obj\n<< /Type /Catalog /Metadata 2 0 R >>\nendobj\n2 0 obj\n<< /Length 2 0 R >>\nstream\nx\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF',
    );
    expect(['read', 'damaged']).toContain(reason(cyclic));
    const loop = pdf('xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Root 1 0 R /Prev 9 >>\nstartxref\n9\n%%EOF');
    expect(['read', 'damaged']).toContain(reason(loop));
  });

  it('a cross-reference stream of empty rows over a billion objects ends at once, as damage', () => {
    const xref = Buffer.alloc(0);
    const bytes = Buffer.concat([
      pdf('1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
      Buffer.from(`2 0 obj\n<< /Type /XRef /W [0 0 0] /Index [0 1000000000 0 1000000000] /Size 3 /Root 1 0 R /Length 0 >>\nstream\n`),
      xref,
      Buffer.from('\nendstream\nendobj\nstartxref\n45\n%%EOF'),
    ]);
    const started = process.hrtime.bigint();
    expect(['read', 'damaged']).toContain(reason(bytes));
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(2);
  });

  it('limits the whole document: strings, the bytes all streams decode to, and the search for stream ends', () => {
    // a long literal string (a hundred megabytes killed Node once): too large, at any length past the limit
    const long = pdf(`1 0 obj\n<< /Type /Catalog /T (${'x'.repeat(4096)}) >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF`);
    expect(reason(long, { ...DEFAULT_PDF_LIMITS, maxStringBytes: 1024 })).toBe('tooLarge');
    expect(reason(long)).toBe('read');
    // several streams, each under the per-stream limit, over the document's together
    const bomb = deflateSync(Buffer.alloc(600 * 1024));
    const streams = [2, 3, 4].map((n) =>
      Buffer.concat([
        Buffer.from(`${n} 0 obj\n<< /Length ${bomb.length} /Filter /FlateDecode >>\nstream\n`),
        bomb,
        Buffer.from('\nendstream\nendobj\n'),
      ]),
    );
    const several = Buffer.concat([
      pdf('1 0 obj\n<< /Type /Catalog /AF [5 0 R 6 0 R 7 0 R] >>\nendobj\n'),
      ...streams,
      ...[5, 6, 7].map((n) => Buffer.from(`${n} 0 obj\n<< /Type /Filespec /F (f${n}) /EF << /F ${n - 3} 0 R >> >>\nendobj\n`)),
      Buffer.from('trailer\n<< /Root 1 0 R >>\n%%EOF'),
    ]);
    const limits = { ...DEFAULT_PDF_LIMITS, maxStreamBytes: 1024 * 1024, maxDecodedBytes: 1536 * 1024 };
    expect(reason(several, limits)).toBe('tooLarge');
    expect(reason(several, { ...limits, maxDecodedBytes: 4 * 1024 * 1024 })).toBe('read');
    // thousands of streams whose /Length is wrong and whose end is far: each search reads on to the end
    const broken = pdf(
      '1 0 obj\n<< /Type /Catalog >>\nendobj\n' +
        Array.from({ length: 3000 }, (_, i) => `${i + 2} 0 obj\n<< /Length 999999999 >>\nstream\n${'y'.repeat(200)}\n`).join('') +
        'endstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF',
    );
    const started = process.hrtime.bigint();
    expect(['read', 'tooLarge', 'damaged']).toContain(reason(broken));
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(5);
  });

  it('a stream that inflates past the limit is refused as too large', () => {
    const bomb = deflateSync(Buffer.alloc(8 * 1024 * 1024));
    const bytes = Buffer.concat([
      pdf(`1 0 obj\n<< /Type /Catalog /Metadata 2 0 R >>\nendobj\n2 0 obj\n<< /Length ${bomb.length} /Filter /FlateDecode >>\nstream\n`),
      bomb,
      Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF'),
    ]);
    expect(reason(bytes, { ...DEFAULT_PDF_LIMITS, maxStreamBytes: 1024 * 1024 })).toBe('tooLarge');
    expect(reason(bytes)).toBe('read');
  });
});
