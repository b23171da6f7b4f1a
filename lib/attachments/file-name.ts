import { MAX_FILE_NAME_LENGTH } from './limits';

// Characters no file system accepts in a name (Windows' list) and control characters: a name
// with them is refused rather than silently changed, so what the uploader sees is what is stored.
const FORBIDDEN = /[<>:"/\\|?*]/;
const hasControl = (name: string) => [...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

export type FileNameCheck = { ok: true; name: string } | { ok: false; error: 'name_invalid' | 'name_too_long' };

/** The name as stored and offered on download: trimmed, NFC-normalised, without path or markup characters. */
export function checkFileName(raw: string): FileNameCheck {
  const name = raw.normalize('NFC').trim();
  if (!name || name === '.' || name === '..' || FORBIDDEN.test(name) || hasControl(name) || !/\.[^.]+$/.test(name))
    return { ok: false, error: 'name_invalid' };
  if (name.length > MAX_FILE_NAME_LENGTH) return { ok: false, error: 'name_too_long' };
  return { ok: true, name };
}

/**
 * Content-Disposition for a download (RFC 6266): `attachment`, an ASCII fallback name and the
 * real one as RFC 5987 UTF-8, so Japanese names arrive intact.
 */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRFC5987(name)}`;
}

function encodeRFC5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
