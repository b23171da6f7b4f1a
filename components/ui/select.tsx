import type { ComponentProps } from 'react';
import { clsx } from 'clsx';
import { controlBase } from '@/components/ui/styles';

export type SelectProps = ComponentProps<'select'>;

/** Native <select>; pass <option> elements as children. */
export function Select({ className, children, ...props }: SelectProps) {
  return (
    <select className={clsx(controlBase, 'pr-8', className)} {...props}>
      {children}
    </select>
  );
}
