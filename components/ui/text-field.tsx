import type { ComponentProps } from 'react';
import { cn } from '@/components/ui/cn';
import { controlBase } from '@/components/ui/styles';

export type TextFieldProps = ComponentProps<'input'>;

/** Native <input>. Spread react-hook-form's register() onto it (ref included). */
export function TextField({ className, type = 'text', ...props }: TextFieldProps) {
  return <input type={type} className={cn(controlBase, className)} {...props} />;
}
