// Reading a user's file for `lake ingest`: gzip by magic bytes, strict UTF-8 (a UTF-8 BOM is dropped), JSON lines or
// a JSON array. A file that cannot be read whole (truncated gzip, not UTF-8) is refused whole with the reason; nothing
// is guessed from half a file.
import { LakeError } from '../../errors.js';
import { gunzipSync } from 'node:zlib';
import { TOO_DEEP_ERROR, tooDeep } from '../json-depth.js';

export class UnreadableFileError extends LakeError {
  override readonly name: string = 'UnreadableFileError';
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

const isGzip = (bytes: Buffer) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/** A UTF-16 BOM, or ASCII characters with a NUL byte beside each (UTF-16 without a BOM). */
function looksLikeUtf16(data: Buffer): boolean {
  if (data.length < 2) return false;
  if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)) return true;
  return data.length >= 4 && ((data[1] === 0 && data[3] === 0 && data[0] !== 0) || (data[0] === 0 && data[2] === 0 && data[1] !== 0));
}

/** The file's text: gunzipped when it is gzip, decoded as strict UTF-8, without a leading BOM. */
export function fileText(file: string, bytes: Buffer): string {
  let data = bytes;
  if (isGzip(bytes)) {
    try {
      data = gunzipSync(bytes);
    } catch (error) {
      throw new UnreadableFileError(file, `gzip data cannot be decompressed (${(error as Error).message}); the file is refused whole`);
    }
  }
  if (looksLikeUtf16(data))
    throw new UnreadableFileError(
      file,
      'is UTF-16 text (a UTF-16 byte-order mark or NUL bytes between characters); save it as UTF-8; the file is refused whole',
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new UnreadableFileError(file, 'is not valid UTF-8; the file is refused whole');
  }
  return text.replace(/^\uFEFF/, '');
}

/** One record of a JSON file, or the line that is not JSON. */
export type JsonLine = { line: number; ok: true; value: unknown; bytes: number } | { line: number; ok: false; text: string; error: string };

const deepLine = (line: number, text: string): JsonLine => ({ line, ok: false, text, error: `not JSON a reader can carry: ${TOO_DEEP_ERROR}` });

/**
 * JSON lines (LF, CRLF or CR; blank lines are not records), or one JSON array of records (line = 1-based element
 * number then).
 */
export function jsonRecords(text: string): JsonLine[] {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) {
    let array: unknown;
    try {
      array = JSON.parse(trimmed) as unknown;
    } catch {
      // not one array: read it as lines
    }
    if (Array.isArray(array)) {
      return array.map((value: unknown, i) =>
        tooDeep(value)
          ? deepLine(i + 1, `(element ${i + 1} of the array)`)
          : { line: i + 1, ok: true, value, bytes: Buffer.byteLength(JSON.stringify(value) ?? '') },
      );
    }
  }
  const out: JsonLine[] = [];
  // LF, CRLF or a bare CR ends a line (JSON text cannot hold a raw CR or LF inside a value, so none is cut).
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line) as unknown;
    } catch (error) {
      out.push({ line: i + 1, ok: false, text: line, error: `not JSON: ${(error as Error).message}` });
      return;
    }
    out.push(tooDeep(value) ? deepLine(i + 1, line) : { line: i + 1, ok: true, value, bytes: Buffer.byteLength(line) });
  });
  return out;
}
