import 'server-only';
import type { Db } from '@/db';
import { enqueueEmail } from '@/lib/mail/outbox';
import { notify } from '@/lib/notifications/notify';
import type { Locale } from '@/db/vocabulary/accounts';
import type { Recipient } from './people';

type Params = Record<string, string | number>;

/** An organisation's name in the reader's language. */
export const nameIn = (locale: Locale, org: { nameJa: string; nameEn: string }) =>
  locale === 'en' ? org.nameEn : org.nameJa;

/**
 * Tells each recipient of a proposal's step, inside the step's transaction: an in-app notice
 * (`notifications.kinds.<kind>`) and, unless `inAppOnly`, a mail (`mail.<kind>`, category
 * `funding`), both in the recipient's language; `params` may depend on that language
 * (organisation names are stored in both).
 */
export async function tell(
  tx: Db,
  recipients: Recipient[],
  kind: string,
  params: (locale: Locale) => Params,
  href: string,
  options: { inAppOnly?: boolean } = {},
): Promise<void> {
  const seen = new Set<string>();
  for (const r of recipients) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    const p = params(r.locale);
    await notify(tx, { userId: r.id, kind, params: p, href });
    if (!options.inAppOnly)
      await enqueueEmail(tx, { to: { userId: r.id }, category: 'funding', template: kind, params: { ...p, href } });
  }
}
