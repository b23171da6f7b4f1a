'use client';

import { useLocale } from 'next-intl';
import { PREFECTURES, prefectureName } from '@/lib/prefectures';

/**
 * The <option>s of the 47 prefectures, named in the page's language (stored romanised). A
 * `current` value that is none of them (imported or typed as free text) stays selectable, so
 * saving a form does not silently drop it.
 */
export function PrefectureOptions({ current }: { current?: string | null }) {
  const locale = useLocale();
  const unknown = current && !PREFECTURES.some(([code]) => code === current);
  return (
    <>
      {unknown && <option value={current}>{current}</option>}
      {PREFECTURES.map(([code]) => (
        <option key={code} value={code}>
          {prefectureName(code, locale)}
        </option>
      ))}
    </>
  );
}
