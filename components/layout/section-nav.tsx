'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';
import { currentHref } from './current-href';
import type { MainNavItem } from './main-nav';

/** A section's sub-navigation (tabs-like row of links, wrapping on narrow screens) marking the current one with aria-current="page". */
export function SectionNav({ label, items }: { label: string; items: MainNavItem[] }) {
  const current = currentHref(
    usePathname() ?? '',
    items.map((i) => i.href),
  );
  return (
    <nav aria-label={label} className="-mx-1">
      <ul className="flex flex-wrap gap-1 border-b border-slate-200 pb-2">
        {items.map((s) => (
          <li key={s.href}>
            <Link
              href={s.href}
              aria-current={s.href === current ? 'page' : undefined}
              className={cn(
                'block whitespace-nowrap rounded px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900',
                s.href === current && 'bg-teal-50 text-teal-900 underline decoration-2 underline-offset-8',
              )}
            >
              {s.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
