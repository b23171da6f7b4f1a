import Link from 'next/link';
import type { ReactNode } from 'react';
import { clsx } from 'clsx';
import { focusRing } from '@/components/ui/styles';

export type PaginationProps = {
  /** Accessible name of the <nav>, e.g. "検索結果のページ" (already translated). */
  label: string;
  /** Current page, 1-based. */
  page: number;
  totalPages: number;
  /** Builds the URL for a page (keep other search params yourself). */
  hrefFor: (page: number) => string;
  previousLabel: ReactNode;
  nextLabel: ReactNode;
  /** Accessible name for a page link, e.g. (n) => `${n}ページ目`. Defaults to the number. */
  pageLabel?: (page: number) => string;
  /** Pages shown either side of the current one. */
  siblings?: number;
  className?: string;
};

type Item = number | 'gap';

function pageItems(page: number, total: number, siblings: number): Item[] {
  const items: Item[] = [];
  let last = 0;
  for (let p = 1; p <= total; p++) {
    if (p === 1 || p === total || Math.abs(p - page) <= siblings) {
      if (p - last > 1) items.push(p - last === 2 ? p - 1 : 'gap');
      items.push(p);
      last = p;
    }
  }
  return items;
}

const itemBase = clsx(
  'inline-flex min-h-10 min-w-10 items-center justify-center rounded-md px-3 text-sm font-medium',
  focusRing,
);

export function Pagination({
  label,
  page,
  totalPages,
  hrefFor,
  previousLabel,
  nextLabel,
  pageLabel,
  siblings = 1,
  className,
}: PaginationProps) {
  if (totalPages <= 1) return null;
  const current = Math.min(Math.max(1, page), totalPages);
  const link = 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50';
  const disabled = 'border border-slate-200 bg-slate-50 text-slate-600 cursor-not-allowed';

  return (
    <nav aria-label={label} className={className}>
      <ul className="flex flex-wrap items-center gap-1.5">
        <li>
          {current > 1 ? (
            <Link href={hrefFor(current - 1)} rel="prev" className={clsx(itemBase, link)}>
              {previousLabel}
            </Link>
          ) : (
            <span aria-disabled="true" className={clsx(itemBase, disabled)}>
              {previousLabel}
            </span>
          )}
        </li>
        {pageItems(current, totalPages, siblings).map((item, i) =>
          item === 'gap' ? (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: a list rendered afresh, never reordered; the position is its identity
              key={`gap-${i}`}
              aria-hidden="true"
              className="px-1 text-slate-700"
            >
              …
            </li>
          ) : (
            <li key={item}>
              <Link
                href={hrefFor(item)}
                aria-current={item === current ? 'page' : undefined}
                aria-label={pageLabel?.(item)}
                className={clsx(
                  itemBase,
                  item === current ? 'border border-teal-700 bg-teal-700 text-white hover:bg-teal-800' : link,
                )}
              >
                {item}
              </Link>
            </li>
          ),
        )}
        <li>
          {current < totalPages ? (
            <Link href={hrefFor(current + 1)} rel="next" className={clsx(itemBase, link)}>
              {nextLabel}
            </Link>
          ) : (
            <span aria-disabled="true" className={clsx(itemBase, disabled)}>
              {nextLabel}
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}
