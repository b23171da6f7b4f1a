'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { useToast } from '@/components/ui/toast';
import { recordOutcomeAction } from '@/lib/programme/actions';
import { outcomeSchema, type OutcomeFormInput } from '@/lib/programme/validation';
import { outcomeKindsWithAmount, outcomeMilestones, resultOutcomeKinds } from '@/db/vocabulary/programme';

type Choice = { id: string; name: string };

/**
 * Records what came of an introduction: a milestone, a result the programme counts (with its
 * amount, or for a university-born venture its name, source seed and incubation manager), or no deal.
 */
export function OutcomeForm({
  matchId,
  today,
  seeds,
  managers,
  defaultSeedId,
}: {
  matchId: string;
  /** Today in the viewer's time zone (YYYY-MM-DD). */
  today: string;
  seeds: Choice[];
  managers: Choice[];
  defaultSeedId: string;
}) {
  const t = useTranslations('outcomes');
  const router = useRouter();
  const { toast } = useToast();
  const defaults: OutcomeFormInput = {
    matchId,
    kind: 'meeting_held',
    occurredOn: today,
    note: '',
    sourceSeedId: defaultSeedId,
    incubationManagerId: '',
    close: false,
  };
  const { form, onSubmit, formError, errorOf } = useActionForm({
    schema: outcomeSchema,
    action: recordOutcomeAction,
    defaultValues: defaults,
    shouldUnregister: true,
    onSuccess: () => {
      toast(t('saved'), { tone: 'success' });
      form.reset(defaults);
      router.refresh();
    },
  });
  const kind = form.watch('kind');
  const hasAmount = (outcomeKindsWithAmount as readonly string[]).includes(kind ?? '');
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t('record')}>
      {formError && <Alert tone="danger">{formError}</Alert>}
      <input type="hidden" {...form.register('matchId')} />
      <div className="grid gap-3 sm:grid-cols-3">
        <FormField label={t('kind')} error={errorOf('kind')}>
          <Select {...form.register('kind')}>
            <optgroup label={t('groups.milestones')}>
              {outcomeMilestones.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('groups.results')}>
              {resultOutcomeKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('groups.end')}>
              <option value="no_deal">{t('kinds.no_deal')}</option>
            </optgroup>
          </Select>
        </FormField>
        <FormField label={t('occurredOn')} error={errorOf('occurredOn')}>
          <TextField type="date" max={today} {...form.register('occurredOn')} />
        </FormField>
        {hasAmount && (
          <FormField label={t('amountJpy')} hint={t('amountHint')} error={errorOf('amountJpy')}>
            <TextField type="number" inputMode="numeric" min={0} step={1} {...form.register('amountJpy')} />
          </FormField>
        )}
      </div>
      {kind === 'venture_founded' && (
        <div className="grid gap-3 sm:grid-cols-3">
          <FormField label={t('ventureName')} error={errorOf('ventureName')}>
            <TextField maxLength={200} {...form.register('ventureName')} />
          </FormField>
          <FormField label={t('sourceSeed')} error={errorOf('sourceSeedId')}>
            <Select {...form.register('sourceSeedId')}>
              <option value="">{t('choose')}</option>
              {seeds.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField
            label={t('incubationManager')}
            hint={t('incubationManagerHint')}
            error={errorOf('incubationManagerId')}
          >
            <Select {...form.register('incubationManagerId')}>
              <option value="">{t('noManager')}</option>
              {managers.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </Select>
          </FormField>
        </div>
      )}
      <FormField label={t('note')} error={errorOf('note')}>
        <TextField maxLength={1000} {...form.register('note')} />
      </FormField>
      <Checkbox label={t('closeWith')} {...form.register('close')} />
      <div>
        <Button type="submit" size="sm" loading={form.formState.isSubmitting}>
          {t('record')}
        </Button>
      </div>
    </form>
  );
}
