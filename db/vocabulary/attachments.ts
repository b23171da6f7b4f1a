// The values of attachments' enums, defined once (no imports; see accounts.ts).

/** What a file is attached to: a funding proposal's documents, or a listing's (staged disclosure, DESIGN §4). */
export const attachmentOwnerTypes = ['funding_proposal', 'need', 'seed'] as const;
export type AttachmentOwnerType = (typeof attachmentOwnerTypes)[number];
