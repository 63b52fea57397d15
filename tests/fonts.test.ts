// The shipped faces: what the composer and the renderer rely on them for.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { defaultFonts } from '../src/render/fonts.js';
import { readSfntMetrics } from '../src/render/sfnt.js';
import { EXAMPLES } from './helpers.js';

interface Glyph {
  id: number;
  advanceWidth: number;
}
interface Font {
  layout(text: string): { glyphs: Glyph[]; positions: { xAdvance: number }[] };
  glyphForCodePoint(cp: number): Glyph;
  hasGlyphForCodePoint(cp: number): boolean;
}
const open = (path: string) => (fontkit as unknown as { openSync(p: string): Font }).openSync(path);
const fonts = defaultFonts();

/** Every line of text in both examples and in the templates. */
function corpus(): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(...v.split('\n').filter(Boolean));
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const example of ['ippan-15', 'soden-13'])
    for (const file of readdirSync(join(EXAMPLES, example)).filter((f) => f.endsWith('.yaml')))
      walk(parse(readFileSync(join(EXAMPLES, example, file), 'utf8')));
  const templates = join(EXAMPLES, '..', 'templates', 'default');
  for (const file of readdirSync(templates)) out.push(...readFileSync(join(templates, file), 'utf8').split('\n').filter(Boolean));
  return out;
}

describe('the shipped faces', () => {
  const texts = corpus();

  it('neither kern nor substitute: shaping gives the character map’s glyphs and advance widths', () => {
    expect(texts.length).toBeGreaterThan(1000);
    for (const path of [fonts.body, fonts.heading]) {
      const font = open(path);
      for (const text of texts) {
        const run = font.layout(text);
        const plain = [...text].map((ch) => font.glyphForCodePoint(ch.codePointAt(0)!));
        expect(
          run.glyphs.map((g) => g.id),
          text,
        ).toEqual(plain.map((g) => g.id));
        expect(run.positions.map((p) => p.xAdvance)).toEqual(plain.map((g) => g.advanceWidth));
      }
    }
  });

  it('cover every character of JIS X 0208, and the fallback face the rare ones in names', () => {
    const euc = new TextDecoder('euc-jp');
    const jis0208: string[] = [];
    // rows 1–8 and 16–84 (the decoder's vendor extensions in rows 9–15 and 85–94 are left out)
    for (let row = 0xa1; row <= 0xf4; row++) {
      if (row >= 0xa9 && row <= 0xaf) continue;
      for (let cell = 0xa1; cell <= 0xfe; cell++) {
        const ch = euc.decode(new Uint8Array([row, cell]));
        if (ch !== '\ufffd') jis0208.push(ch);
      }
    }
    expect(jis0208).toHaveLength(6879);
    for (const path of [fonts.body, fonts.heading]) {
      const font = open(path);
      expect(jis0208.filter((ch) => !font.hasGlyphForCodePoint(ch.codePointAt(0)!))).toEqual([]);
    }
    const fallback = open(fonts.fallback);
    for (const ch of '𠮷髙﨑德栁濵邊齋')
      expect(open(fonts.body).hasGlyphForCodePoint(ch.codePointAt(0)!) || fallback.hasGlyphForCodePoint(ch.codePointAt(0)!), ch).toBe(true);
  });

  it("read by their own tables (sfnt.ts), give the font library's glyphs and widths for every character of the corpus, JIS X 0208 and the rare ones", () => {
    const euc = new TextDecoder('euc-jp');
    const characters = new Set<number>();
    for (const text of texts) for (const ch of text) characters.add(ch.codePointAt(0)!);
    for (let row = 0xa1; row <= 0xf4; row++)
      for (let cell = 0xa1; cell <= 0xfe; cell++) characters.add(euc.decode(new Uint8Array([row, cell])).codePointAt(0)!);
    for (const ch of '𠮷髙﨑德栁濵邊齋😀\u0000\uffff') characters.add(ch.codePointAt(0)!);
    expect(characters.size).toBeGreaterThan(7000);
    for (const path of [fonts.body, fonts.heading, fonts.fallback]) {
      const font = open(path);
      const own = readSfntMetrics(readFileSync(path))!;
      expect(own, path).toBeDefined();
      const differ = [...characters].filter((cp) => {
        const glyph = own.glyphOf(cp);
        if (glyph === 0) return font.hasGlyphForCodePoint(cp);
        return (
          !font.hasGlyphForCodePoint(cp) ||
          font.glyphForCodePoint(cp).id !== glyph ||
          font.glyphForCodePoint(cp).advanceWidth !== own.advanceOf(glyph)
        );
      });
      expect(
        differ.map((cp) => String.fromCodePoint(cp)),
        path,
      ).toEqual([]);
    }
  });
});
