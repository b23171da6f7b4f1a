import type { ComponentProps } from 'react';
import { clsx } from 'clsx';
import { controlBase } from '@/components/ui/styles';

export type TextareaProps = ComponentProps<'textarea'>;

/** Native <textarea>. Spread react-hook-form's register() onto it (ref included). */
export function Textarea({ className, rows = 4, ...props }: TextareaProps) {
  return <textarea rows={rows} className={clsx(controlBase, 'min-h-24 resize-y', className)} {...props} />;
}
