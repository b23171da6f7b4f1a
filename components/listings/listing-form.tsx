'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import type { ComponentType } from 'react';
import { FormProvider, type DefaultValues, type FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { useActionForm } from '@/components/forms/use-action-form';
import { useToast } from '@/components/ui/toast';
import type { ActionResult } from '@/lib/errors';
import { saveNeedAction, saveSeedAction } from '@/lib/listings/actions';
import { listingKindInfo } from '@/lib/listings/kinds';
import type { CompletenessInput } from '@/lib/listings/rules';
import { needSchema, seedSchema } from '@/lib/listings/validation';
import { CompletenessMeter } from './completeness-meter';
import { ListingFormShell, type ListingFormStatus } from './listing-form-shell';
import { NeedFields } from './need-fields';
import { SeedFields } from './seed-fields';
import type { ListingKind, ListingStatus } from '@/db/vocabulary/listings';

// One form for needs and seeds (new and edit, with autosave of drafts). What differs by kind is
// the spec below: its schema and save action, its own fieldsets, what the completeness meter reads.

type Spec<S extends z.ZodType<FieldValues, FieldValues>> = {
  kind: ListingKind;
  schema: S;
  /** the save action (it parses its input itself: the form's values, or what autosave sends) */
  action: (input: unknown) => Promise<ActionResult<{ id: string; version: number; status: ListingStatus }>>;
  /** the kind's fieldsets, after the basics (inside the form's FormProvider) */
  Fields: ComponentType<{ errorOf(name: string): string | undefined }>;
  /** the form's values (numbers still as typed) as the completeness rules read them */
  completeness(values: z.input<S>): CompletenessInput;
};

const number = (v: unknown) => (v ? Number(v) : null);

const needSpec: Spec<typeof needSchema> = {
  kind: 'need',
  schema: needSchema,
  action: saveNeedAction,
  Fields: NeedFields,
  completeness: (v) => ({
    kind: 'need',
    ...v,
    trlMin: number(v.trlMin),
    trlMax: number(v.trlMax),
    budgetMinJpy: number(v.budgetMinJpy),
    budgetMaxJpy: number(v.budgetMaxJpy),
  }),
};

const seedSpec: Spec<typeof seedSchema> = {
  kind: 'seed',
  schema: seedSchema,
  action: saveSeedAction,
  Fields: SeedFields,
  completeness: (v) => ({ kind: 'seed', ...v, trl: number(v.trl) }),
};

type Common = {
  status: ListingFormStatus;
  reviewComment?: string | null;
  organisations?: { id: string; name: string }[];
};
type Props = Common &
  (
    | { kind: 'need'; defaultValues: z.input<typeof needSchema> }
    | { kind: 'seed'; defaultValues: z.input<typeof seedSchema> }
  );

export function ListingForm(props: Props) {
  return props.kind === 'need' ? <KindForm {...props} spec={needSpec} /> : <KindForm {...props} spec={seedSpec} />;
}

function KindForm<S extends z.ZodType<FieldValues, FieldValues>>({
  spec,
  defaultValues,
  status,
  reviewComment,
  organisations,
}: Common & { spec: Spec<S>; defaultValues: DefaultValues<z.input<S>> }) {
  const t = useTranslations('listings');
  const router = useRouter();
  const { toast } = useToast();
  const { form, onSubmit, formError, errorOf } = useActionForm({
    schema: spec.schema,
    action: spec.action,
    defaultValues,
    onSuccess: (saved) => {
      toast(saved.status === 'draft' ? t('form.saved') : t('form.submitted'), { tone: 'success' });
      router.push(`${listingKindInfo[spec.kind].path}/mine`);
      router.refresh();
    },
  });
  const { Fields } = spec;
  return (
    <FormProvider {...form}>
      <ListingFormShell
        status={status}
        reviewComment={reviewComment}
        organisations={organisations}
        formError={formError}
        errorOf={errorOf}
        schema={spec.schema}
        save={spec.action}
        onSubmit={onSubmit}
        aside={<CompletenessMeter input={spec.completeness(form.watch())} />}
      >
        <Fields errorOf={errorOf} />
      </ListingFormShell>
    </FormProvider>
  );
}
