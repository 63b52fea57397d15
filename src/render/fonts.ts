// Fonts: BIZ UD明朝 (a Mincho face) for the body and BIZ UDゴシック Bold (a Gothic face) for
// headings, labels and table headers — the universal-design faces many public bodies use — and
// Noto Serif JP for the few characters they lack (𠮷 and other rare 異体字 in names), all shipped
// in fonts/ (fonts/README.md says where they come from and why). pdfkit embeds only the glyphs
// used (subsetting); the fallback is not even opened unless a character needs it.
// A filer can point to other TrueType/OpenType fonts in taisei.config.yaml (fonts.body, fonts.heading).
import './deferred.js';
import { isAbsolute, join, resolve } from 'node:path';
import * as fontkit from 'fontkit';
import { InputOutputError } from '../errors.js';
import { packageRoot } from '../util/package.js';
import { readRegularFile } from '../util/regular-file.js';
import type { FaceMetrics, Faces } from './compose.js';

export interface FontFiles {
  /** body text (Mincho) */
  body: string;
  /** headings, labels, table headers (Gothic, bold) */
  heading: string;
  /** characters the other two lack */
  fallback: string;
}

export function defaultFonts(): FontFiles {
  return {
    body: join(packageRoot(), 'fonts', 'BIZUDMincho-Regular.ttf'),
    heading: join(packageRoot(), 'fonts', 'BIZUDGothic-Bold.ttf'),
    fallback: join(packageRoot(), 'fonts', 'NotoSerifJP-Regular.ttf'),
  };
}

export function fontsFromConfig(configured: { body?: string; heading?: string } | undefined, baseDir: string): FontFiles {
  const defaults = defaultFonts();
  const at = (path: string | undefined, fallback: string) => (path ? (isAbsolute(path) ? path : resolve(baseDir, path)) : fallback);
  return { body: at(configured?.body, defaults.body), heading: at(configured?.heading, defaults.heading), fallback: defaults.fallback };
}

/** pdfmake font descriptors: one family per face; the heading face serves as its own bold. */
export function fontDescriptors(files: FontFiles): Record<string, Record<string, string>> {
  const family = (path: string) => ({ normal: path, bold: path, italics: path, bolditalics: path });
  return { Serif: family(files.body), Sans: family(files.heading), Fallback: family(files.fallback) };
}

/**
 * The families set without OpenType shaping: the shipped BIZ UD faces, which neither kern nor
 * substitute in running text (a filer's own fonts are always shaped).
 */
export function unshapedFamilies(files: FontFiles): Set<string> {
  const defaults = defaultFonts();
  const out = new Set<string>();
  if (files.body === defaults.body) out.add('Serif');
  if (files.heading === defaults.heading) out.add('Sans');
  return out;
}

const metricsByPath = new Map<string, FaceMetrics>();

/**
 * A face's advance widths in ems, for the composer (undefined where it has no glyph); one table per
 * face and process, so the glyph check fills what the composer then reads.
 */
export function faceMetrics(path: string): FaceMetrics {
  let metrics = metricsByPath.get(path);
  if (!metrics) metricsByPath.set(path, (metrics = readMetrics(path)));
  return metrics;
}

/** A face's glyphs as the glyph check asks for them (from the same table). */
export function glyphsOf(path: string): GlyphFont {
  const metrics = faceMetrics(path);
  return { hasGlyphForCodePoint: (cp) => metrics.advance(cp) !== undefined };
}

function readMetrics(path: string): FaceMetrics {
  const font = openFontWithMetrics(path);
  const perEm = font.unitsPerEm;
  const bmp = new Float64Array(0x10000).fill(-1);
  const other = new Map<number, number>();
  const look = advanceReader(font);
  return {
    advance(cp) {
      let a: number;
      if (cp < 0x10000) {
        a = bmp[cp]!;
        if (a === -1) a = bmp[cp] = look(cp) / perEm;
      } else {
        a = other.get(cp) ?? -1;
        if (a === -1) other.set(cp, (a = look(cp) / perEm));
      }
      return Number.isNaN(a) ? undefined : a;
    },
  };
}

interface FontInternals {
  _cmapProcessor?: { lookup(cp: number): number };
  directory?: { tables?: { hmtx?: { offset: number } } };
  hhea?: { numberOfMetrics: number };
  stream?: { buffer: Buffer };
}

/**
 * A code point's advance width in font units (NaN where the face has no glyph): read from the
 * character map and the raw hmtx table when fontkit exposes them — creating a glyph object per
 * character was a twentieth of a cold build — else through fontkit's glyphs.
 */
function advanceReader(font: MetricFont): (cp: number) => number {
  const f = font as unknown as FontInternals;
  const cmap = f._cmapProcessor;
  const hmtx = f.directory?.tables?.hmtx;
  const metrics = f.hhea?.numberOfMetrics;
  const raw = f.stream?.buffer;
  if (cmap && hmtx && metrics && raw)
    return (cp) => {
      const gid = cmap.lookup(cp);
      return gid === 0 ? Number.NaN : raw.readUInt16BE(hmtx.offset + 4 * Math.min(gid, metrics - 1));
    };
  return (cp) => (font.hasGlyphForCodePoint(cp) ? font.glyphForCodePoint(cp).advanceWidth : Number.NaN);
}

/** The composer's faces; the fallback is opened the first time a character needs it. */
export function composerFaces(files: FontFiles): Faces {
  let fallback: FaceMetrics | undefined;
  return {
    Serif: faceMetrics(files.body),
    Sans: faceMetrics(files.heading),
    fallback: { advance: (cp) => (fallback ??= faceMetrics(files.fallback)).advance(cp) },
  };
}

interface GlyphFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

interface MetricFont extends GlyphFont {
  unitsPerEm: number;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
}

const opened = new Map<string, MetricFont>();
const bytes = new Map<string, Buffer>();

/** Opens a font file once per process (a collection, .ttc: its first face). */
export function openFontWithMetrics(path: string): MetricFont {
  let font = opened.get(path);
  if (!font) {
    const data = readRegularFile(path, 'render.badFont.hint');
    let file: MetricFont & { fonts?: MetricFont[] };
    try {
      file = (fontkit as unknown as { create(data: Buffer): MetricFont & { fonts?: MetricFont[] } }).create(data);
    } catch {
      throw new InputOutputError('render.badFont', { path }, 'render.badFont.hint');
    }
    font = file.fonts ? file.fonts[0]! : file;
    if (typeof font?.unitsPerEm !== 'number') throw new InputOutputError('render.badFont', { path }, 'render.badFont.hint');
    opened.set(path, font);
    bytes.set(path, data);
  }
  return font;
}

/** The bytes of the font files opened so far, by path: the renderer is given them, not the files again. */
export function openedFontFiles(): ReadonlyMap<string, Buffer> {
  return bytes;
}

/** Characters that are layout, not ink: no glyph needed. */
// each character is tested alone, so variation selectors in the class are what is meant
// oxlint-disable-next-line no-misleading-character-class
const NO_GLYPH_NEEDED = /[\n\r\t\u200b-\u200d\u2060\ufe00-\ufe0f]/u;

/**
 * The characters of `text` that cannot be drawn, each once: neither every one of `fonts` nor the
 * fallback face (opened only when a character needs it) has a glyph for them.
 */
export function missingCharacters(
  text: string,
  fonts: readonly GlyphFont[],
  known: Map<number, boolean> = new Map(),
  fallback?: () => GlyphFont,
): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let drawable = known.get(cp);
    if (drawable === undefined) {
      drawable =
        NO_GLYPH_NEEDED.test(ch) || fonts.every((f) => f.hasGlyphForCodePoint(cp)) || (fallback?.().hasGlyphForCodePoint(cp) ?? false);
      known.set(cp, drawable);
    }
    if (!drawable) missing.add(ch);
  }
  return [...missing];
}
