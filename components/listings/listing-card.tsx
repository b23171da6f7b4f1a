'use client';

import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import type { CardData } from './card-data';

/** One search result, drawn from card data (only fields of the card view: no details, no people). */
export function ListingCard({ card }: { card: CardData }) {
  return (
    <article className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4">
      <h3 className="text-lg font-semibold">
        {/* no prefetch: a page of results would otherwise render 20 detail pages per visit */}
        <Link href={card.href} prefetch={false} className="text-teal-800 underline-offset-2 hover:underline">
          {card.title}
        </Link>
      </h3>
      <p className="text-sm text-slate-700">{card.meta}</p>
      <p className="line-clamp-3 text-slate-800">{card.summary}</p>
      <div className="flex flex-wrap gap-1.5">
        {card.tags.map((tag, i) => (
          <Badge
            // biome-ignore lint/suspicious/noArrayIndexKey: a list rendered afresh, never reordered; the position is its identity
            key={i}
            tone={tag.tone}
            className={tag.plain ? 'font-normal' : undefined}
          >
            {tag.text}
          </Badge>
        ))}
      </div>
    </article>
  );
}
