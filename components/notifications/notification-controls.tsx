'use client';

import { useTranslations } from 'next-intl';
import { markNotificationsReadAction, saveMailPreferencesAction as saveAction } from '@/lib/notifications/actions';
import type { z } from 'zod';
import { useActionForm } from '@/components/forms/use-action-form';
import { useRun } from '@/components/introductions/use-run';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Fieldset } from '@/components/ui/form-field';
import { useToast } from '@/components/ui/toast';
import { mailPreferencesSchema } from '@/lib/notifications/validation';

export function MarkRead({ ids, label }: { ids?: string[]; label: string }) {
  const { run, pending } = useRun();
  return (
    <Button
      size="sm"
      variant="secondary"
      loading={pending}
      onClick={() => run(markNotificationsReadAction, ids ? { ids } : {})}
    >
      {label}
    </Button>
  );
}

type MailPreferences = z.input<typeof mailPreferencesSchema>;
const categories = Object.keys(mailPreferencesSchema.shape) as (keyof MailPreferences)[];

/** Per-category e-mail switches (react-hook-form with the action's own schema). */
export function MailPreferencesForm({ initial }: { initial: MailPreferences }) {
  const t = useTranslations('notifications');
  const tc = useTranslations('common');
  const { toast } = useToast();
  const { form, onSubmit, formError } = useActionForm({
    schema: mailPreferencesSchema,
    action: saveAction,
    defaultValues: initial,
    onSuccess: () => toast(t('saved'), { tone: 'success' }),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      {formError && <Alert tone="danger">{formError}</Alert>}
      <Fieldset legend={t('categoriesLegend')}>
        {categories.map((k) => (
          <Checkbox key={k} label={t(`categories.${k}`)} {...form.register(k)} />
        ))}
      </Fieldset>
      <div>
        <Button type="submit" loading={form.formState.isSubmitting}>
          {tc('save')}
        </Button>
      </div>
    </form>
  );
}
