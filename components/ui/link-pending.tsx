'use client';

import { useLinkStatus } from 'next/link';
import { clsx } from 'clsx';
import { Spinner } from '@/components/ui/spinner';

/**
 * Inside a next/link: a spinner while the page it opens is on its way (a slow page keeps the old one on
 * screen until it is rendered; this shows the click was taken). No loading.tsx boundary, so a refused
 * page still answers 404 rather than a streamed 200.
 */
export function LinkPending({ className }: { className?: string }) {
  const { pending } = useLinkStatus();
  return pending ? <Spinner className={clsx('inline-block align-middle', className)} /> : null;
}
