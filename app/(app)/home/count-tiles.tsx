import Link from 'next/link';
import { getFormatter } from 'next-intl/server';
import { clsx } from 'clsx';
import { LinkPending } from '@/components/ui/link-pending';

export type CountTile = { key: string; value: number; label: string; href: string; urgent?: boolean };

/** Figures that each open the page listing them; an urgent one (something waits for the viewer) is outlined. */
export async function CountTiles({ tiles, label }: { tiles: CountTile[]; label?: string }) {
  const format = await getFormatter();
  return (
    <ul aria-label={label} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {tiles.map((tile) => (
        <li key={tile.key}>
          <Link
            href={tile.href}
            className={clsx(
              'flex h-full flex-col gap-1 rounded-lg border bg-white p-4 shadow-xs hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700',
              tile.urgent ? 'border-amber-500' : 'border-slate-200',
            )}
          >
            <span className="text-3xl font-semibold text-slate-900">{format.number(tile.value)}</span>
            <span className="font-medium text-teal-800 underline underline-offset-2">
              {tile.label}
              <LinkPending className="ml-1.5" />
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
