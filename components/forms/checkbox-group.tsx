'use client';

import type { ReactNode } from 'react';
import { Checkbox } from '@/components/ui/checkbox';
import { Fieldset } from '@/components/ui/form-field';

/** A set of checkboxes holding an array of values (works with 0, 1 or many options). */
export function CheckboxGroup({
  legend,
  options,
  value,
  onChange,
  error,
  emptyText,
  className,
}: {
  legend: ReactNode;
  options: { id: string; label: ReactNode }[];
  value: string[];
  onChange: (next: string[]) => void;
  error?: ReactNode;
  emptyText?: ReactNode;
  className?: string;
}) {
  return (
    <Fieldset legend={legend} error={error} className={className}>
      {options.length === 0 && emptyText && <p className="text-sm text-slate-700">{emptyText}</p>}
      <div className="grid gap-1 sm:grid-cols-2">
        {options.map((o) => (
          <Checkbox
            key={o.id}
            label={o.label}
            checked={value.includes(o.id)}
            onChange={(e) => onChange(e.target.checked ? [...value, o.id] : value.filter((v) => v !== o.id))}
          />
        ))}
      </div>
    </Fieldset>
  );
}
