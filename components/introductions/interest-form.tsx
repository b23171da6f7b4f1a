'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef } from 'react';
import { expressInterestAction } from '@/lib/introductions/actions';
import { useActionForm } from '@/components/forms/use-action-form';
import { TerritoryPicker } from '@/components/listings/territory-picker';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Fieldset, FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { TextField } from '@/components/ui/text-field';
import { useToast } from '@/components/ui/toast';
import { interestSchema } from '@/lib/introductions/validation';
import { salesChannelKinds } from '@/db/vocabulary/introductions';

type Mine = { id: string; title: string; offer: string; want: string; timing: string };
type Answers = Pick<Mine, 'offer' | 'want' | 'timing'>;

/**
 * "I'm interested" in a named listing: linked to (and pre-filled from) the asker's own need or seed that found it,
 * the structured questions, whether to show our name before both accept, and for a trading firm the sales
 * channel (what, where, through which channel, volumes, terms). Lands in the coordinator's queue.
 */
export function InterestForm({
  listing,
  mine,
  via,
  salesChannel,
}: {
  listing: { kind: 'need' | 'seed'; id: string };
  mine: Mine[];
  via: string;
  salesChannel: boolean;
}) {
  const t = useTranslations('introductions');
  const tc = useTranslations('common');
  const router = useRouter();
  const { toast } = useToast();
  const start = mine.find((m) => m.id === via);
  const prefilled = useRef<Answers>({
    offer: start?.offer ?? '',
    want: start?.want ?? '',
    timing: start?.timing ?? '',
  });
  const { form, onSubmit, formError, errorOf } = useActionForm({
    schema: interestSchema,
    action: expressInterestAction,
    defaultValues: {
      listingKind: listing.kind,
      listingId: listing.id,
      viaListingId: start?.id ?? '',
      ...prefilled.current,
      showOrganisation: false,
      channelProduct: '',
      channelTerritories: [],
      channelKinds: [],
      channelVolumes: '',
      channelTerms: '',
    },
    onSuccess: (data) => {
      toast(t('interestSent'), { tone: 'success' });
      router.push(`/introductions/${data.matchId}`);
    },
  });
  const { register, setValue, getValues, watch } = form;
  const viaField = register('viaListingId');
  // choosing another of our listings re-fills the answers it filled, never what the user typed
  const onVia = (id: string) => {
    const next = mine.find((m) => m.id === id);
    const fill: Answers = { offer: next?.offer ?? '', want: next?.want ?? '', timing: next?.timing ?? '' };
    for (const k of ['offer', 'want', 'timing'] as const) {
      const current = getValues(k) ?? '';
      if (current === '' || current === prefilled.current[k]) setValue(k, fill[k]);
    }
    prefilled.current = fill;
  };
  const viaLabel = t(listing.kind === 'seed' ? 'viaNeed' : 'viaSeed');
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError && <Alert tone="danger">{formError}</Alert>}
      {mine.length > 0 && (
        <FormField label={viaLabel} hint={t('viaHint')} error={errorOf('viaListingId')}>
          <Select
            {...viaField}
            onChange={(e) => {
              void viaField.onChange(e);
              onVia(e.target.value);
            }}
          >
            <option value="">{t('viaNone')}</option>
            {mine.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </Select>
        </FormField>
      )}
      <FormField label={t('offer')} error={errorOf('offer')} required requiredLabel={tc('required')}>
        <Textarea rows={3} maxLength={1000} {...register('offer')} />
      </FormField>
      <FormField label={t('want')} error={errorOf('want')} required requiredLabel={tc('required')}>
        <Textarea rows={3} maxLength={1000} {...register('want')} />
      </FormField>
      <FormField label={t('timing')} error={errorOf('timing')} required requiredLabel={tc('required')}>
        <TextField maxLength={200} {...register('timing')} />
      </FormField>
      {salesChannel && (
        <Fieldset legend={t('channel.title')} hint={t('channel.hint')} className="gap-4">
          <FormField
            label={t('channel.product')}
            error={errorOf('channelProduct')}
            required
            requiredLabel={tc('required')}
          >
            <TextField maxLength={300} {...register('channelProduct')} />
          </FormField>
          <Fieldset legend={t('channel.kinds')} error={errorOf('channelKinds')} requiredLabel={tc('required')}>
            <div className="grid gap-x-4 sm:grid-cols-2">
              {salesChannelKinds.map((k) => (
                <Checkbox key={k} label={t(`channelKinds.${k}`)} value={k} {...register('channelKinds')} />
              ))}
            </div>
          </Fieldset>
          <TerritoryPicker
            legend={t('channel.territories')}
            registration={register('channelTerritories')}
            selected={watch('channelTerritories') ?? []}
            error={errorOf('channelTerritories')}
            requiredLabel={tc('required')}
          />
          <FormField label={t('channel.volumes')} hint={t('channel.volumesHint')} error={errorOf('channelVolumes')}>
            <TextField maxLength={300} {...register('channelVolumes')} />
          </FormField>
          <FormField label={t('channel.terms')} hint={t('channel.termsHint')} error={errorOf('channelTerms')}>
            <Textarea rows={3} maxLength={1000} {...register('channelTerms')} />
          </FormField>
        </Fieldset>
      )}
      <Checkbox label={t('showOrganisation')} hint={t('showOrganisationHint')} {...register('showOrganisation')} />
      <div>
        <Button type="submit" loading={form.formState.isSubmitting}>
          {t('sendInterest')}
        </Button>
      </div>
    </form>
  );
}
