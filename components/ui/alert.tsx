import type { ComponentProps, ReactNode } from 'react';
import { clsx } from 'clsx';

export type AlertTone = 'info' | 'success' | 'warning' | 'danger';

const tones: Record<AlertTone, string> = {
  info: 'border-sky-700 bg-sky-50 text-sky-900',
  success: 'border-emerald-700 bg-emerald-50 text-emerald-900',
  warning: 'border-amber-600 bg-amber-50 text-amber-900',
  danger: 'border-red-700 bg-red-50 text-red-900',
};

const icons: Record<AlertTone, string> = {
  // info: "i" in a circle
  info: 'M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-7-4a1 1 0 1 1-2 0 1 1 0 0 1 2 0ZM9 9a.75.75 0 0 0 0 1.5h.25v3.25a.75.75 0 0 0 1.5 0V9.75A.75.75 0 0 0 10 9H9Z',
  // success: check in a circle
  success:
    'M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm3.86-9.81a.75.75 0 0 0-1.22-.88l-3.24 4.5-1.62-1.62a.75.75 0 1 0-1.06 1.06l2.25 2.25a.75.75 0 0 0 1.14-.09l3.75-5.22Z',
  // warning: triangle
  warning:
    'M8.49 2.87c.66-1.16 2.36-1.16 3.02 0l6.28 11.03c.66 1.16-.18 2.6-1.51 2.6H3.72c-1.33 0-2.17-1.44-1.51-2.6L8.49 2.87ZM10 6a.75.75 0 0 1 .75.75v3.5a.75.75 0 0 1-1.5 0v-3.5A.75.75 0 0 1 10 6Zm0 8a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z',
  // danger: exclamation in a circle
  danger:
    'M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-8-5a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5Zm0 10a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z',
};

export type AlertProps = Omit<ComponentProps<'div'>, 'title'> & {
  tone?: AlertTone;
  title?: ReactNode;
  /** Optional trailing content, e.g. a link or button. */
  action?: ReactNode;
};

/**
 * Inline status message. role="alert" for danger, role="status" otherwise
 * (pass role explicitly to override, e.g. role="note" for static text that should not be announced).
 */
export function Alert({ tone = 'info', title, action, className, children, ...props }: AlertProps) {
  return (
    <div
      role={tone === 'danger' ? 'alert' : 'status'}
      className={clsx('flex items-start gap-3 rounded-md border-l-4 px-4 py-3 text-sm', tones[tone], className)}
      {...props}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="mt-0.5 size-5 shrink-0">
        <path fillRule="evenodd" clipRule="evenodd" d={icons[tone]} />
      </svg>
      <div className="min-w-0 flex-1">
        {title && <p className="font-semibold">{title}</p>}
        {children && <div className={clsx(title ? 'mt-1' : undefined)}>{children}</div>}
      </div>
      {action && <div className="shrink-0">{action}</div>}
    </div>
  );
}
