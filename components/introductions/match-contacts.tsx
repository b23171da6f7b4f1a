import { getTranslations } from 'next-intl/server';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import type { MatchForViewer } from '@/lib/introductions/data';

/** Each side's contact once the introduction is made (a member who left shows as such), else why not yet. */
export async function ContactsCard({ match }: { match: MatchForViewer }) {
  const t = await getTranslations('introductions');
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('contacts')}</CardTitle>
      </CardHeader>
      <CardBody>
        {match.contacts ? (
          <div className="grid gap-4 md:grid-cols-2">
            {match.sides.map((s) => {
              const c = match.contacts?.[s];
              if (!c) return null;
              return (
                <div key={s} className="rounded-md border border-slate-200 p-3">
                  <p className="font-medium text-teal-800">{t(`sides.${s}`)}</p>
                  <dl>
                    <dt className="sr-only">{t('name')}</dt>
                    <dd>{c.formerMember ? t('formerMember') : c.name}</dd>
                    {!c.formerMember && (
                      <>
                        <dt className="sr-only">{t('email')}</dt>
                        <dd>
                          <a className="underline" href={`mailto:${c.email}`}>
                            {c.email}
                          </a>
                        </dd>
                      </>
                    )}
                    {c.phone && (
                      <>
                        <dt className="sr-only">{t('phone')}</dt>
                        <dd>{c.phone}</dd>
                      </>
                    )}
                  </dl>
                </div>
              );
            })}
          </div>
        ) : (
          <p className="text-slate-700">{t('contactsHidden')}</p>
        )}
      </CardBody>
    </Card>
  );
}
