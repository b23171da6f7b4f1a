import type { ComponentProps } from 'react';
import { cn } from '@/components/ui/cn';
import { controlBase } from '@/components/ui/styles';

export type TextareaProps = ComponentProps<'textarea'>;

/** Native <textarea>. Spread react-hook-form's register() onto it (ref included). */
export function Textarea({ className, rows = 4, ...props }: TextareaProps) {
  return <textarea rows={rows} className={cn(controlBase, 'min-h-24 resize-y', className)} {...props} />;
}
