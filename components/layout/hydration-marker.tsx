'use client';

import { useEffect } from 'react';

/**
 * Marks the page as hydrated (`<html data-hydrated>`): a browser test types into a form only then, since
 * react-hook-form sets each field to its default value when it attaches, replacing text typed before.
 * Effects run after the whole tree committed, so the mark means every form on the page is live.
 */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return null;
}
