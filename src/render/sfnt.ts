// The two tables of an OpenType/TrueType file the composer needs: the character map (cmap) and the
// horizontal metrics (hhea, hmtx), read from the file's bytes as the OpenType specification lays
// them out. The composer asks for the advance width of every character it sets; reading these two
// tables directly answers in a few array reads, where the font library builds a glyph object per
// character and decodes its tables into objects (a twentieth of a build, most of it garbage to
// collect). A file this does not read (WOFF, WOFF2, a character map of a rarer format) is measured
// through the PDF engine's font API instead (fonts.ts): the same answers, only slower;
// tests/fonts.test.ts holds the two equal over every character of both examples and JIS X 0208.

/** A face's character map and advance widths, in font units. */
export interface SfntMetrics {
  unitsPerEm: number;
  /** The glyph of a code point (0: none). */
  glyphOf(codePoint: number): number;
  /** A glyph's advance width in font units. */
  advanceOf(glyph: number): number;
}

const tag = (data: Buffer, at: number) => data.toString('latin1', at, at + 4);

/** The tables of the face at `at`: tag → [offset, length]. */
function tables(data: Buffer, at: number): Map<string, [number, number]> {
  const count = data.readUInt16BE(at + 4);
  const out = new Map<string, [number, number]>();
  for (let i = 0; i < count; i++) {
    const record = at + 12 + 16 * i;
    const offset = data.readUInt32BE(record + 8);
    const length = data.readUInt32BE(record + 12);
    if (offset + length > data.length) throw new RangeError('table beyond the end of the file');
    out.set(tag(data, record), [offset, length]);
  }
  return out;
}

/** The font library's order of preference, so that both choose the same subtable: Unicode full, then BMP. */
const PREFERRED: readonly [number, number][] = [
  [3, 10],
  [0, 6],
  [0, 4],
  [3, 1],
  [0, 3],
  [0, 2],
  [0, 1],
  [0, 0],
];

/** A cmap subtable of format 4 (BMP, by segments) or 12 (all planes, by groups) as a lookup. */
function subtableLookup(data: Buffer, at: number): ((cp: number) => number) | undefined {
  const format = data.readUInt16BE(at);
  if (format === 4) {
    const segments = data.readUInt16BE(at + 6) / 2;
    const ends = at + 14;
    const starts = ends + 2 * segments + 2;
    const deltas = starts + 2 * segments;
    const rangeOffsets = deltas + 2 * segments;
    return (cp) => {
      if (cp > 0xffff) return 0;
      let lo = 0;
      let hi = segments - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (data.readUInt16BE(ends + 2 * mid) < cp) lo = mid + 1;
        else hi = mid;
      }
      const start = data.readUInt16BE(starts + 2 * lo);
      if (cp < start || cp > data.readUInt16BE(ends + 2 * lo)) return 0;
      const delta = data.readUInt16BE(deltas + 2 * lo);
      const rangeOffset = data.readUInt16BE(rangeOffsets + 2 * lo);
      if (rangeOffset === 0) return (cp + delta) & 0xffff;
      const glyph = data.readUInt16BE(rangeOffsets + 2 * lo + rangeOffset + 2 * (cp - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    };
  }
  if (format === 12) {
    const groups = data.readUInt32BE(at + 12);
    const first = at + 16;
    return (cp) => {
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const group = first + 12 * mid;
        if (cp < data.readUInt32BE(group)) hi = mid - 1;
        else if (cp > data.readUInt32BE(group + 4)) lo = mid + 1;
        else return data.readUInt32BE(group + 8) + (cp - data.readUInt32BE(group));
      }
      return 0;
    };
  }
  return undefined;
}

/**
 * The metrics of a TrueType/OpenType file or of the first face of a collection (.ttc); undefined
 * when the file is of another kind, cut short, or its character map of a format not read here.
 */
export function readSfntMetrics(data: Buffer): SfntMetrics | undefined {
  try {
    if (data.length < 12) return undefined;
    const at = tag(data, 0) === 'ttcf' ? data.readUInt32BE(12) : 0;
    const version = tag(data, at);
    if (version !== '\0\u0001\0\0' && version !== 'OTTO' && version !== 'true') return undefined;
    const table = tables(data, at);
    const head = table.get('head');
    const hhea = table.get('hhea');
    const hmtx = table.get('hmtx');
    const cmap = table.get('cmap');
    if (!head || !hhea || !hmtx || !cmap) return undefined;
    const unitsPerEm = data.readUInt16BE(head[0] + 18);
    const metricsCount = data.readUInt16BE(hhea[0] + 34);
    if (unitsPerEm === 0 || metricsCount === 0 || hmtx[1] < 4 * metricsCount) return undefined;
    const records = data.readUInt16BE(cmap[0] + 2);
    const subtables = new Map<string, number>();
    for (let i = 0; i < records; i++) {
      const record = cmap[0] + 4 + 8 * i;
      const key = `${data.readUInt16BE(record)},${data.readUInt16BE(record + 2)}`;
      if (!subtables.has(key)) subtables.set(key, cmap[0] + data.readUInt32BE(record + 4));
    }
    const chosen = PREFERRED.map(([platform, encoding]) => subtables.get(`${platform},${encoding}`)).find((s) => s !== undefined);
    if (chosen === undefined || chosen >= data.length) return undefined;
    const lookup = subtableLookup(data, chosen);
    if (!lookup) return undefined;
    const last = metricsCount - 1;
    return {
      unitsPerEm,
      // a damaged table answers "no glyph" rather than throwing in the middle of a layout
      glyphOf: (cp) => {
        try {
          return lookup(cp);
        } catch {
          return 0;
        }
      },
      advanceOf: (glyph) => data.readUInt16BE(hmtx[0] + 4 * Math.min(glyph, last)),
    };
  } catch {
    return undefined;
  }
}
