import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { calendarDay } from '@/lib/i18n/time-zone';

/** On a member's home: the open survey rounds their organisation has not answered yet, each a link to answer. */
export async function SurveyWaitingCard({ rounds }: { rounds: { id: string; title: string; closesOn: string }[] }) {
  if (!rounds.length) return null;
  const [t, format] = await Promise.all([getTranslations('survey.participant'), getFormatter()]);
  return (
    <Card className="border-amber-300">
      <CardHeader>
        <CardTitle>{t('homeTitle')}</CardTitle>
      </CardHeader>
      <CardBody>
        <ul className="flex flex-col gap-2">
          {rounds.map((r) => (
            <li key={r.id}>
              <Link
                href={`/programme/surveys/${r.id}/answer`}
                className="font-medium text-teal-800 underline underline-offset-2 hover:text-teal-900"
              >
                {t('homeText', { title: r.title, day: format.dateTime(calendarDay(r.closesOn), 'day') })}
              </Link>
            </li>
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}
