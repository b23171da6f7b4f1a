import 'server-only';
import { fileTypeFromBuffer } from 'file-type';
import { acceptedDocumentTypes, type DocumentExtension } from './limits';

export type Detected =
  | { ok: true; contentType: string; extension: DocumentExtension }
  | { ok: false; error: 'unknown_type' | 'type_mismatch'; detected?: string; claimed: string };

/** Legacy Office files are OLE2 compound files: the container says nothing more, the extension decides. */
const COMPOUND = new Set<DocumentExtension>(['doc', 'xls', 'ppt']);

const extensionOf = (fileName: string) => /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';

/**
 * The file's type from its bytes (file-type reads the signatures and, for OOXML/ODF, the
 * package's content types), which must be an accepted document type AND agree with the file
 * name's extension: a PNG or a text file renamed ".pdf" is refused.
 */
export async function detectDocumentType(bytes: Uint8Array, fileName: string): Promise<Detected> {
  const claimed = extensionOf(fileName);
  const found = await fileTypeFromBuffer(bytes);
  if (!found) return { ok: false, error: 'unknown_type', claimed };
  const accepted = (ext: string): ext is DocumentExtension => Object.hasOwn(acceptedDocumentTypes, ext);
  if (found.ext === 'cfb') {
    if (accepted(claimed) && COMPOUND.has(claimed))
      return { ok: true, contentType: acceptedDocumentTypes[claimed], extension: claimed };
    return { ok: false, error: 'type_mismatch', detected: 'cfb', claimed };
  }
  if (!accepted(found.ext)) return { ok: false, error: 'unknown_type', detected: found.ext, claimed };
  const same = claimed === found.ext || (found.ext === 'jpg' && claimed === 'jpeg');
  if (!same) return { ok: false, error: 'type_mismatch', detected: found.ext, claimed };
  return { ok: true, contentType: acceptedDocumentTypes[found.ext], extension: found.ext };
}
