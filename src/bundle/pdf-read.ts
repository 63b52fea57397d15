// A reader of what a PDF says about itself, for verify and ingest: its catalog, the files it
// carries (embedded files and the /AF associated files, with their relationship), its XMP, its
// output intents, and whether every font is embedded. It reads PDF 1.0–2.0 object syntax, classic
// cross-reference tables and cross-reference streams, object streams, incremental updates (the last
// update of an object wins) and, where the cross-reference is damaged, rebuilds it by scanning.
// Only FlateDecode streams (with PNG predictors) are decoded: what taisei and the usual PDF tools
// write. It never runs anything in the PDF, and every loop, depth and size has a bound: a hostile
// PDF is a PdfUnreadable with a reason, never a hang or a crash.
import { inflateSync } from 'node:zlib';

export type PdfUnreadableReason = 'notPdf' | 'damaged' | 'encrypted' | 'tooLarge';

export class PdfUnreadable extends Error {
  constructor(readonly reason: PdfUnreadableReason) {
    super(`unreadable PDF: ${reason}`);
    this.name = 'PdfUnreadable';
  }
}

export class Ref {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}
export class Name {
  constructor(readonly name: string) {}
}
export interface Stream {
  dict: Dict;
  /** the raw (still encoded) bytes */
  raw: Buffer;
}
export type Dict = Map<string, PdfValue>;
export type PdfValue = null | boolean | number | Buffer | Name | Ref | PdfValue[] | Dict | Stream;

export interface EmbeddedData {
  /** its name (/UF, else /F) */
  name: string;
  /** its decoded bytes */
  data: Buffer;
  /** /AFRelationship of its file specification (Data, Source…), if any */
  relationship?: string;
  /** the embedded file stream's /Subtype: its media type */
  mediaType?: string;
  /** /Params /CheckSum: the MD5 of the bytes, as 32 hex digits (written as 16 bytes or as hex text) */
  checksum?: string;
  /** listed in the catalog's /AF array (an associated file of the document) */
  associated: boolean;
  /** listed in the /EmbeddedFiles name tree */
  named: boolean;
}

export interface PdfFacts {
  /** the header's version: 1.7 */
  version: string;
  /** the XMP metadata packet of the catalog, as text */
  xmp?: string;
  embedded: EmbeddedData[];
  /** output intents' /S subtypes, with whether each has an ICC profile */
  outputIntents: { subtype: string; profile: boolean }[];
  /** fonts whose program is not in the file (BaseFont names) */
  unembeddedFonts: string[];
  /**
   * The revisions of the file: 1 as written, one more for each incremental update appended after
   * (a signature adds one); undefined where the cross-reference was damaged and rebuilt.
   */
  revisions?: number;
}

/**
 * Limits of the whole document, so that no combination of small parts gets past them: a PDF that
 * would need more is refused as too large (or damaged), in bounded time and memory.
 */
export interface PdfLimits {
  /** the largest decoded stream */
  maxStreamBytes: number;
  /** all streams decoded, together */
  maxDecodedBytes?: number;
  /** the longest string (a literal or hexadecimal string: names and dates, never data) */
  maxStringBytes?: number;
  /** the most objects read, and cross-reference entries taken */
  maxObjects: number;
  /** the deepest nesting of arrays and dictionaries */
  maxDepth: number;
  /** bytes searched for a stream's end where its /Length is wrong, as a multiple of the file's size */
  maxScanFactor?: number;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = {
  maxStreamBytes: 256 * 1024 * 1024,
  maxDecodedBytes: 512 * 1024 * 1024,
  maxStringBytes: 1024 * 1024,
  maxObjects: 2_000_000,
  maxDepth: 64,
  maxScanFactor: 4,
};

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
const isRegular = (c: number) => !WHITE.has(c) && !DELIM.has(c);

const damaged = (): never => {
  throw new PdfUnreadable('damaged');
};

/** The objects of a PDF, by number, as its cross-reference says (or a scan finds). */
class PdfFile {
  private readonly offsets = new Map<number, number>();
  private readonly inStreams = new Map<number, { stream: number; index: number }>();
  private readonly cache = new Map<number, PdfValue>();
  private readonly resolving = new Set<number>();
  private readonly objectStreams = new Map<number, Map<number, PdfValue>>();
  private reads = 0;
  /** bytes decoded so far, and searched for stream ends (see PdfLimits) */
  private decoded = 0;
  private scanned = 0;
  /** the cross-reference sections of the chain: one, and one more for each incremental update */
  sections = 0;
  trailer: Dict = new Map();

  constructor(
    readonly bytes: Buffer,
    readonly limits: PdfLimits,
  ) {
    try {
      this.readXrefChain();
    } catch (error) {
      if (error instanceof PdfUnreadable && error.reason !== 'damaged') throw error;
      this.rebuild();
    }
    if (!(this.trailer.get('Root') instanceof Ref)) this.rebuild();
    if (this.trailer.has('Encrypt')) throw new PdfUnreadable('encrypted');
  }

  // ---- the cross-reference -------------------------------------------------------------------

  private readXrefChain(): void {
    const tail = this.bytes.subarray(Math.max(0, this.bytes.length - 2048)).toString('latin1');
    const at = tail.lastIndexOf('startxref');
    if (at < 0) damaged();
    let offset = Number(/^startxref\s+(\d+)/.exec(tail.slice(at))?.[1] ?? NaN);
    const seen = new Set<number>();
    let first = true;
    while (Number.isInteger(offset) && offset >= 0 && offset < this.bytes.length && !seen.has(offset)) {
      if (seen.size > 1000) damaged();
      seen.add(offset);
      const trailer = this.readXrefAt(offset);
      this.sections++;
      if (first) this.trailer = trailer;
      first = false;
      // a hybrid file's table points at its cross-reference stream too
      const stm = trailer.get('XRefStm');
      if (typeof stm === 'number' && !seen.has(stm)) {
        seen.add(stm);
        this.readXrefAt(stm);
      }
      const prev = trailer.get('Prev');
      offset = typeof prev === 'number' ? prev : NaN;
    }
    if (first) damaged();
  }

  /** One cross-reference section (a table or a stream): entries not yet known are added. */
  private readXrefAt(offset: number): Dict {
    const lexer = new Lexer(this.bytes, offset, this.limits);
    if (lexer.keywordAhead('xref')) {
      lexer.pos += 4;
      for (;;) {
        lexer.skipSpace();
        if (lexer.keywordAhead('trailer')) {
          lexer.pos += 7;
          const trailer = lexer.value();
          if (!(trailer instanceof Map)) damaged();
          return trailer as Dict;
        }
        const start = lexer.value();
        const count = lexer.value();
        if (typeof start !== 'number' || typeof count !== 'number' || count < 0 || count > this.limits.maxObjects) damaged();
        for (let i = 0; i < (count as number); i++) {
          lexer.skipSpace();
          const line = /^(\d{1,10})\s+(\d{1,5})\s+([nf])/.exec(this.bytes.toString('latin1', lexer.pos, lexer.pos + 24));
          if (!line) damaged();
          lexer.pos += line![0].length;
          const num = (start as number) + i;
          if (line![3] === 'n' && !this.known(num)) this.offsets.set(num, Number(line![1]));
        }
      }
    }
    // a cross-reference stream: n g obj << /Type /XRef … >> stream
    const { value } = this.objectAt(offset);
    if (!isStream(value) || nameOf(value.dict.get('Type')) !== 'XRef') damaged();
    const stream = value as Stream;
    const widths = stream.dict.get('W');
    if (!Array.isArray(widths) || widths.length !== 3 || !widths.every((w) => typeof w === 'number' && w >= 0 && w <= 8)) damaged();
    const [w1, w2, w3] = widths as number[];
    // an entry without an offset field says nothing (and /W [0 0 0] would let /Index run forever)
    if (w2 === 0) damaged();
    const size = stream.dict.get('Size');
    const index = stream.dict.get('Index');
    const ranges = Array.isArray(index) ? (index as number[]) : [0, typeof size === 'number' ? size : 0];
    const data = this.decode(stream);
    const rowLength = w1! + w2! + w3!;
    let row = 0;
    const field = (at: number, width: number) => {
      let n = 0;
      for (let i = 0; i < width; i++) n = n * 256 + data[at + i]!;
      return n;
    };
    // every entry is a row of the stream's data: no more entries than rows
    if (ranges.length > 2 * this.limits.maxObjects) damaged();
    for (let r = 0; r + 1 < ranges.length; r += 2) {
      const start = ranges[r]!;
      const count = ranges[r + 1]!;
      if (typeof start !== 'number' || typeof count !== 'number' || count < 0 || row + count > data.length / rowLength) damaged();
      for (let i = 0; i < count; i++, row++) {
        const at = row * rowLength;
        if (at + rowLength > data.length) damaged();
        const type = w1 === 0 ? 1 : field(at, w1!);
        const num = start + i;
        if (this.known(num)) continue;
        if (type === 1) this.offsets.set(num, field(at + w1!, w2!));
        else if (type === 2) this.inStreams.set(num, { stream: field(at + w1!, w2!), index: field(at + w1! + w2!, w3!) });
      }
    }
    return stream.dict;
  }

  private known(num: number): boolean {
    return this.offsets.has(num) || this.inStreams.has(num);
  }

  /** The cross-reference rebuilt from the objects themselves: the last definition of each wins. */
  private rebuild(): void {
    this.sections = 0;
    this.offsets.clear();
    this.inStreams.clear();
    this.cache.clear();
    const text = this.bytes.toString('latin1');
    const pattern = /(?:^|[\r\n\s])(\d{1,10})\s+(\d{1,5})\s+obj\b/g;
    let match: RegExpExecArray | null;
    let count = 0;
    while ((match = pattern.exec(text)) !== null) {
      if (++count > this.limits.maxObjects) throw new PdfUnreadable('tooLarge');
      this.offsets.set(Number(match[1]), match.index + match[0].length - match[0].trimStart().length);
    }
    // the trailer: the last trailer dictionary, or the last cross-reference stream's
    const trailerAt = text.lastIndexOf('trailer');
    let trailer: Dict | undefined;
    if (trailerAt >= 0) {
      try {
        const value = new Lexer(this.bytes, trailerAt + 7, this.limits).value();
        if (value instanceof Map && value.get('Root') instanceof Ref) trailer = value;
      } catch {
        trailer = undefined;
      }
    }
    if (!trailer) {
      for (const num of [...this.offsets.keys()].sort((a, b) => b - a)) {
        const value = this.tryObject(num);
        if (isStream(value) && nameOf(value.dict.get('Type')) === 'XRef' && value.dict.get('Root') instanceof Ref) {
          trailer = value.dict;
          break;
        }
        if (value instanceof Map && nameOf(value.get('Type')) === 'Catalog') {
          trailer = new Map([['Root', new Ref(num, 0)]]);
          break;
        }
      }
    }
    if (!trailer) throw new PdfUnreadable('damaged');
    this.trailer = trailer;
  }

  private tryObject(num: number): PdfValue {
    try {
      return this.object(num);
    } catch (error) {
      if (error instanceof PdfUnreadable && error.reason !== 'damaged') throw error;
      return null;
    }
  }

  // ---- objects --------------------------------------------------------------------------------

  private objectAt(offset: number): { num: number; value: PdfValue } {
    const lexer = new Lexer(this.bytes, offset, this.limits);
    const num = lexer.value();
    const gen = lexer.value();
    lexer.skipSpace();
    if (typeof num !== 'number' || typeof gen !== 'number' || !lexer.keywordAhead('obj')) damaged();
    lexer.pos += 3;
    const value = lexer.value();
    lexer.skipSpace();
    if (value instanceof Map && lexer.keywordAhead('stream')) {
      lexer.pos += 6;
      if (this.bytes[lexer.pos] === 0x0d) lexer.pos++;
      if (this.bytes[lexer.pos] === 0x0a) lexer.pos++;
      const start = lexer.pos;
      let length = value.get('Length');
      if (length instanceof Ref) length = this.resolve(length);
      let end = typeof length === 'number' && length >= 0 ? start + length : -1;
      // a wrong /Length: the stream ends where endstream is
      if (
        end < 0 ||
        end > this.bytes.length ||
        !this.bytes
          .toString('latin1', end, end + 20)
          .trimStart()
          .startsWith('endstream')
      ) {
        end = this.bytes.indexOf('endstream', start, 'latin1');
        // each such search reads on to the next stream's end: bounded for the whole document, or
        // a file of many broken streams would be searched over and over
        this.scanned += (end < 0 ? this.bytes.length : end) - start;
        if (this.scanned > (this.limits.maxScanFactor ?? 4) * this.bytes.length + 1024 * 1024) throw new PdfUnreadable('tooLarge');
        if (end < 0) damaged();
        if (this.bytes[end - 1] === 0x0a) end--;
        if (this.bytes[end - 1] === 0x0d) end--;
      }
      return { num: num as number, value: { dict: value, raw: this.bytes.subarray(start, end) } };
    }
    return { num: num as number, value };
  }

  object(num: number): PdfValue {
    if (this.cache.has(num)) return this.cache.get(num)!;
    if (this.resolving.has(num)) damaged(); // an object that is its own length, or the like
    if (++this.reads > this.limits.maxObjects) throw new PdfUnreadable('tooLarge');
    this.resolving.add(num);
    try {
      let value: PdfValue = null;
      const offset = this.offsets.get(num);
      const inStream = this.inStreams.get(num);
      if (offset !== undefined) {
        if (offset >= this.bytes.length) damaged();
        value = this.objectAt(offset).value;
      } else if (inStream) value = this.fromObjectStream(inStream.stream, num);
      this.cache.set(num, value);
      return value;
    } finally {
      this.resolving.delete(num);
    }
  }

  private fromObjectStream(streamNum: number, num: number): PdfValue {
    let objects = this.objectStreams.get(streamNum);
    if (!objects) {
      const stream = this.object(streamNum);
      if (!isStream(stream)) damaged();
      const { dict } = stream as Stream;
      const n = dict.get('N');
      const first = dict.get('First');
      if (typeof n !== 'number' || typeof first !== 'number' || n < 0 || n > this.limits.maxObjects) damaged();
      const data = this.decode(stream as Stream);
      const header = new Lexer(data, 0, this.limits);
      const pairs: [number, number][] = [];
      for (let i = 0; i < (n as number); i++) {
        const objectNum = header.value();
        const at = header.value();
        if (typeof objectNum !== 'number' || typeof at !== 'number') damaged();
        pairs.push([objectNum as number, at as number]);
      }
      objects = new Map();
      for (const [objectNum, at] of pairs) {
        const lexer = new Lexer(data, (first as number) + at, this.limits);
        objects.set(objectNum, lexer.value());
      }
      this.objectStreams.set(streamNum, objects);
    }
    return objects.get(num) ?? null;
  }

  resolve(value: PdfValue | undefined): PdfValue {
    let current: PdfValue | undefined = value;
    for (let hops = 0; current instanceof Ref; hops++) {
      if (hops > 32) damaged();
      current = this.object(current.num);
    }
    return current ?? null;
  }

  /** A stream's bytes decoded (FlateDecode, with or without a PNG predictor; or none). */
  decode(stream: Stream): Buffer {
    const filter = this.resolve(stream.dict.get('Filter'));
    const filters = (Array.isArray(filter) ? filter : filter === null ? [] : [filter]).map((f) => nameOf(this.resolve(f)));
    const params = this.resolve(stream.dict.get('DecodeParms') ?? stream.dict.get('DP'));
    let data = stream.raw;
    filters.forEach((f, i) => {
      if (f !== 'FlateDecode' && f !== 'Fl') damaged();
      const left = (this.limits.maxDecodedBytes ?? Infinity) - this.decoded;
      if (left <= 0) throw new PdfUnreadable('tooLarge');
      try {
        data = inflateSync(data, {
          maxOutputLength: Math.min(this.limits.maxStreamBytes, left),
          finishFlush: 2 /* Z_SYNC_FLUSH: tolerate a missing end */,
        });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError)
          throw new PdfUnreadable('tooLarge');
        damaged();
      }
      this.decoded += data.length;
      const p = this.resolve(Array.isArray(params) ? params[i] : params);
      if (p instanceof Map) data = unpredict(data, p);
    });
    return data;
  }
}

/** PNG predictors (10–15) undone; TIFF predictor 2 is refused (no PDF writer in use puts it on data). */
function unpredict(data: Buffer, params: Dict): Buffer {
  const predictor = params.get('Predictor');
  if (typeof predictor !== 'number' || predictor < 10) {
    if (predictor === 2) damaged();
    return data;
  }
  const colors = typeof params.get('Colors') === 'number' ? (params.get('Colors') as number) : 1;
  const bits = typeof params.get('BitsPerComponent') === 'number' ? (params.get('BitsPerComponent') as number) : 8;
  const columns = typeof params.get('Columns') === 'number' ? (params.get('Columns') as number) : 1;
  const bpp = Math.max(1, Math.ceil((colors * bits) / 8));
  const rowLength = Math.ceil((colors * bits * columns) / 8);
  if (rowLength <= 0 || rowLength > 1 << 20) damaged();
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = Buffer.alloc(rows * rowLength);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLength + 1)]!;
    const src = r * (rowLength + 1) + 1;
    const dst = r * rowLength;
    for (let i = 0; i < rowLength; i++) {
      const raw = data[src + i]!;
      const left = i >= bpp ? out[dst + i - bpp]! : 0;
      const up = r > 0 ? out[dst - rowLength + i]! : 0;
      const upLeft = r > 0 && i >= bpp ? out[dst - rowLength + i - bpp]! : 0;
      let value: number;
      switch (type) {
        case 0:
          value = raw;
          break;
        case 1:
          value = raw + left;
          break;
        case 2:
          value = raw + up;
          break;
        case 3:
          value = raw + ((left + up) >> 1);
          break;
        case 4: {
          const p = left + up - upLeft;
          const pa = Math.abs(p - left);
          const pb = Math.abs(p - up);
          const pc = Math.abs(p - upLeft);
          value = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
          break;
        }
        default:
          return damaged();
      }
      out[dst + i] = value & 0xff;
    }
  }
  return out;
}

/** PDF object syntax, from a position in a buffer. */
class Lexer {
  constructor(
    readonly bytes: Buffer,
    public pos: number,
    readonly limits: PdfLimits,
  ) {}

  skipSpace(): void {
    const b = this.bytes;
    while (this.pos < b.length) {
      const c = b[this.pos]!;
      if (WHITE.has(c)) this.pos++;
      else if (c === 0x25) {
        while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      } else break;
    }
  }

  keywordAhead(word: string): boolean {
    return (
      this.bytes.toString('latin1', this.pos, this.pos + word.length) === word && !isRegular(this.bytes[this.pos + word.length] ?? 0x20)
    );
  }

  private token(): string {
    const start = this.pos;
    while (this.pos < this.bytes.length && isRegular(this.bytes[this.pos]!)) this.pos++;
    return this.bytes.toString('latin1', start, this.pos);
  }

  value(depth = 0): PdfValue {
    if (depth > this.limits.maxDepth) damaged();
    this.skipSpace();
    const b = this.bytes;
    if (this.pos >= b.length) damaged();
    const c = b[this.pos]!;
    if (c === 0x2f) {
      this.pos++;
      return new Name(this.token().replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
    }
    if (c === 0x28) return this.literal();
    if (c === 0x3c && b[this.pos + 1] === 0x3c) {
      this.pos += 2;
      const dict: Dict = new Map();
      for (;;) {
        this.skipSpace();
        if (this.pos >= b.length) damaged();
        if (b[this.pos] === 0x3e && b[this.pos + 1] === 0x3e) {
          this.pos += 2;
          return dict;
        }
        const key = this.value(depth + 1);
        if (!(key instanceof Name)) damaged();
        dict.set((key as Name).name, this.value(depth + 1));
      }
    }
    if (c === 0x3c) {
      const end = b.indexOf(0x3e, this.pos);
      if (end < 0) damaged();
      if (end - this.pos > 2 * (this.limits.maxStringBytes ?? Infinity) + 1024) throw new PdfUnreadable('tooLarge');
      let hex = b.toString('latin1', this.pos + 1, end).replace(/\s+/g, '');
      this.pos = end + 1;
      if (hex.length % 2) hex += '0';
      if (!/^[0-9a-fA-F]*$/.test(hex)) damaged();
      return Buffer.from(hex, 'hex');
    }
    if (c === 0x5b) {
      this.pos++;
      const array: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (this.pos >= b.length) damaged();
        if (b[this.pos] === 0x5d) {
          this.pos++;
          return array;
        }
        array.push(this.value(depth + 1));
      }
    }
    const word = this.token();
    if (word === '') {
      this.pos++; // a stray delimiter
      damaged();
    }
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
      // n g R: a reference
      if (/^\d+$/.test(word)) {
        const save = this.pos;
        const m = /^\s+(\d+)\s+R(?![^\0\t\n\f\r ()<>[\]{}/%])/.exec(b.toString('latin1', this.pos, this.pos + 16));
        if (m) {
          this.pos += m[0].length;
          return new Ref(Number(word), Number(m[1]));
        }
        this.pos = save;
      }
      return Number(word);
    }
    return damaged();
  }

  private literal(): Buffer {
    const b = this.bytes;
    this.pos++;
    const out: number[] = [];
    const longest = this.limits.maxStringBytes ?? Infinity;
    let depth = 1;
    while (this.pos < b.length) {
      if (out.length > longest) throw new PdfUnreadable('tooLarge');
      const c = b[this.pos++]!;
      if (c === 0x5c) {
        const e = b[this.pos++];
        if (e === undefined) break;
        const simple: Record<number, number> = {
          0x6e: 0x0a,
          0x72: 0x0d,
          0x74: 0x09,
          0x62: 0x08,
          0x66: 0x0c,
          0x28: 0x28,
          0x29: 0x29,
          0x5c: 0x5c,
        };
        if (simple[e] !== undefined) out.push(simple[e]);
        else if (e >= 0x30 && e <= 0x37) {
          let n = e - 0x30;
          for (let k = 0; k < 2 && b[this.pos]! >= 0x30 && b[this.pos]! <= 0x37; k++) n = n * 8 + (b[this.pos++]! - 0x30);
          out.push(n & 0xff);
        } else if (e === 0x0d) {
          if (b[this.pos] === 0x0a) this.pos++;
        } else if (e !== 0x0a) out.push(e);
      } else if (c === 0x28) {
        depth++;
        out.push(c);
      } else if (c === 0x29) {
        if (--depth === 0) return Buffer.from(out);
        out.push(c);
      } else out.push(c);
    }
    return damaged();
  }
}

const isStream = (value: PdfValue | undefined): value is Stream =>
  value !== null && typeof value === 'object' && !(value instanceof Map) && !Array.isArray(value) && 'raw' in value && 'dict' in value;
const nameOf = (value: PdfValue | undefined): string | undefined => (value instanceof Name ? value.name : undefined);

/** A PDF text string: UTF-16BE with its BOM, UTF-8 with its BOM (PDF 2.0), else PDFDocEncoding (as Latin-1). */
export function textString(bytes: Buffer): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  return bytes.toString('latin1');
}

/** What a PDF says about itself: see PdfFacts. */
/** The only files a taisei report carries. */
const CARRIED = new Set(['filing.json', 'assessment.json', 'progress.json']);

/**
 * Embedded files that are not the ones verify checks: one of another name (a reader would show it
 * beside the filing), or a second of one name (a forged filing.json added to the name tree while the
 * genuine one stays in /AF: a reader may show either).
 */
export function strayFiles(
  facts: PdfFacts,
): { code: 'pdf/embedded-unexpected' | 'pdf/embedded-ambiguous'; key: 'pdf.embeddedUnexpected' | 'pdf.embeddedAmbiguous'; name: string }[] {
  const out: {
    code: 'pdf/embedded-unexpected' | 'pdf/embedded-ambiguous';
    key: 'pdf.embeddedUnexpected' | 'pdf.embeddedAmbiguous';
    name: string;
  }[] = [];
  const seen = new Set<string>();
  for (const file of facts.embedded) {
    if (!CARRIED.has(file.name)) out.push({ code: 'pdf/embedded-unexpected', key: 'pdf.embeddedUnexpected', name: file.name });
    else if (seen.has(file.name)) out.push({ code: 'pdf/embedded-ambiguous', key: 'pdf.embeddedAmbiguous', name: file.name });
    seen.add(file.name);
  }
  return out;
}

export function readPdfFacts(bytes: Buffer, limits: PdfLimits = DEFAULT_PDF_LIMITS): PdfFacts {
  const header = /^%PDF-(\d\.\d)/.exec(
    bytes
      .subarray(0, 1024)
      .toString('latin1')
      .replace(/^[^%]*/, ''),
  );
  if (!header) throw new PdfUnreadable('notPdf');
  try {
    return facts(new PdfFile(bytes, limits), header[1]!);
  } catch (error) {
    if (error instanceof PdfUnreadable) throw error;
    if (error instanceof RangeError) throw new PdfUnreadable('damaged'); // stack, or a buffer out of range
    throw error;
  }
}

function facts(pdf: PdfFile, version: string): PdfFacts {
  const root = pdf.resolve(pdf.trailer.get('Root'));
  if (!(root instanceof Map)) damaged();
  const catalog = root as Dict;
  const dict = (value: PdfValue | undefined): Dict | undefined => {
    const v = pdf.resolve(value);
    return v instanceof Map ? v : undefined;
  };
  const array = (value: PdfValue | undefined): PdfValue[] => {
    const v = pdf.resolve(value);
    return Array.isArray(v) ? v : [];
  };

  // files: the /AF array of the catalog and the /EmbeddedFiles name tree, one entry per file specification
  const specs = new Map<PdfValue, { associated: boolean; named: boolean; key?: string }>();
  const specKey = (value: PdfValue) => (value instanceof Ref ? `${value.num} ${value.gen}` : value);
  const byKey = new Map<unknown, PdfValue>();
  const note = (value: PdfValue, how: 'associated' | 'named') => {
    const key = specKey(value);
    const spec = byKey.get(key) ?? value;
    byKey.set(key, spec);
    const entry = specs.get(spec) ?? { associated: false, named: false };
    entry[how] = true;
    specs.set(spec, entry);
  };
  for (const spec of array(catalog.get('AF'))) note(spec, 'associated');
  const names = dict(catalog.get('Names'));
  const visited = new Set<Dict>();
  const walk = (node: Dict | undefined, depth: number) => {
    if (!node || visited.has(node) || depth > 32) return;
    visited.add(node);
    const list = array(node.get('Names'));
    for (let i = 1; i < list.length; i += 2) note(list[i]!, 'named');
    for (const kid of array(node.get('Kids'))) walk(dict(kid), depth + 1);
  };
  walk(dict(names?.get('EmbeddedFiles')), 0);
  const embedded: EmbeddedData[] = [];
  for (const [value, how] of specs) {
    const spec = dict(value);
    const ef = dict(spec?.get('EF'));
    const stream = pdf.resolve(ef?.get('UF') ?? ef?.get('F'));
    if (!spec || !isStream(stream)) continue;
    const nameBytes = pdf.resolve(spec.get('UF') ?? spec.get('F'));
    const params = dict(stream.dict.get('Params'));
    const checksum = pdf.resolve(params?.get('CheckSum'));
    const relationship = nameOf(pdf.resolve(spec.get('AFRelationship')));
    const mediaType = nameOf(pdf.resolve(stream.dict.get('Subtype')));
    embedded.push({
      name: Buffer.isBuffer(nameBytes) ? textString(nameBytes) : '',
      data: pdf.decode(stream),
      ...(relationship ? { relationship } : {}),
      ...(mediaType ? { mediaType } : {}),
      ...(Buffer.isBuffer(checksum)
        ? { checksum: checksum.length === 16 ? checksum.toString('hex') : checksum.toString('latin1').toLowerCase() }
        : {}),
      associated: how.associated,
      named: how.named,
    });
  }

  const metadata = pdf.resolve(catalog.get('Metadata'));
  const xmp = isStream(metadata) ? pdf.decode(metadata).toString('utf8') : undefined;
  const outputIntents = array(catalog.get('OutputIntents')).flatMap((value) => {
    const intent = dict(value);
    if (!intent) return [];
    return [{ subtype: nameOf(pdf.resolve(intent.get('S'))) ?? '', profile: isStream(pdf.resolve(intent.get('DestOutputProfile'))) }];
  });
  return {
    version,
    ...(xmp !== undefined ? { xmp } : {}),
    embedded,
    outputIntents,
    unembeddedFonts: unembeddedFonts(pdf, catalog),
    ...(pdf.sections > 0 ? { revisions: pdf.sections } : {}),
  };
}

/** The fonts of every page (and the forms they draw) whose program the file does not hold. */
function unembeddedFonts(pdf: PdfFile, catalog: Dict): string[] {
  const out = new Set<string>();
  const seen = new Set<PdfValue>();
  const once = (value: PdfValue | undefined): PdfValue | undefined => {
    if (value === undefined) return undefined;
    const key = value instanceof Ref ? `${value.num} ${value.gen}` : value;
    if (seen.has(key as PdfValue)) return undefined;
    seen.add(key as PdfValue);
    return pdf.resolve(value);
  };
  const asDict = (v: PdfValue | undefined): Dict | undefined =>
    v instanceof Map ? v : isStream(v ?? null) ? (v as Stream).dict : undefined;
  const font = (value: PdfValue | undefined, depth: number) => {
    const f = asDict(once(value));
    if (!f || depth > 4) return;
    const subtype = nameOf(pdf.resolve(f.get('Subtype')));
    if (subtype === 'Type0') {
      for (const d of (pdf.resolve(f.get('DescendantFonts')) as PdfValue[] | null) ?? []) font(d, depth + 1);
      return;
    }
    if (subtype === 'Type3') return resources(f.get('Resources'), depth + 1);
    const descriptor = asDict(pdf.resolve(f.get('FontDescriptor')));
    const held = descriptor && (descriptor.has('FontFile') || descriptor.has('FontFile2') || descriptor.has('FontFile3'));
    if (!held) out.add(nameOf(pdf.resolve(f.get('BaseFont'))) ?? '?');
  };
  const resources = (value: PdfValue | undefined, depth: number): void => {
    const r = asDict(once(value));
    if (!r || depth > 16) return;
    const fonts = asDict(pdf.resolve(r.get('Font')));
    for (const f of fonts?.values() ?? []) font(f, depth);
    const xobjects = asDict(pdf.resolve(r.get('XObject')));
    for (const x of xobjects?.values() ?? []) {
      const form = pdf.resolve(x);
      if (isStream(form) && nameOf(form.dict.get('Subtype')) === 'Form') resources(form.dict.get('Resources'), depth + 1);
    }
  };
  const pages = (value: PdfValue | undefined, depth: number, inherited?: PdfValue) => {
    const node = asDict(once(value));
    if (!node || depth > 64) return;
    const own = node.get('Resources') ?? inherited;
    const kids = pdf.resolve(node.get('Kids'));
    if (Array.isArray(kids)) for (const kid of kids) pages(kid, depth + 1, own);
    else resources(own, 0);
  };
  pages(catalog.get('Pages'), 0);
  return [...out].sort();
}
