'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ShareEventType } from '@/lib/funding/rules';
import { useActionForm } from '@/components/forms/use-action-form';
import { useRun } from '@/components/introductions/use-run';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { Textarea } from '@/components/ui/textarea';
import { useToast } from '@/components/ui/toast';
import { fundingDeclineReasons } from '@/db/vocabulary/funding';
import {
  answerQuestionAction,
  approveProposalAction,
  declineProposalAction,
  requestInfoAction,
  reshareAction,
  startReviewAction,
  withdrawShareAction,
} from '@/lib/funding/actions';
import type { ActionResult } from '@/lib/errors';
import {
  approveSchema,
  declineSchema,
  FUNDING_LIMITS,
  requestInfoSchema,
  resubmitSchema,
  type ApproveFormValues,
} from '@/lib/funding/validation';

type Share = { shareId: string; version: number };
type Props = Share & {
  available: ShareEventType[];
  /** The proposal's request, offered as the approval's starting terms. */
  requested: { amountJpy: number | null; termMonths: number | null };
};

/** The steps this side may take on one lender's review now (the server decides again). */
export function ReviewActions({ shareId, version, available, requested }: Props) {
  const t = useTranslations('funding');
  const { run, pending, error } = useRun();
  const [open, setOpen] = useState<ShareEventType | null>(null);
  const has = (e: ShareEventType) => available.includes(e);
  const ref = { shareId, version };
  const toggle = (e: ShareEventType) => setOpen((o) => (o === e ? null : e));
  if (!available.length) return null;
  return (
    <div className="flex flex-col gap-3">
      {error && <Alert tone="danger">{error}</Alert>}
      <div className="flex flex-wrap gap-2">
        {has('start_review') && (
          <Button
            size="sm"
            loading={pending}
            onClick={() => run(startReviewAction, ref, { success: t('review.started') })}
          >
            {t('review.start')}
          </Button>
        )}
        {has('request_info') && (
          <Button
            size="sm"
            variant="secondary"
            aria-expanded={open === 'request_info'}
            onClick={() => toggle('request_info')}
          >
            {t('review.ask')}
          </Button>
        )}
        {has('approve') && (
          <Button size="sm" variant="secondary" aria-expanded={open === 'approve'} onClick={() => toggle('approve')}>
            {t('review.approve')}
          </Button>
        )}
        {has('decline') && (
          <Button size="sm" variant="secondary" aria-expanded={open === 'decline'} onClick={() => toggle('decline')}>
            {t('review.decline')}
          </Button>
        )}
        {has('resubmit') && (
          <Button size="sm" aria-expanded={open === 'resubmit'} onClick={() => toggle('resubmit')}>
            {t('review.answer')}
          </Button>
        )}
        {has('reshare') && (
          <Button size="sm" loading={pending} onClick={() => run(reshareAction, ref, { success: t('share.reshared') })}>
            {t('share.reshare')}
          </Button>
        )}
        {has('withdraw') && (
          <Button
            size="sm"
            variant="danger"
            loading={pending}
            onClick={() => run(withdrawShareAction, ref, { success: t('share.withdrawn') })}
          >
            {t('share.withdraw')}
          </Button>
        )}
      </div>
      {open === 'request_info' && (
        <TextStep
          share={ref}
          schema={requestInfoSchema}
          action={requestInfoAction}
          field="question"
          label={t('review.question')}
          max={FUNDING_LIMITS.question}
          submit={t('review.send')}
          done={t('review.asked')}
        />
      )}
      {open === 'resubmit' && (
        <TextStep
          share={ref}
          schema={resubmitSchema}
          action={answerQuestionAction}
          field="answer"
          label={t('review.answerLabel')}
          max={FUNDING_LIMITS.answer}
          submit={t('review.sendAnswer')}
          done={t('review.answered')}
        />
      )}
      {open === 'approve' && <ApproveForm share={ref} requested={requested} />}
      {open === 'decline' && <DeclineForm share={ref} />}
    </div>
  );
}

function useDone(message: string) {
  const router = useRouter();
  const { toast } = useToast();
  return () => {
    toast(message, { tone: 'success' });
    router.refresh();
  };
}

/** A question or an answer: one text field. */
function TextStep(props: {
  share: Share;
  schema: typeof requestInfoSchema | typeof resubmitSchema;
  action: (input: never) => Promise<ActionResult<unknown>>;
  field: 'question' | 'answer';
  label: string;
  max: number;
  submit: string;
  done: string;
}) {
  const onDone = useDone(props.done);
  const { form, onSubmit, formError, errorOf } = useActionForm({
    schema: props.schema as never,
    action: props.action as never,
    defaultValues: { ...props.share, [props.field]: '' } as never,
    onSuccess: onDone,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={props.submit}>
      {formError && <Alert tone="danger">{formError}</Alert>}
      <FormField label={props.label} error={errorOf(props.field as never)}>
        <Textarea rows={4} maxLength={props.max} {...form.register(props.field as never)} />
      </FormField>
      <div>
        <Button type="submit" size="sm" loading={form.formState.isSubmitting}>
          {props.submit}
        </Button>
      </div>
    </form>
  );
}

function ApproveForm({ share, requested }: { share: Share; requested: Props['requested'] }) {
  const t = useTranslations('funding');
  const onDone = useDone(t('review.approved'));
  const defaults: ApproveFormValues = {
    ...share,
    amountJpy: requested.amountJpy === null ? '' : String(requested.amountJpy),
    interestRatePercent: '',
    termMonths: requested.termMonths === null ? '' : String(requested.termMonths),
    conditions: '',
    collateral: '',
  };
  const { form, onSubmit, formError, errorOf } = useActionForm({
    schema: approveSchema,
    action: approveProposalAction,
    defaultValues: defaults as never,
    onSuccess: onDone,
  });
  const { register } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t('review.approve')}>
      {formError && <Alert tone="danger">{formError}</Alert>}
      <div className="grid gap-3 sm:grid-cols-3">
        <FormField label={t('review.amountJpy')} error={errorOf('amountJpy')}>
          <TextField inputMode="numeric" {...register('amountJpy')} />
        </FormField>
        <FormField label={t('review.interestRatePercent')} error={errorOf('interestRatePercent')}>
          <TextField inputMode="decimal" {...register('interestRatePercent')} />
        </FormField>
        <FormField label={t('review.termMonths')} error={errorOf('termMonths')}>
          <TextField inputMode="numeric" {...register('termMonths')} />
        </FormField>
      </div>
      <FormField label={t('review.conditions')} error={errorOf('conditions')}>
        <Textarea rows={3} maxLength={FUNDING_LIMITS.conditions} {...register('conditions')} />
      </FormField>
      <FormField label={t('review.collateral')} error={errorOf('collateral')}>
        <TextField maxLength={FUNDING_LIMITS.collateral} {...register('collateral')} />
      </FormField>
      <div>
        <Button type="submit" size="sm" loading={form.formState.isSubmitting}>
          {t('review.approveSubmit')}
        </Button>
      </div>
    </form>
  );
}

function DeclineForm({ share }: { share: Share }) {
  const t = useTranslations('funding');
  const onDone = useDone(t('review.declined'));
  const { form, onSubmit, formError, errorOf } = useActionForm({
    schema: declineSchema,
    action: declineProposalAction,
    defaultValues: { ...share, reason: 'insufficient_collateral', text: '' },
    onSuccess: onDone,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t('review.decline')}>
      {formError && <Alert tone="danger">{formError}</Alert>}
      <FormField label={t('review.reason')} error={errorOf('reason')}>
        <Select {...form.register('reason')}>
          {fundingDeclineReasons.map((r) => (
            <option key={r} value={r}>
              {t(`declineReasons.${r}`)}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label={t('review.reasonText')} error={errorOf('text')}>
        <Textarea rows={3} maxLength={FUNDING_LIMITS.declineText} {...form.register('text')} />
      </FormField>
      <div>
        <Button type="submit" size="sm" variant="danger" loading={form.formState.isSubmitting}>
          {t('review.declineSubmit')}
        </Button>
      </div>
    </form>
  );
}
