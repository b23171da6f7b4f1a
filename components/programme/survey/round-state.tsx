import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { RoundState } from '@/lib/programme/survey/rules';

const tones = { scheduled: 'info', open: 'success', closed: 'neutral' } as const;

/** A survey round's state as a badge: scheduled, open or closed. */
export async function RoundStateBadge({ state }: { state: RoundState }) {
  const t = await getTranslations('survey.states');
  return <Badge tone={tones[state]}>{t(state)}</Badge>;
}
