'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useMessage } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Fieldset } from '@/components/ui/form-field';
import { useToast } from '@/components/ui/toast';
import { requestConsentAction, shareProposalAction } from '@/lib/funding/actions';

export type SharePanelProps = {
  proposalId: string;
  /** The version on the server (a submitted proposal's; a draft's comes from flush). */
  version: number;
  /** Lenders not yet asked (withdrawn ones are shared again from their review). */
  lenders: { id: string; name: string }[];
  /** A proposal from an introduction: whether the partner's consent covers the current version. */
  consent: { needed: boolean; satisfied: boolean; requested: boolean } | null;
  /** Saves unsaved edits first; the version to share, or null when saving failed. */
  flush?: () => Promise<number | null>;
  validate?: () => Promise<boolean>;
  setFieldError?: (field: string, message: string) => void;
};

/** Choose lenders and share; for a proposal from an introduction, ask the partner's consent first. */
export function SharePanel({ proposalId, version, lenders, consent, flush, validate, setFieldError }: SharePanelProps) {
  const t = useTranslations('funding');
  const message = useMessage();
  const router = useRouter();
  const { toast } = useToast();
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [lendersError, setLendersError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);

  const current = async () => (flush ? flush() : version);

  const share = async () => {
    setError(undefined);
    setLendersError(undefined);
    if (validate && !(await validate())) return setError(message('errors.fix_fields'));
    setPending(true);
    try {
      const v = await current();
      if (v === null) return setError(t('form.autosaveFailed'));
      const result = await shareProposalAction({ proposalId, version: v, lenderOrganisationIds: chosen });
      if (result.ok) {
        toast(t('share.done'), { tone: 'success' });
        router.push(`/funding/${proposalId}`);
        router.refresh();
        return;
      }
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (field.startsWith('lenderOrganisationIds')) setLendersError(message(messages[0]));
        else setFieldError?.(field, messages[0]);
      }
      setError(message(result.messageKey));
    } finally {
      setPending(false);
    }
  };

  const askConsent = async () => {
    setError(undefined);
    setPending(true);
    try {
      if ((await current()) === null) return setError(t('form.autosaveFailed'));
      const result = await requestConsentAction({ proposalId });
      if (!result.ok) return setError(message(result.messageKey));
      toast(t('share.consentAsked'), { tone: 'success' });
      router.refresh();
    } finally {
      setPending(false);
    }
  };

  return (
    <section aria-labelledby="share-heading" className="flex flex-col gap-4 rounded-lg border border-slate-200 p-4">
      <h2 id="share-heading" className="text-lg font-semibold">
        {t('share.title')}
      </h2>
      <p className="text-sm text-slate-700">{t('share.hint')}</p>
      {error && <Alert tone="danger">{error}</Alert>}
      {consent?.needed && !consent.satisfied && (
        <Alert tone="warning">
          <p>{t('share.consentFirst')}</p>
          {!consent.requested && (
            <Button className="mt-2" variant="secondary" size="sm" onClick={askConsent} loading={pending}>
              {t('share.askConsent')}
            </Button>
          )}
        </Alert>
      )}
      {lenders.length === 0 ? (
        <p className="text-sm text-slate-700">{t('share.noLenders')}</p>
      ) : (
        <>
          <Fieldset legend={t('share.lenders')} error={lendersError}>
            <div className="grid gap-x-4 sm:grid-cols-2">
              {lenders.map((l) => (
                <Checkbox
                  key={l.id}
                  label={l.name}
                  checked={chosen.includes(l.id)}
                  onChange={(e) => setChosen((c) => (e.target.checked ? [...c, l.id] : c.filter((id) => id !== l.id)))}
                />
              ))}
            </div>
          </Fieldset>
          <div>
            <Button onClick={share} loading={pending}>
              {t('share.submit')}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
