'use client';

import { Button } from '@/components/ui/button';

/** Opens the browser's print dialog (which saves to PDF); hidden on paper. */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button variant="secondary" size="sm" className="print:hidden" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
