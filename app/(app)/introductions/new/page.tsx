import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { InterestForm } from '@/components/introductions/interest-form';
import { EmptyState } from '@/components/ui/empty-state';
import { requirePermission } from '@/lib/auth/guard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('introductions'))('expressInterest') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** /introductions/new?kind=seed&id=… — the listing is checked again (visible, open, not own) when the form is sent. */
export default async function NewInterestPage({ searchParams }: Props) {
  await requirePermission('introductions.interest');
  const { kind, id } = await searchParams;
  const t = await getTranslations('introductions');
  if ((kind !== 'need' && kind !== 'seed') || typeof id !== 'string' || !UUID.test(id)) {
    return <EmptyState title={t('expressInterest')} text={t('chooseListing')} />;
  }
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t('expressInterest')}</h1>
      <InterestForm listingKind={kind} listingId={id} />
    </div>
  );
}
