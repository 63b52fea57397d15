// A small, strict zip writer and reader for bundles. Written here rather than taken from a library
// because verification needs the raw central-directory fields — external attributes (links),
// declared sizes before anything is inflated, local-header offsets — and must refuse an unsafe
// archive before reading its contents; inflation is bounded by the declared size (zlib's
// maxOutputLength), so a zip bomb stops at once. The writer is deterministic: fixed entry order,
// timestamps and compression level.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export interface ZipInput {
  name: string;
  data: Uint8Array;
  /** Unix mode in the central directory (default: a regular file, 0644). */
  mode?: number;
}

/** 1980-01-01 00:00 in DOS format: bundles carry no wall-clock time. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_FLAG = 0x0800;

export function writeZip(entries: readonly ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const deflated = deflateRawSync(entry.data, { level: 9 });
    // stored where deflating saves nothing, or saves so much that a reader would take the entry for a
    // zip bomb (a megabyte of spaces): the bundle a build writes is one its verify reads
    const stored = deflated.length >= entry.data.length || entry.data.length > Math.max(1024, deflated.length * DEFAULT_LIMITS.maxRatio);
    const body = stored ? Buffer.from(entry.data) : deflated;
    const method = stored ? 0 : 8;
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_FLAG, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, spec 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8_FLAG, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((entry.mode ?? 0o100644) << 16) >>> 0, 38); // a regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

export interface ZipLimits {
  maxEntries: number;
  /** Sum of the declared uncompressed sizes. */
  maxTotalBytes: number;
  /** Largest declared uncompressed / compressed ratio of an entry. */
  maxRatio: number;
}

export const DEFAULT_LIMITS: ZipLimits = { maxEntries: 1000, maxTotalBytes: 512 * 1024 * 1024, maxRatio: 200 };
/** The largest bundle (or PDF) verify and ingest read. */
export const MAX_BUNDLE_BYTES = 512 * 1024 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  dataStart: number;
}

/** Why an archive is refused; `entry` names the entry when there is one. */
export class UnsafeZip extends Error {
  constructor(
    readonly reason:
      | 'truncated'
      | 'absolute'
      | 'parent'
      | 'duplicate'
      | 'link'
      | 'encrypted'
      | 'method'
      | 'tooMany'
      | 'tooLarge'
      | 'ratio'
      | 'corrupt'
      | 'zip64'
      | 'nameMismatch',
    readonly entry?: string,
  ) {
    super(`${reason}${entry ? `: ${entry}` : ''}`);
    this.name = 'UnsafeZip';
  }
}

/** Reads and checks the central directory; nothing is inflated. */
export function readDirectory(zip: Buffer, limits: ZipLimits = DEFAULT_LIMITS): ZipEntry[] {
  const minEnd = Math.max(0, zip.length - 22 - 0xffff);
  let end = -1;
  for (let i = zip.length - 22; i >= minEnd; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new UnsafeZip('truncated');
  // a zip64 archive (its locator before the end record, or the end record's fields at their
  // maximum): taisei writes none, and a reader that skipped its records would read the wrong ones
  if (
    (end >= 20 && zip.readUInt32LE(end - 20) === 0x07064b50) ||
    zip.readUInt16LE(end + 10) === 0xffff ||
    zip.readUInt32LE(end + 16) === 0xffffffff
  )
    throw new UnsafeZip('zip64');
  const count = zip.readUInt16LE(end + 10);
  const size = zip.readUInt32LE(end + 12);
  const start = zip.readUInt32LE(end + 16);
  if (count > limits.maxEntries) throw new UnsafeZip('tooMany');
  if (start + size > end) throw new UnsafeZip('truncated');
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let total = 0;
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || zip.readUInt32LE(at) !== 0x02014b50) throw new UnsafeZip('truncated');
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const declared = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const external = zip.readUInt32LE(at + 38);
    const localOffset = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + extraLength + commentLength;
    if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.includes('\\')) throw new UnsafeZip('absolute', name);
    if (name.split('/').some((part) => part === '..' || part === '.')) throw new UnsafeZip('parent', name);
    // twins under Unicode normalisation (が as one character or as か + ゛) are the same name on disk
    const normal = name.normalize('NFC');
    if (names.has(normal)) throw new UnsafeZip('duplicate', name);
    names.add(normal);
    const mode = (external >>> 16) & 0o170000;
    if (mode === 0o120000) throw new UnsafeZip('link', name);
    if (flags & 1) throw new UnsafeZip('encrypted', name);
    if (method !== 0 && method !== 8) throw new UnsafeZip('method', name);
    total += declared;
    if (total > limits.maxTotalBytes) throw new UnsafeZip('tooLarge', name);
    if (method === 8 && declared > Math.max(1024, compressedSize * limits.maxRatio)) throw new UnsafeZip('ratio', name);
    if (localOffset + 30 > start || zip.readUInt32LE(localOffset) !== 0x04034b50) throw new UnsafeZip('truncated', name);
    const localNameLength = zip.readUInt16LE(localOffset + 26);
    // the local header must name the same file as the directory: unzip tools trust either one
    if (
      localOffset + 30 + localNameLength > start ||
      !zip
        .subarray(localOffset + 30, localOffset + 30 + localNameLength)
        .equals(zip.subarray(at - commentLength - extraLength - nameLength, at - commentLength - extraLength))
    )
      throw new UnsafeZip('nameMismatch', name);
    const dataStart = localOffset + 30 + localNameLength + zip.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > start) throw new UnsafeZip('truncated', name);
    entries.push({ name, method, crc, compressedSize, size: declared, dataStart });
  }
  return entries;
}

/** The bytes of one entry, inflated no further than its declared size and checked against its CRC. */
export function readEntry(zip: Buffer, entry: ZipEntry): Buffer {
  const raw = zip.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  let data: Buffer;
  try {
    data = entry.method === 0 ? Buffer.from(raw) : inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size) });
  } catch {
    throw new UnsafeZip('corrupt', entry.name);
  }
  if (data.length !== entry.size || crc32(data) !== entry.crc) throw new UnsafeZip('corrupt', entry.name);
  return data;
}

/**
 * A zip written again with this writer's fixed times and compression: exceljs stamps each entry
 * with the time of writing, and the same content must give the same bytes.
 */
export function repack(zip: Buffer): Buffer {
  return writeZip(
    readDirectory(zip)
      .filter((entry) => !entry.name.endsWith('/'))
      .map((entry) => ({ name: entry.name, data: readEntry(zip, entry) })),
  );
}
