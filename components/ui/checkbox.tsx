import { useId, type ComponentProps, type ReactNode } from 'react';
import { clsx } from 'clsx';
import { FieldError } from '@/components/ui/form-field';

export type CheckboxProps = Omit<ComponentProps<'input'>, 'type'> & {
  /** Visible label next to the box (already translated). */
  label: ReactNode;
  hint?: ReactNode;
  /** Error message; sets aria-invalid and is linked via aria-describedby. */
  error?: ReactNode;
};

const hasContent = (n: ReactNode) => n !== undefined && n !== null && n !== false && n !== '';

/** Native checkbox with its own label. Spread register() onto it (ref included). */
export function Checkbox({
  label,
  hint,
  error,
  id,
  className,
  'aria-describedby': ariaDescribedBy,
  ...props
}: CheckboxProps) {
  const generated = useId();
  const inputId = id ?? `checkbox-${generated}`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy =
    [ariaDescribedBy, hasContent(hint) && hintId, hasContent(error) && errorId].filter(Boolean).join(' ') || undefined;

  return (
    <div className={clsx('flex flex-col gap-1', className)}>
      <label
        htmlFor={inputId}
        className="flex min-h-10 cursor-pointer items-center gap-3 text-base text-slate-900 has-disabled:cursor-not-allowed has-disabled:text-slate-600"
      >
        <input
          id={inputId}
          type="checkbox"
          aria-invalid={hasContent(error) || undefined}
          aria-describedby={describedBy}
          className="size-5 shrink-0 cursor-pointer rounded-sm accent-teal-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700 disabled:cursor-not-allowed"
          {...props}
        />
        <span>{label}</span>
      </label>
      {hasContent(hint) && (
        <p id={hintId} className="pl-8 text-sm text-slate-700">
          {hint}
        </p>
      )}
      {hasContent(error) && (
        <FieldError id={errorId} className="pl-8">
          {error}
        </FieldError>
      )}
    </div>
  );
}
