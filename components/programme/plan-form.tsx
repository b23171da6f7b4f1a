'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { Textarea } from '@/components/ui/textarea';
import { TextField } from '@/components/ui/text-field';
import { useToast } from '@/components/ui/toast';
import { saveClusterPlanAction } from '@/lib/programme/actions';
import { clusterPlanSchema, type ClusterPlanInput } from '@/lib/programme/validation';
import { clusterPhases } from '@/db/vocabulary/clusters';
import { planTargetKpis } from '@/db/vocabulary/programme';

/**
 * A cluster's plan (issue 14 item 1): vision, goals, process flow, and per phase its period and a target
 * for each indicator. Saving makes a new version; a save based on an outdated version is refused.
 */
export function PlanForm({ defaultValues }: { defaultValues: ClusterPlanInput }) {
  const t = useTranslations('programme.plans');
  const router = useRouter();
  const { toast } = useToast();
  const { form, onSubmit, formError, errorOf } = useActionForm({
    schema: clusterPlanSchema,
    action: saveClusterPlanAction,
    defaultValues,
    onSuccess: ({ version }) => {
      toast(t('saved', { version }), { tone: 'success' });
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      {formError && <Alert tone="danger">{formError}</Alert>}
      <FormField label={t('fields.vision')} error={errorOf('vision')} required>
        <Textarea rows={3} maxLength={2000} {...form.register('vision')} />
      </FormField>
      <FormField label={t('fields.goals')} error={errorOf('goals')} required>
        <Textarea rows={4} maxLength={4000} {...form.register('goals')} />
      </FormField>
      <FormField label={t('fields.processFlow')} hint={t('processFlowHint')} error={errorOf('processFlow')}>
        <Textarea rows={4} maxLength={4000} {...form.register('processFlow')} />
      </FormField>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t('periods')}</legend>
        <div className="grid gap-4 md:grid-cols-3">
          {clusterPhases.map((phase, i) => (
            <fieldset key={phase} className="flex flex-col gap-3 rounded-lg border border-slate-200 p-4">
              <legend className="px-1 font-medium">{t(`phases.${phase}`)}</legend>
              <FormField label={t('from')} error={errorOf(`phases.${i}.from` as 'phases.0.from')}>
                <TextField type="date" {...form.register(`phases.${i}.from` as 'phases.0.from')} />
              </FormField>
              <FormField label={t('to')} error={errorOf(`phases.${i}.to` as 'phases.0.to')}>
                <TextField type="date" {...form.register(`phases.${i}.to` as 'phases.0.to')} />
              </FormField>
            </fieldset>
          ))}
        </div>
      </fieldset>

      <Table caption={t('targets')}>
        <THead>
          <Tr>
            <Th>{t('indicator')}</Th>
            {clusterPhases.map((phase) => (
              <Th key={phase}>{t(`phases.${phase}`)}</Th>
            ))}
          </Tr>
        </THead>
        <TBody>
          {planTargetKpis.map((kpi) => (
            <Tr key={kpi}>
              <Th scope="row" className="font-medium whitespace-normal">
                {t(`kpis.${kpi}`)}
              </Th>
              {clusterPhases.map((phase, i) => {
                const name = `phases.${i}.targets.${kpi}` as 'phases.0.targets.organisations';
                return (
                  <Td key={phase}>
                    <FormField label={t('targetFor', { phase, kpi: t(`kpis.${kpi}`) })} hideLabel error={errorOf(name)}>
                      <TextField inputMode="numeric" className="w-28" {...form.register(name)} />
                    </FormField>
                  </Td>
                );
              })}
            </Tr>
          ))}
        </TBody>
      </Table>
      <p className="text-sm text-slate-700">{t('targetsHint')}</p>
      <div>
        <Button type="submit" loading={form.formState.isSubmitting}>
          {t('save')}
        </Button>
      </div>
    </form>
  );
}
