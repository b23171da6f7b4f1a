import iconv from 'iconv-lite';

export type DetectedEncoding = 'utf-8' | 'utf-8-bom' | 'shift_jis';

/** An import-file problem reported to the user as an i18n key under `import.errors.` (not a row error). */
export class ImportFileError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`import.errors.${key}`);
    this.name = 'ImportFileError';
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a CSV file as spreadsheets in Japan write it: UTF-8 (with or without BOM) or
 * Shift_JIS (Windows code page 932, which Excel uses for "CSV"). UTF-16 and binary files
 * are refused with a clear error rather than turned into mojibake.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: DetectedEncoding } {
  if (bytes.length === 0) throw new ImportFileError('empty');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ImportFileError('utf16');
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: strictUtf8(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (looksBinary(bytes)) throw new ImportFileError('binary');
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: try Shift_JIS below
  }
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'cp932');
  if (text.includes('\uFFFD')) throw new ImportFileError('encoding');
  return { text, encoding: 'shift_jis' };
}

function strictUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ImportFileError('encoding');
  }
}

/** NUL bytes never occur in UTF-8 or Shift_JIS text (they do in UTF-16 without BOM, images, xlsx…). */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}
