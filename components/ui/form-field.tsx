import { cloneElement, isValidElement, useId, type ComponentProps, type ReactElement, type ReactNode } from 'react';
import { clsx } from 'clsx';

/** Props FormField passes to its control. */
export type FieldControlProps = {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
  'aria-required'?: true;
};

export type FormFieldProps = {
  /** Visible label text (already translated). */
  label: ReactNode;
  /** id for the control; defaults to the child's id or a generated one. */
  id?: string;
  hint?: ReactNode;
  /** Error message (e.g. errors.email?.message). Sets aria-invalid on the control. */
  error?: ReactNode;
  /** Sets aria-required on the control. */
  required?: boolean;
  /** Visible required marker text, e.g. "必須" / "required". */
  requiredLabel?: ReactNode;
  /** Visually hide the label (still read by screen readers). */
  hideLabel?: boolean;
  className?: string;
  /** A single control element (TextField, Textarea, Select…) or a render function receiving the wiring props. */
  children: ReactElement<Record<string, unknown>> | ((control: FieldControlProps) => ReactNode);
};

export function ErrorIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="mt-0.5 size-4 shrink-0">
      <path
        fillRule="evenodd"
        d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-8-5a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5Zm0 10a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
        clipRule="evenodd"
      />
    </svg>
  );
}

/** Error text with an icon; rendered as text, never colour only. */
export function FieldError({ id, children, className }: { id: string; children: ReactNode; className?: string }) {
  return (
    <p id={id} className={clsx('flex items-start gap-1.5 text-sm font-medium text-red-700', className)}>
      <ErrorIcon />
      <span>{children}</span>
    </p>
  );
}

export function FieldHint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="text-sm text-slate-700">
      {children}
    </p>
  );
}

const hasContent = (n: ReactNode) => n !== undefined && n !== null && n !== false && n !== '';

/** Label + control + hint + error, with id / htmlFor / aria-invalid / aria-describedby wired up. */
export function FormField({
  label,
  id,
  hint,
  error,
  required,
  requiredLabel,
  hideLabel,
  className,
  children,
}: FormFieldProps) {
  const generated = useId();
  const childId =
    typeof children !== 'function' && isValidElement(children) && typeof children.props.id === 'string'
      ? children.props.id
      : undefined;
  const controlId = id ?? childId ?? `field-${generated}`;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const hasHint = hasContent(hint);
  const hasError = hasContent(error);

  const existing =
    typeof children !== 'function' && typeof children.props['aria-describedby'] === 'string'
      ? children.props['aria-describedby']
      : undefined;
  const describedBy = [existing, hasHint && hintId, hasError && errorId].filter(Boolean).join(' ') || undefined;

  const control: FieldControlProps = {
    id: controlId,
    'aria-describedby': describedBy,
    ...(hasError ? { 'aria-invalid': true as const } : {}),
    ...(required ? { 'aria-required': true as const } : {}),
  };

  return (
    <div className={clsx('flex flex-col gap-1.5', className)}>
      <label htmlFor={controlId} className={clsx('text-sm font-medium text-slate-900', hideLabel && 'sr-only')}>
        {label}
        {hasContent(requiredLabel) && (
          <span className="ml-2 rounded-sm bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">
            {requiredLabel}
          </span>
        )}
      </label>
      {hasHint && <FieldHint id={hintId}>{hint}</FieldHint>}
      {typeof children === 'function' ? children(control) : cloneElement(children, control)}
      {hasError && <FieldError id={errorId}>{error}</FieldError>}
    </div>
  );
}

export type FieldsetProps = Omit<ComponentProps<'fieldset'>, 'children'> & {
  legend: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  requiredLabel?: ReactNode;
  children: ReactNode;
};

/** Groups related controls (e.g. a list of Checkboxes or radios) under a legend. */
export function Fieldset({ legend, hint, error, requiredLabel, className, children, id, ...props }: FieldsetProps) {
  const generated = useId();
  const baseId = id ?? `fieldset-${generated}`;
  const hintId = `${baseId}-hint`;
  const errorId = `${baseId}-error`;
  const describedBy = [hasContent(hint) && hintId, hasContent(error) && errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset id={baseId} aria-describedby={describedBy} className={clsx('flex flex-col gap-2', className)} {...props}>
      <legend className="mb-1 text-sm font-medium text-slate-900">
        {legend}
        {hasContent(requiredLabel) && (
          <span className="ml-2 rounded-sm bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">
            {requiredLabel}
          </span>
        )}
      </legend>
      {hasContent(hint) && <FieldHint id={hintId}>{hint}</FieldHint>}
      {children}
      {hasContent(error) && <FieldError id={errorId}>{error}</FieldError>}
    </fieldset>
  );
}
