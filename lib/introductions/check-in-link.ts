import crypto from 'node:crypto';
import { authSecret } from '@/lib/auth/secret';
import { checkInAnswers, type CheckInAnswer } from '@/db/vocabulary/introductions';
import { addDays, CHECK_IN_DAYS } from './rules';

// The one-click links of a check-in mail: one per answer, signed (HMAC-SHA256 with the server's secret, kept
// apart from the session's by a label) and expiring. Opening one changes nothing: it shows a confirmation
// page with the answer chosen; the confirmation (a POST) records it for the person the mail was sent to.

/** How long a check-in mail's links work. */
export const CHECK_IN_LINK_DAYS = 30;

/** 30 or 90. */
export type CheckInDays = (typeof CHECK_IN_DAYS)[number];

export type CheckInLink = { userId: string; matchId: string; days: CheckInDays; answer: CheckInAnswer; expires: Date };

const LABEL = 'clustermatch:check-in-link:v1';

const mac = (payload: string) =>
  crypto.createHmac('sha256', authSecret()).update(`${LABEL}\n${payload}`).digest('base64url');

/** A link's token: the payload (user, match, check-in, answer, expiry) and its signature. */
export function signCheckInLink(link: CheckInLink): string {
  const payload = Buffer.from(
    JSON.stringify([link.userId, link.matchId, link.days, link.answer, Math.floor(link.expires.getTime() / 1000)]),
  ).toString('base64url');
  return `${payload}.${mac(payload)}`;
}

/** The link a token stands for, or null when it is forged, malformed or expired. */
export function verifyCheckInLink(token: string, now = new Date()): CheckInLink | null {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length) return null;
  const expected = Buffer.from(mac(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parts) || parts.length !== 5) return null;
  const [userId, matchId, days, answer, exp] = parts;
  if (typeof userId !== 'string' || typeof matchId !== 'string' || typeof exp !== 'number') return null;
  if (!(CHECK_IN_DAYS as readonly unknown[]).includes(days)) return null;
  if (!(checkInAnswers as readonly unknown[]).includes(answer)) return null;
  const expires = new Date(exp * 1000);
  if (expires <= now) return null;
  return { userId, matchId, days: days as CheckInDays, answer: answer as CheckInAnswer, expires };
}

/** The mail's links, one per answer, for this recipient. */
export function checkInLinks(appUrl: string, userId: string, matchId: string, days: CheckInDays, now = new Date()) {
  const expires = addDays(now, CHECK_IN_LINK_DAYS);
  return Object.fromEntries(
    checkInAnswers.map((answer) => [
      answer,
      `${appUrl}/check-in?token=${signCheckInLink({ userId, matchId, days, answer, expires })}`,
    ]),
  ) as Record<CheckInAnswer, string>;
}
