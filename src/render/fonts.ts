// Fonts: BIZ UD明朝 (a Mincho face) for the body and BIZ UDゴシック Bold (a Gothic face) for
// headings, labels and table headers — the universal-design faces many public bodies use — and
// Noto Serif JP for the few characters they lack (𠮷 and other rare 異体字 in names), all shipped
// in fonts/ (fonts/README.md says where they come from and why). pdfkit embeds only the glyphs
// used (subsetting); the fallback is not even opened unless a character needs it.
// A filer can point to other TrueType/OpenType fonts in taisei.config.yaml (fonts.body, fonts.heading).
import { isAbsolute, join, resolve } from 'node:path';
import { InputOutputError } from '../errors.js';
import { packageRoot } from '../util/package.js';
import { readRegularFile } from '../util/regular-file.js';
import type { FaceMetrics, Faces } from './compose.js';
import { openFont, type EngineFont } from './engine.js';
import { readSfntMetrics } from './sfnt.js';

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

/** The font families a document names, for the renderer: their bytes, and which of them need no shaping. */
export interface RenderFonts {
  bytes: Record<string, Buffer>;
  /**
   * The families set by the character map alone: the shipped BIZ UD faces, which neither kern nor
   * substitute in running text (tests/fonts.test.ts holds their OpenType shaping of every example
   * text equal to their character map and advance widths). A filer's own fonts are always shaped.
   */
  unshaped: ReadonlySet<string>;
}

/**
 * The body (Serif) and heading (Sans) faces, and the fallback face when the composer opened it (it
 * sets a character in it only then).
 */
export function renderFonts(files: FontFiles): RenderFonts {
  const defaults = defaultFonts();
  const bytes: Record<string, Buffer> = { Serif: fontBytes(files.body), Sans: fontBytes(files.heading) };
  if (opened.has(files.fallback)) bytes.Fallback = fontBytes(files.fallback);
  const unshaped = new Set<string>();
  if (files.body === defaults.body) unshaped.add('Serif');
  if (files.heading === defaults.heading) unshaped.add('Sans');
  return { bytes, unshaped };
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
  const look = (cp: number) => (font.hasGlyph(cp) ? font.advance(cp) : Number.NaN);
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

const opened = new Map<string, EngineFont>();
const bytes = new Map<string, Buffer>();

/** A font file's bytes, read once per process. */
function fontBytes(path: string): Buffer {
  let data = bytes.get(path);
  if (!data) {
    data = readRegularFile(path, 'render.badFont.hint');
    bytes.set(path, data);
  }
  return data;
}

/**
 * Opens a font file once per process (a collection, .ttc: its first face): its widths from its own
 * tables where they read as OpenType (sfnt.ts), else through the PDF engine. A filer's font is also
 * opened by the engine, so that one it cannot embed is refused here, not half-way through a render.
 */
export function openFontWithMetrics(path: string): EngineFont {
  let font = opened.get(path);
  if (!font) {
    const data = fontBytes(path);
    const defaults = defaultFonts();
    const shipped = path === defaults.body || path === defaults.heading || path === defaults.fallback;
    const engine = shipped ? undefined : openFont(data);
    const sfnt = shipped || engine ? readSfntMetrics(data) : undefined;
    font = sfnt
      ? { unitsPerEm: sfnt.unitsPerEm, hasGlyph: (cp) => sfnt.glyphOf(cp) !== 0, advance: (cp) => sfnt.advanceOf(sfnt.glyphOf(cp)) }
      : (engine ?? (shipped ? openFont(data) : undefined));
    if (!font) {
      bytes.delete(path);
      throw new InputOutputError('render.badFont', { path }, 'render.badFont.hint');
    }
    opened.set(path, font);
  }
  return font;
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
