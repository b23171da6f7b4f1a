import type { BadgeTone } from '@/components/ui/badge';
import type { FundingShareStatus } from '@/db/vocabulary/funding';

/** The badge colour of a lender's review state (the text says it; the colour only helps). */
export function shareStatusTone(status: FundingShareStatus): BadgeTone {
  switch (status) {
    case 'approved':
      return 'success';
    case 'declined':
      return 'danger';
    case 'info_requested':
      return 'warning';
    case 'withdrawn':
      return 'neutral';
    default:
      return 'info';
  }
}
