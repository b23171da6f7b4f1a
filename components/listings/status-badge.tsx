import { useTranslations } from 'next-intl';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { ListingStatus } from '@/db/vocabulary/listings';

const tones: Record<ListingStatus | 'expired', BadgeTone> = {
  draft: 'neutral',
  pending_review: 'warning',
  open: 'success',
  closed: 'neutral',
  archived: 'neutral',
  expired: 'danger',
};

export function StatusBadge({ status, expired = false }: { status: ListingStatus; expired?: boolean }) {
  const t = useTranslations('listings.status');
  const key = status === 'open' && expired ? 'expired' : status;
  return <Badge tone={tones[key]}>{t(key)}</Badge>;
}
