'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { Textarea } from '@/components/ui/textarea';
import { useToast } from '@/components/ui/toast';
import { valuationMethods } from '@/db/vocabulary/funding';
import { saveEvaluationAction } from '@/lib/funding/actions';
import { collateralCoverage } from '@/lib/funding/rules';
import { evaluationSchema, FUNDING_LIMITS, type EvaluationFormValues } from '@/lib/funding/validation';

/** One patent row of the sheet, its standing written out by the page. */
type SheetPatent = { id: string; label: string; cells: string[]; method: string; valueJpy: string };

type Props = {
  shareId: string;
  version: number;
  amountJpy: number | null;
  headers: string[];
  patents: SheetPatent[];
  advanceRatePercent: string;
  notes: string;
};

const num = (v: unknown) => {
  const n = Number(String(v ?? '').replace(/[,\s¥]/g, ''));
  return String(v ?? '').trim() === '' || Number.isNaN(n) ? null : n;
};

/** The lender's inputs on the IP evaluation sheet, with the collateral coverage computed as they type. */
export function EvaluationForm(props: Props) {
  const t = useTranslations('funding');
  const format = useFormatter();
  const router = useRouter();
  const { toast } = useToast();
  const defaults: EvaluationFormValues = {
    shareId: props.shareId,
    version: props.version,
    advanceRatePercent: props.advanceRatePercent,
    notes: props.notes,
    valuations: props.patents.map((p) => ({ patentId: p.id, method: p.method as never, valueJpy: p.valueJpy })),
  };
  const { form, onSubmit, formError, errorOf } = useActionForm({
    schema: evaluationSchema,
    action: saveEvaluationAction,
    defaultValues: defaults as never,
    onSuccess: (saved) => {
      form.setValue('version', saved.version);
      toast(t('evaluation.saved'), { tone: 'success' });
      router.refresh();
    },
  });
  const { register, watch } = form;
  const values = watch();
  const coverage = collateralCoverage(
    (values.valuations ?? []).map((v) => num(v.valueJpy)),
    num(values.advanceRatePercent),
    props.amountJpy,
  );
  const yen = (n: number | null) => (n === null ? '—' : format.number(n, 'jpy'));

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6" aria-label={t('evaluation.title')}>
      {formError && <Alert tone="danger">{formError}</Alert>}
      <div className="flex flex-col gap-4">
        {props.patents.map((p, i) => (
          <fieldset
            key={p.id}
            className="flex flex-col gap-3 rounded-md border border-slate-200 p-3 print:break-inside-avoid"
          >
            <legend className="px-1 font-medium">{p.label}</legend>
            <dl className="grid gap-2 text-sm sm:grid-cols-4">
              {props.headers.map((h, j) => (
                <div key={h}>
                  <dt className="text-slate-700">{h}</dt>
                  <dd className="text-slate-900">{p.cells[j]}</dd>
                </div>
              ))}
            </dl>
            <div className="grid gap-3 sm:grid-cols-2">
              <FormField label={t('evaluation.method')} error={errorOf(`valuations.${i}.method`)}>
                <Select {...register(`valuations.${i}.method`)}>
                  <option value="">—</option>
                  {valuationMethods.map((m) => (
                    <option key={m} value={m}>
                      {t(`valuationMethods.${m}`)}
                    </option>
                  ))}
                </Select>
              </FormField>
              <FormField label={t('evaluation.value')} error={errorOf(`valuations.${i}.valueJpy`)}>
                <TextField inputMode="numeric" {...register(`valuations.${i}.valueJpy`)} />
              </FormField>
            </div>
          </fieldset>
        ))}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t('evaluation.advanceRate')} error={errorOf('advanceRatePercent')}>
          <TextField inputMode="decimal" {...register('advanceRatePercent')} />
        </FormField>
      </div>
      <section aria-labelledby="coverage-heading" className="flex flex-col gap-2 rounded-md bg-slate-50 p-4">
        <h2 id="coverage-heading" className="font-semibold">
          {t('evaluation.coverage')}
        </h2>
        <p className="text-sm text-slate-700">{t('evaluation.formula')}</p>
        <dl className="grid gap-2 sm:grid-cols-4">
          <div>
            <dt className="text-sm text-slate-700">{t('evaluation.valuedTotal')}</dt>
            <dd>{yen(coverage.valuedTotalJpy)}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{t('evaluation.collateralValue')}</dt>
            <dd>{yen(coverage.collateralJpy)}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{t('evaluation.requested')}</dt>
            <dd>{yen(props.amountJpy)}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{t('evaluation.ratio')}</dt>
            <dd className="text-lg font-semibold" data-testid="coverage-ratio">
              {coverage.ratio === null
                ? t('evaluation.notYet')
                : format.number(coverage.ratio, { style: 'percent', maximumFractionDigits: 1 })}
            </dd>
          </div>
        </dl>
      </section>
      <FormField label={t('evaluation.notes')} error={errorOf('notes')}>
        <Textarea rows={4} maxLength={FUNDING_LIMITS.evaluationNotes} {...register('notes')} />
      </FormField>
      <div className="print:hidden">
        <Button type="submit" loading={form.formState.isSubmitting}>
          {t('evaluation.save')}
        </Button>
      </div>
    </form>
  );
}
