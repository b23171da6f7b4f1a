import type { ComponentProps } from 'react';
import { clsx } from 'clsx';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export type BadgeProps = ComponentProps<'span'> & { tone?: BadgeTone };

/**
 * Small status label. The text itself must convey the meaning (tone is decoration). Styles:
 * `.badge` and `.badge-<tone>` in app/globals.css (short, as result pages repeat them a lot).
 */
export function Badge({ tone = 'neutral', className, ...props }: BadgeProps) {
  return <span className={clsx('badge', `badge-${tone}`, className)} {...props} />;
}
