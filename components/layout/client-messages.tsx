import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';

/** What client components on every page translate: header, error page, form validation. */
const everywhere = ['nav', 'common', 'errors', 'validation'];

/** Browse pages: search form, saved-search tools, result cards (and the listing forms beside them). */
export const BROWSE_MESSAGES = ['listings', 'searches', 'domains', 'orgKinds', 'territories'];
/** A listing's own pages and the coordinator's: owner actions, forms, interest and match proposals, documents. */
export const LISTING_MESSAGES = ['listings', 'domains', 'orgKinds', 'introductions', 'attachments'];
/** The programme office's pages: forms and buttons of organisations, users, clusters, audit log, outbox. */
export const OFFICE_MESSAGES = ['admin', 'roles', 'org', 'orgKinds', 'domains'];

/**
 * Gives the client components below it the message namespaces they use, not the whole
 * catalogue: every namespace sent is serialised into the page twice (payload and HTML), and
 * all of them (~50 KB) made each page a third heavier to render and to download. The root
 * layout sends `everywhere`; a segment whose client components need more wraps its pages in
 * its own <ClientMessages> (it replaces the outer one, so `everywhere` is always included).
 */
export async function ClientMessages({
  namespaces = [],
  children,
}: {
  namespaces?: string[];
  children: React.ReactNode;
}) {
  const all = await getMessages();
  const wanted = new Set([...everywhere, ...namespaces]);
  const messages = Object.fromEntries(Object.entries(all).filter(([namespace]) => wanted.has(namespace)));
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
