import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { NewProposalForm } from '@/components/funding/new-proposal-form';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/guard';
import { listFundableIntroductions } from '@/lib/funding/patents';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('funding'))('new') };
}

export default async function NewProposalPage() {
  const viewer = await requirePermission('funding.propose');
  const [t, locale, introductions] = await Promise.all([
    getTranslations('funding'),
    getLocale(),
    listFundableIntroductions(await getDb(), viewer),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t('new')}</h1>
      <p className="max-w-2xl text-slate-700">{t('newIntro')}</p>
      <NewProposalForm
        introductions={introductions.map((i) => ({
          matchId: i.matchId,
          label: `${i.seedTitle} (${locale === 'en' ? i.partnerNameEn : i.partnerNameJa})`,
        }))}
      />
    </div>
  );
}
