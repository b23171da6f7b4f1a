// What scripts/seed-e2e-check-ins.ts seeds for e2e/check-ins.spec.ts: a cluster of its own, so no other
// spec's answers or decisions change its counts.

/** The coordinator of the check-ins cluster, and the SME party of its introductions (the demo password). */
export const CHECK_INS_COORDINATOR = 'checkins-coordinator@e2e.test';
export const CHECK_INS_SME = 'checkins-sme@e2e.test';

/** The need titles of the two introductions: one whose 30-day check-in is overdue, one just asked. */
export const OVERDUE_NEED = 'E2E フォローアップ期限超過の需要';
export const ASKED_NEED = 'E2E フォローアップ質問中の需要';
