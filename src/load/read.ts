// Bytes → text: size limit, BOM, and a clear word when the file is not UTF-8.
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics.js';
import { InputOutputError, errnoReason } from '../errors.js';
import { t, type Lang } from '../messages/index.js';
import { regularFile } from '../util/regular-file.js';

export const DEFAULT_MAX_FILE_MB = 20;

export interface ReadResult {
  text?: string;
  diagnostics: Diagnostic[];
}

export function readSourceFile(path: string, maxFileMB: number, lang: Lang): ReadResult {
  const size = regularFile(path).size;
  if (size > maxFileMB * 1024 * 1024) {
    return {
      diagnostics: [
        {
          code: 'input/too-large',
          severity: 'error',
          file: path,
          line: 1,
          column: 1,
          message: t(lang, 'input.tooLarge', { size: (size / 1024 / 1024).toFixed(1), limit: maxFileMB }),
          hint: t(lang, 'input.tooLarge.hint'),
        },
      ],
    };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new InputOutputError('input.unreadable', { path, reason: errnoReason(error) }, 'input.unreadable.hint');
  }
  return decodeSource(bytes, path, lang);
}

export function decodeSource(bytes: Uint8Array, path: string, lang: Lang): ReadResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      diagnostics: [
        encodingDiagnostic(path, 1, 1, 'input/encoding', t(lang, 'input.encoding.utf16'), t(lang, 'input.encoding.utf16.hint')),
      ],
    };
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start);
  if (isUtf8(body)) return { text: body.toString('utf8'), diagnostics: [] };
  const offset = firstInvalidUtf8(body);
  const { line, column } = positionOfByte(body, offset);
  const byte = (body[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  const [message, hint] = looksLikeShiftJis(body)
    ? // Excel in Japan saves CSV as Shift_JIS: a CSV is told where in Excel to save it as UTF-8
      [
        t(lang, 'input.encoding.shiftJis'),
        t(lang, /\.csv$/i.test(path) ? 'input.encoding.shiftJisCsv.hint' : 'input.encoding.shiftJis.hint'),
      ]
    : [t(lang, 'input.encoding.invalid', { byte }), t(lang, 'input.encoding.invalid.hint')];
  return { diagnostics: [encodingDiagnostic(path, line, column, 'input/encoding', message, hint)] };
}

function encodingDiagnostic(file: string, line: number, column: number, code: string, message: string, hint: string): Diagnostic {
  return { code, severity: 'error', file, line, column, message, hint };
}

function looksLikeShiftJis(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Offset of the first byte that does not begin or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return i;
}

/** 1-based line and column (UTF-16 code units, as editors and SARIF count) of a byte offset. */
function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, column: prefix.length + 1 };
}
