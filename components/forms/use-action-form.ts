'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/errors';
import { parseMessage } from '@/lib/validation/messages';

/** Translates a validation/error key such as `validation.too_short?minimum=12`. */
export function useMessage() {
  const t = useTranslations();
  return (message: string | undefined) => {
    if (!message) return undefined;
    const { key, params } = parseMessage(message);
    return t.has(key) ? t(key, params) : t('errors.invalid');
  };
}

/**
 * react-hook-form wired to one zod schema (the same the server action parses) and to a
 * server action's ActionResult: every field error from the server lands next to its field.
 * The form holds the schema's input (what the fields hold: numbers as typed text, optional
 * arrays); submit parses it and hands the action the schema's output.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, Output>(options: {
  schema: S;
  action: (input: z.output<S>) => Promise<ActionResult<Output>>;
  defaultValues?: DefaultValues<z.input<S>>;
  onSuccess?: (data: Output) => void;
  /** Drop values of fields that are not rendered (forms with alternative sections). */
  shouldUnregister?: boolean;
  /** The result of the same action when the form was posted without JavaScript (useActionState). */
  posted?: ActionResult<Output> | null;
}) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(options.schema),
    defaultValues: options.defaultValues,
    criteriaMode: 'all',
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldUnregister: options.shouldUnregister,
  });
  const [formError, setFormError] = useState<string | undefined>();
  const message = useMessage();

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await options.action(values);
    if (result.ok) {
      options.onSuccess?.(result.data);
      return;
    }
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      if (field === '_form') continue;
      form.setError(field as Path<z.input<S>>, { type: 'server', message: messages[0] });
    }
    setFormError(
      result.fieldErrors && Object.keys(result.fieldErrors).some((f) => f !== '_form')
        ? 'errors.fix_fields'
        : result.messageKey,
    );
  });

  /** Translated error for a (possibly nested) field. */
  const posted = options.posted && !options.posted.ok ? options.posted : undefined;
  const errorOf = (name: Path<z.input<S>>): string | undefined => {
    const parts = String(name).split('.');
    let node: unknown = form.formState.errors;
    for (const part of parts) node = (node as Record<string, unknown> | undefined)?.[part];
    return message((node as { message?: string } | undefined)?.message ?? posted?.fieldErrors?.[String(name)]?.[0]);
  };
  const postedError = posted && (posted.fieldErrors ? 'errors.fix_fields' : posted.messageKey);

  return { form, onSubmit, formError: message(formError ?? postedError), errorOf };
}
