import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { organisations } from '@/db/schema/accounts';
import { messageKey, type MessageParams } from '@/lib/i18n/message-params';
import type { MatchContext } from './context';
import type { Side } from '@/db/vocabulary/introductions';

/**
 * How a message names a match for one side's person (notifications and mails; the templates choose
 * their wording by `about`):
 * - a pair of listings (`pair`): their own listing's title and the other listing's;
 * - an expression of interest, to the listing's owner (`interest`): the listing and the interested
 *   organisation described by its kind (its name is not theirs to know before both accept);
 * - to the member who expressed it (`mine`): the listing they asked about.
 */
export async function titlesFor(tx: Db, ctx: MatchContext, side: Side): Promise<MessageParams> {
  if (ctx.requester) {
    const listing = (ctx.need ?? ctx.seed)?.title ?? '';
    if (side === 'requester') return { about: 'mine', listing, other: '' };
    const [org] = await tx
      .select({ kind: organisations.kind })
      .from(organisations)
      .where(eq(organisations.id, ctx.requester.organisationId));
    return { about: 'interest', listing, other: org ? messageKey(`orgKinds.${org.kind}`) : '' };
  }
  const own = side === 'seed' ? ctx.seed : ctx.need;
  const other = side === 'seed' ? ctx.need : ctx.seed;
  return { about: 'pair', listing: own?.title ?? '', other: other?.title ?? '' };
}
