'use client';

import { useTranslations } from 'next-intl';
import { useState, type KeyboardEvent } from 'react';
import { clsx } from 'clsx';
import { controlBase, focusRing } from '@/components/ui/styles';
import type { FieldControlProps } from '@/components/ui/form-field';

type Props = FieldControlProps & {
  value: string[];
  onChange: (next: string[]) => void;
  onBlur?: () => void;
  max: number;
  maxLength: number;
};

const SEPARATORS = [',', '、', '，'];

/**
 * Keywords as removable chips: type and press Enter or a comma (、 too); Backspace in an
 * empty box removes the last one. Each chip's remove button names its keyword.
 */
export function KeywordInput({ value, onChange, onBlur, max, maxLength, id, ...aria }: Props) {
  const t = useTranslations('listings.fields');
  const [draft, setDraft] = useState('');

  const add = (raw: string) => {
    const parts = raw
      .split(/[,、，]/)
      .map((p) => p.trim().slice(0, maxLength))
      .filter(Boolean);
    if (!parts.length) return;
    const next = [...value];
    for (const p of parts) {
      if (next.length >= max) break;
      if (!next.some((k) => k.toLowerCase() === p.toLowerCase())) next.push(p);
    }
    onChange(next);
    setDraft('');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return; // IME conversion in progress: Enter confirms the kana, not the keyword
    if (e.key === 'Enter' || SEPARATORS.includes(e.key)) {
      e.preventDefault();
      add(draft);
    } else if (e.key === 'Backspace' && !draft && value.length) {
      onChange(value.slice(0, -1));
    }
  };

  return (
    <div className="flex flex-col gap-2">
      {value.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-live="polite">
          {value.map((k) => (
            <li
              key={k}
              className="inline-flex items-center gap-1 rounded-full bg-teal-50 py-0.5 pr-0.5 pl-3 text-sm text-teal-900 ring-1 ring-teal-300"
            >
              <span>{k}</span>
              <button
                type="button"
                onClick={() => onChange(value.filter((v) => v !== k))}
                aria-label={t('keywordRemove', { keyword: k })}
                className={clsx(
                  'inline-flex size-8 items-center justify-center rounded-full hover:bg-teal-100',
                  focusRing,
                )}
              >
                <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
                  <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
                </svg>
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        {...aria}
        type="text"
        className={controlBase}
        value={draft}
        maxLength={maxLength * 3}
        disabled={value.length >= max}
        onChange={(e) => {
          const v = e.target.value;
          if (SEPARATORS.some((s) => v.endsWith(s))) add(v);
          else setDraft(v);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (draft.trim()) add(draft);
          onBlur?.();
        }}
      />
      <p className="text-sm text-slate-700">{t('keywordsCount', { count: value.length, max })}</p>
    </div>
  );
}
