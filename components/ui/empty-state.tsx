import type { ComponentProps, ReactNode } from 'react';
import { clsx } from 'clsx';

export type EmptyStateProps = Omit<ComponentProps<'div'>, 'title'> & {
  title: ReactNode;
  text?: ReactNode;
  /** e.g. a <ButtonLink> or <Button>. */
  action?: ReactNode;
  /** Optional decorative icon (should be aria-hidden). */
  icon?: ReactNode;
  titleAs?: 'h2' | 'h3' | 'p';
};

export function EmptyState({ title, text, action, icon, titleAs: Title = 'h2', className, ...props }: EmptyStateProps) {
  return (
    <div
      className={clsx(
        'flex flex-col items-center gap-3 rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center',
        className,
      )}
      {...props}
    >
      {icon && <div className="text-slate-500">{icon}</div>}
      <Title className="text-base font-semibold text-slate-900">{title}</Title>
      {text && <p className="max-w-prose text-sm text-slate-700">{text}</p>}
      {action && <div className="mt-2">{action}</div>}
    </div>
  );
}
