/**
 * Attachments (photos of a site, scanned approvals, PDFs of evidence) on factor requests, task
 * reports, closing proposals and problem items. Stored in the database (docs/decisions/
 * 004-attachments-in-the-database.md), so they follow the data through backups and every app
 * process sees them.
 */
export const ATTACHMENT_LIMITS = {
  /**
   * 5 MiB: a phone photo (2–4 MB) or a scanned multi-page PDF fits; larger files are documents
   * that belong in the archive system, not in a progress note.
   */
  maxBytes: 5 * 1024 * 1024,
  /** Per record: enough for a handful of photos and the signed documents. */
  maxPerRecord: 20,
  fileNameMaxLength: 200,
} as const;

/** The only accepted types, each recognised by its first bytes (the declared type is not trusted). */
export const ATTACHMENT_TYPES = {
  'image/png': { ext: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  'image/jpeg': { ext: 'jpg', magic: [0xff, 0xd8, 0xff] },
  'application/pdf': { ext: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
} as const;
export type AttachmentMime = keyof typeof ATTACHMENT_TYPES;

/** The type of a file from its first bytes, or null when it is none of the accepted ones. */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentMime | null {
  for (const [mime, { magic }] of Object.entries(ATTACHMENT_TYPES) as Array<
    [AttachmentMime, { magic: readonly number[] }]
  >) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return mime;
  }
  return null;
}
