'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Fieldset, FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { TextField } from '@/components/ui/text-field';
import { useToast } from '@/components/ui/toast';
import { saveSurveyAnswerAction } from '@/lib/programme/survey/actions';
import { type SurveyAnswerInput, surveyAnswerSchema } from '@/lib/programme/survey/validation';
import {
  countedInnovations,
  type SurveyInnovation,
  surveyAreas,
  surveyInnovations,
  surveyScale,
} from '@/db/vocabulary/programme';

const counted: readonly SurveyInnovation[] = countedInnovations;

/**
 * An organisation's answer to a survey round: each area before and after on the 5-point scale, and the
 * innovation effects (pre-filled from the portal's records, which are shown beside each).
 */
export function SurveyAnswerForm({
  defaultValues,
  recorded,
}: {
  defaultValues: SurveyAnswerInput;
  recorded: Record<SurveyInnovation, number>;
}) {
  const t = useTranslations('survey.answer');
  const tq = useTranslations('survey.questions');
  const router = useRouter();
  const { toast } = useToast();
  const { form, onSubmit, formError, errorOf } = useActionForm({
    schema: surveyAnswerSchema,
    action: saveSurveyAnswerAction,
    defaultValues,
    onSuccess: ({ version }) => {
      form.setValue('baseVersion', version);
      toast(t('saved'), { tone: 'success' });
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      {formError && <Alert tone="danger">{formError}</Alert>}
      <section aria-labelledby="survey-effects" className="flex flex-col gap-3">
        <h2 id="survey-effects" className="text-xl font-semibold">
          {t('effects')}
        </h2>
        <p className="text-slate-700">{t('scaleHint')}</p>
        <Table caption={t('effects')} captionHidden>
          <THead>
            <Tr>
              <Th>{t('area')}</Th>
              <Th>{t('before')}</Th>
              <Th>{t('after')}</Th>
            </Tr>
          </THead>
          <TBody>
            {surveyAreas.map((area) => (
              <Tr key={area}>
                <Th scope="row" className="font-medium whitespace-normal">
                  {tq(`areas.${area}`)}
                </Th>
                {(['before', 'after'] as const).map((when) => {
                  const name = `effects.${area}.${when}` as const;
                  return (
                    <Td key={when}>
                      <FormField label={t(`${when}Of`, { area: tq(`areas.${area}`) })} hideLabel error={errorOf(name)}>
                        <Select className="w-44" {...form.register(name)}>
                          <option value="">{t('choose')}</option>
                          {surveyScale.map((s) => (
                            <option key={s} value={s}>
                              {tq(`scale.${s}`)}
                            </option>
                          ))}
                        </Select>
                      </FormField>
                    </Td>
                  );
                })}
              </Tr>
            ))}
          </TBody>
        </Table>
      </section>
      <section aria-labelledby="survey-innovation" className="flex flex-col gap-3">
        <h2 id="survey-innovation" className="text-xl font-semibold">
          {t('innovation')}
        </h2>
        <p className="text-slate-700">{t('innovationHint')}</p>
        {surveyInnovations.map((item) => (
          <Fieldset
            key={item}
            legend={tq(`innovation.${item}`)}
            hint={t('recorded', { count: recorded[item] })}
            className="rounded-lg border border-slate-200 p-4"
          >
            <Checkbox label={t('yes')} {...form.register(`innovation.${item}.yes`)} />
            {counted.includes(item) ? (
              <FormField label={t('count')} error={errorOf(`innovation.${item}.count`)}>
                <TextField inputMode="numeric" className="w-28" {...form.register(`innovation.${item}.count`)} />
              </FormField>
            ) : null}
          </Fieldset>
        ))}
      </section>
      <div>
        <Button type="submit" loading={form.formState.isSubmitting}>
          {t('save')}
        </Button>
      </div>
    </form>
  );
}
