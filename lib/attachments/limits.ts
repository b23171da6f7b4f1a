// What an attachment may be, for the forms (hint, `accept`) and the server alike. No imports:
// client components read it.

/** Largest file accepted (shown in the form). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENT_MB = MAX_ATTACHMENT_BYTES / 1024 / 1024;
/** Files per proposal or listing. */
export const MAX_ATTACHMENTS_PER_OWNER = 20;
export const MAX_FILE_NAME_LENGTH = 200;

/**
 * The document types accepted, by the extension a file must carry; the bytes must show the
 * same type (lib/attachments/detect.ts). Images are for scanned certificates and drawings.
 */
export const acceptedDocumentTypes = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
} as const;
export type DocumentExtension = keyof typeof acceptedDocumentTypes;

/** For `<input type="file" accept=…>` (a convenience; the server decides from the bytes). */
export const ACCEPT_ATTRIBUTE = Object.keys(acceptedDocumentTypes)
  .map((ext) => `.${ext}`)
  .join(',');
