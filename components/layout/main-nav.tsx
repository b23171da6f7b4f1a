'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef, type ReactNode } from 'react';
import { clsx } from 'clsx';
import { LinkPending } from '@/components/ui/link-pending';
import { focusRing } from '@/components/ui/styles';
import { currentHref } from './current-href';

export type MainNavItem = { href: string; label: string };

const linkClass = clsx(
  'block whitespace-nowrap rounded px-2 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900',
  focusRing,
);
const currentClass = 'bg-teal-50 text-teal-900';

/**
 * Header navigation: one line of links on wide screens; below `xl` (1280px) a "Menu" disclosure holding
 * the links and `extra` (language, sign-out) so a phone's header stays one row.
 */
export function MainNav({
  label,
  menuLabel,
  items,
  extra,
}: {
  label: string;
  menuLabel: string;
  items: MainNavItem[];
  extra?: ReactNode;
}) {
  const pathname = usePathname() ?? '';
  const current = currentHref(
    pathname,
    items.map((i) => i.href),
  );
  const menu = useRef<HTMLDetailsElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each navigation (a new pathname) on purpose
  useEffect(() => {
    if (menu.current) menu.current.open = false; // close after navigating
  }, [pathname]);
  const links = (className: string) => (
    <ul className={className}>
      {items.map((item) => (
        <li key={item.href}>
          <Link
            href={item.href}
            prefetch={false}
            aria-current={item.href === current ? 'page' : undefined}
            className={clsx(linkClass, item.href === current && currentClass)}
          >
            {item.label}
            <LinkPending className="ml-1.5" />
          </Link>
        </li>
      ))}
    </ul>
  );
  return (
    <>
      {items.length > 0 && (
        <nav aria-label={label} className="hidden min-w-0 xl:block">
          {links('flex flex-nowrap gap-0.5')}
        </nav>
      )}
      <details ref={menu} className="relative order-last shrink-0 xl:hidden">
        <summary
          className={clsx(
            'flex min-h-10 cursor-pointer list-none items-center gap-1 whitespace-nowrap rounded-md border border-slate-300 px-3 text-sm font-medium text-slate-800 hover:bg-slate-50',
            focusRing,
          )}
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
            <path
              fillRule="evenodd"
              d="M2 4.75A.75.75 0 0 1 2.75 4h14.5a.75.75 0 0 1 0 1.5H2.75A.75.75 0 0 1 2 4.75Zm0 5A.75.75 0 0 1 2.75 9h14.5a.75.75 0 0 1 0 1.5H2.75A.75.75 0 0 1 2 9.75Zm0 5a.75.75 0 0 1 .75-.75h14.5a.75.75 0 0 1 0 1.5H2.75a.75.75 0 0 1-.75-.75Z"
              clipRule="evenodd"
            />
          </svg>
          {menuLabel}
        </summary>
        <div className="absolute right-0 z-30 mt-2 flex w-64 max-w-[calc(100vw-2rem)] flex-col gap-3 rounded-md border border-slate-200 bg-white p-3 shadow-lg">
          {items.length > 0 && <nav aria-label={label}>{links('flex flex-col gap-0.5')}</nav>}
          {extra && <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 pt-3">{extra}</div>}
        </div>
      </details>
    </>
  );
}
