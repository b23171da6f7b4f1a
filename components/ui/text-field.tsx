import type { ComponentProps } from 'react';
import { clsx } from 'clsx';
import { controlBase } from '@/components/ui/styles';

export type TextFieldProps = ComponentProps<'input'>;

/** Native <input>. Spread react-hook-form's register() onto it (ref included). */
export function TextField({ className, type = 'text', ...props }: TextFieldProps) {
  return <input type={type} className={clsx(controlBase, className)} {...props} />;
}
