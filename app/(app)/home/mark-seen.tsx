'use client';

import { useEffect } from 'react';
import { markHomeSeenAction } from '@/lib/home/actions';

/** Once the home has been shown, the next visit counts what is new from now. */
export function MarkHomeSeen() {
  useEffect(() => {
    void markHomeSeenAction({});
  }, []);
  return null;
}
