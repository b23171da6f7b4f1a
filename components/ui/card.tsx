import type { ComponentProps } from 'react';
import { clsx } from 'clsx';

export function Card({ className, ...props }: ComponentProps<'div'>) {
  return <div className={clsx('rounded-lg border border-slate-200 bg-white shadow-xs', className)} {...props} />;
}

export function CardHeader({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div
      className={clsx(
        'flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 px-4 py-4 sm:px-6',
        className,
      )}
      {...props}
    />
  );
}

export type CardTitleProps = ComponentProps<'h2'> & { as?: 'h2' | 'h3' | 'h4' };

/** Card heading; defaults to <h2>, pick `as` to keep the page's heading order. */
export function CardTitle({ as: Tag = 'h2', className, ...props }: CardTitleProps) {
  return <Tag className={clsx('text-lg font-semibold text-slate-900', className)} {...props} />;
}

export function CardBody({ className, ...props }: ComponentProps<'div'>) {
  return <div className={clsx('px-4 py-4 text-slate-800 sm:px-6', className)} {...props} />;
}
