import Link from 'next/link';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';

/**
 * Filters as a plain GET form: the URL holds them, so a filtered list can be bookmarked or
 * shared, and it works before (or without) JavaScript.
 */
export function FilterForm({
  label,
  action,
  submitLabel,
  clearLabel,
  children,
}: {
  label: string;
  action: string;
  submitLabel: string;
  clearLabel: string;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: role=search on the form is the supported landmark; <search> is too new for some screen readers
    <form
      method="get"
      action={action}
      role="search"
      aria-label={label}
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
    >
      {children}
      <div className="flex flex-wrap items-end gap-3 sm:col-span-2 lg:col-span-4">
        <Button type="submit">{submitLabel}</Button>
        <Link
          href={action}
          className="rounded px-2 py-2 text-sm font-medium text-teal-800 underline underline-offset-2 hover:text-teal-900"
        >
          {clearLabel}
        </Link>
      </div>
    </form>
  );
}

/** Builds `path?…` from the current filters, leaving out empty ones. */
export function hrefWith(path: string, params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '' && !(key === 'page' && value === 1)) search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
