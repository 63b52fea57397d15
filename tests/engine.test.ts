// The PDF engine's contract (src/render/engine.ts): what taisei relies on pdfmake, pdfkit and
// fontkit for, read back from the PDF with another reader (pdfjs). An upgrade of any of the three
// that changes one of these fails here before it changes a filing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { Composer, joinLines, type Inline } from '../src/render/compose.js';
import * as engine from '../src/render/engine.js';
import { composerFaces, defaultFonts, renderFonts } from '../src/render/fonts.js';
import { renderPdf } from '../src/render/pdf.js';
import { textRuns } from './pdf-helpers.js';

const root = join(__dirname, '..');
const fonts = defaultFonts();
const composer = new Composer(composerFaces(fonts));
const SIZE = 10;
const MARGIN = 50;
const INFO = { title: 'A&B <株式会社> "試験"', author: '東雲電力送配電株式会社', creationDate: new Date('2025-06-19T15:00:00Z') };

/** A one-page document of the given content, set as the report sets its body. */
function doc(content: unknown[]): Record<string, unknown> {
  return {
    pageSize: 'A4',
    pageMargins: MARGIN,
    info: { ...INFO, modDate: INFO.creationDate },
    defaultStyle: { font: 'Serif', fontSize: SIZE, lineHeight: 1.5 },
    content,
  };
}

const job = (content: unknown[], extra: Partial<engine.PdfJob> = {}): engine.PdfJob => ({
  doc: doc(content),
  fonts: renderFonts(fonts).bytes,
  unshaped: renderFonts(fonts).unshaped,
  tableLayouts: {},
  files: [],
  xmp: () => '',
  ...extra,
});

/** The lines drawn on page 1, top to bottom, each as its text and its left and right edge. */
async function drawnLines(pdf: Buffer): Promise<{ text: string; x: number; right: number }[]> {
  const runs = (await textRuns(pdf))[0]!;
  const byBaseline = new Map<number, typeof runs>();
  for (const run of runs) {
    const y = Math.round(run.y * 10) / 10;
    byBaseline.set(y, [...(byBaseline.get(y) ?? []), run]);
  }
  return [...byBaseline.entries()]
    .sort(([a], [b]) => b - a)
    .map(([, line]) => ({
      text: line.map((r) => r.text).join(''),
      x: Math.min(...line.map((r) => r.x)),
      right: Math.max(...line.map((r) => r.right)),
    }));
}

const text = (line: Inline[]) => line.map((r) => r.text).join('');

describe('the PDF engine', () => {
  it('draws each line as wide as the composer measured it, from the left margin', async () => {
    const source = '接続検討の申込みに対し、連系可能容量と工事概算額を回答した。SYS-01のアクセス記録（2024年度）を5年間保存する。';
    const width = 180;
    const lines = composer.composeLines(source, width, SIZE, {});
    // each run's advance widths, and the spacing the composer set between its characters (両端揃え, 追い込み)
    const widths = lines.map((line) =>
      line.reduce((sum, run) => sum + composer.extent(run.text, SIZE).max + (run.characterSpacing ?? 0) * ([...run.text].length - 1), 0),
    );
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.some((line) => line.some((run) => run.characterSpacing))).toBe(true);
    const drawn = await drawnLines(await engine.renderPdf(job([{ text: joinLines(lines) }])));
    expect(drawn.map((l) => l.text)).toEqual(lines.map(text));
    drawn.forEach((line, i) => {
      expect(line.x).toBeCloseTo(MARGIN, 2);
      expect(line.right - line.x, line.text).toBeCloseTo(widths[i]!, 1);
    });
  });

  it('ends lines where the composer ended them, even inside a run of one script (an ID, digits)', async () => {
    // a run too long for a line is cut where it must be: the renderer would join the two halves
    // again (it breaks only where UAX #14 allows) and draw them as one line past the margin
    const source = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    const width = 90;
    const lines = composer.composeLines(source, width, SIZE, {});
    expect(lines.length).toBeGreaterThan(2);
    const drawn = await drawnLines(await engine.renderPdf(job([{ text: joinLines(lines) }])));
    expect(drawn.map((l) => l.text)).toEqual(lines.map(text));
    for (const line of drawn) expect(line.right - MARGIN).toBeLessThanOrEqual(width + 0.01);
  });

  it('carries the files inside and writes the XMP it is given, in place of its own', async () => {
    const data = Buffer.from('{"fiscalYear":2024}\n');
    const pdf = await renderPdf(doc([{ text: '本文' }]), renderFonts(fonts), undefined, [
      { name: 'filing.json', data, mediaType: 'application/json', description: '提出データ', key: 'filing' },
    ]);
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/AFRelationship /Data');
    const reader = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
    const attachments = (await reader.getAttachments()) as Record<string, { filename: string; content: Uint8Array }>;
    expect(Object.values(attachments).map((a) => [a.filename, Buffer.from(a.content).toString()])).toEqual([
      ['filing.json', data.toString()],
    ]);
    const { info, metadata } = await reader.getMetadata();
    await reader.destroy();
    // the same title in the document information and in the XMP, escaped there (pdfjs parses it)
    expect((info as { Title: string }).Title).toBe(INFO.title);
    expect(metadata?.get('dc:title')).toBe(INFO.title);
    const utf8 = pdf.toString('utf8');
    const xmp = utf8.slice(utf8.indexOf('<x:xmpmeta'), utf8.indexOf('</x:xmpmeta>'));
    expect(xmp).toContain('<xmp:ModifyDate>2025-06-19T15:00:00Z</xmp:ModifyDate>');
    expect(xmp).toContain('A&amp;B &lt;株式会社&gt;');
    // pdfkit's own description of the information, unescaped, is not written beside it
    expect(xmp).not.toContain('A&B');
    expect(xmp.match(/<xmp:CreateDate>/g)).toHaveLength(1);
    expect(xmp).toContain('<pdfaid:part>3</pdfaid:part>');
  });

  it('gives two renders at once the bytes each gives alone', async () => {
    const a = job([{ text: joinLines(composer.composeLines('一つ目の文書。'.repeat(20), 300, SIZE, {})) }]);
    const b = job([{ text: joinLines(composer.composeLines('二つ目の文書は見出しの書体で。'.repeat(9), 200, SIZE, { face: 'Sans' })) }], {
      tableLayouts: { other: { hLineWidth: () => 2 } },
      // the body family in other bytes (the heading face's): renders at once never read each other's fonts
      fonts: { ...renderFonts(fonts).bytes, Serif: renderFonts(fonts).bytes.Sans! },
      unshaped: new Set(['Serif', 'Sans']),
    });
    const alone = [await engine.renderPdf(a), await engine.renderPdf(b)];
    const together = await Promise.all([engine.renderPdf(a), engine.renderPdf(b)]);
    expect(together[0]!.equals(alone[0]!)).toBe(true);
    expect(together[1]!.equals(alone[1]!)).toBe(true);
    expect(alone[0]!.equals(alone[1]!)).toBe(false);
  });

  it('opens a font by its bytes and answers with the widths of its character map', () => {
    const body = engine.openFont(readFileSync(fonts.body))!;
    expect(body.hasGlyph(0x6f22)).toBe(true); // 漢: a full em
    expect(body.advance(0x6f22) / body.unitsPerEm).toBe(1);
    expect(body.advance(0x41) / body.unitsPerEm).toBeLessThan(1); // A: proportional
    expect(body.hasGlyph(0x1f600)).toBe(false); // an emoji
    expect(engine.openFont(Buffer.from('not a font'))).toBeUndefined();
  });

  it('uses exactly the versions of the PDF libraries that package.json pins', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const name of ['pdfmake', 'pdfkit', 'fontkit']) {
      const pinned = pkg.dependencies[name];
      expect(pinned, name).toMatch(/^\d+\.\d+\.\d+$/);
      const installed = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
      expect(installed.version, name).toBe(pinned);
    }
  });
});
