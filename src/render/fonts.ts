// Fonts: Noto Serif JP (a Mincho face) for the body and Noto Sans JP Bold (a Gothic face) for
// headings, labels and table headers, the two faces shipped in fonts/ (fonts/README.md says where
// they come from). pdfkit embeds only the glyphs used (subsetting).
// A filer can point to other TrueType/OpenType fonts in taisei.config.yaml (fonts.body, fonts.heading).
import { isAbsolute, join, resolve } from 'node:path';
import * as fontkit from 'fontkit';
import { packageRoot } from '../util/package.js';

export interface FontFiles {
  /** body text (Mincho) */
  body: string;
  /** headings, labels, table headers (Gothic, bold) */
  heading: string;
}

export function defaultFonts(): FontFiles {
  return {
    body: join(packageRoot(), 'fonts', 'NotoSerifJP-Regular.ttf'),
    heading: join(packageRoot(), 'fonts', 'NotoSansJP-Bold.ttf'),
  };
}

export function fontsFromConfig(configured: { body?: string; heading?: string } | undefined, baseDir: string): FontFiles {
  const defaults = defaultFonts();
  const at = (path: string | undefined, fallback: string) => (path ? (isAbsolute(path) ? path : resolve(baseDir, path)) : fallback);
  return { body: at(configured?.body, defaults.body), heading: at(configured?.heading, defaults.heading) };
}

/** pdfmake font descriptors: one family per face; the heading face serves as its own bold. */
export function fontDescriptors(files: FontFiles): Record<string, Record<string, string>> {
  return {
    Serif: { normal: files.body, bold: files.body, italics: files.body, bolditalics: files.body },
    Sans: { normal: files.heading, bold: files.heading, italics: files.heading, bolditalics: files.heading },
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

/** Opens a font file once per process (a collection, .ttc: its first face). */
export function openFontWithMetrics(path: string): MetricFont {
  let font = opened.get(path);
  if (!font) {
    const file = (fontkit as unknown as { openSync(path: string): MetricFont & { fonts?: MetricFont[] } }).openSync(path);
    font = file.fonts ? file.fonts[0]! : file;
    opened.set(path, font);
  }
  return font;
}

export function openFont(path: string): GlyphFont {
  return openFontWithMetrics(path);
}

/** Characters that are layout, not ink: no glyph needed. */
// each character is tested alone, so variation selectors in the class are what is meant
// oxlint-disable-next-line no-misleading-character-class
const NO_GLYPH_NEEDED = /[\n\r\t\u200b-\u200d\u2060\ufe00-\ufe0f]/u;

/** The characters of `text` that none of the fonts can draw, each once. */
export function missingCharacters(text: string, fonts: readonly GlyphFont[], known: Map<number, boolean> = new Map()): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let drawable = known.get(cp);
    if (drawable === undefined) {
      drawable = NO_GLYPH_NEEDED.test(ch) || fonts.every((f) => f.hasGlyphForCodePoint(cp));
      known.set(cp, drawable);
    }
    if (!drawable) missing.add(ch);
  }
  return [...missing];
}
