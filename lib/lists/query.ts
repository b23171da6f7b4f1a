// The list pages' SQL side (organisations, users, audit log, …): a page of rows and the total.

export const PAGE_SIZE = 20;

/** `%text%` for ILIKE, with the user's own % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export type Paged<Row> = { rows: Row[]; total: number; page: number; totalPages: number };

export function paging(page: number) {
  return { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
}

export function paged<Row>(rows: Row[], total: number, page: number): Paged<Row> {
  return { rows, total, page, totalPages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}
