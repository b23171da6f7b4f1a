// The values of the mail outbox's enums, defined once (no imports; see accounts.ts).

export const outboxStatuses = ['pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];
