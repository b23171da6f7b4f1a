'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { closeListingAction, renewListingAction, transitionListingAction } from '@/lib/listings/actions';
import { useMessage } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { useToast } from '@/components/ui/toast';
import type { ActionResult } from '@/lib/errors';
import { listingKindInfo } from '@/lib/listings/kinds';
import { canRenew } from '@/lib/listings/rules';
import { LIMITS } from '@/lib/listings/validation';
import { closeReasons, type ListingKind, type ListingStatus } from '@/db/vocabulary/listings';

type Props = {
  kind: ListingKind;
  id: string;
  version: number;
  status: ListingStatus;
  expiresAt: string;
  title: string;
  showView?: boolean;
};
type Transition = 'submit' | 'withdraw' | 'archive' | 'reopen';

/** Owner's buttons for one listing: edit, submit, withdraw, renew, close with a reason, reopen, archive. */
export function OwnerActions({ kind, id, version, status, expiresAt, title, showView = false }: Props) {
  const t = useTranslations('listings.owner');
  const tl = useTranslations('listings');
  const tc = useTranslations('common');
  const message = useMessage();
  const router = useRouter();
  const { toast } = useToast();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [closing, setClosing] = useState(false);
  const [reason, setReason] = useState<(typeof closeReasons)[number]>('partner_found');
  const [note, setNote] = useState('');
  const base = listingKindInfo[kind].path;

  async function run(name: string, call: () => Promise<ActionResult<unknown>>) {
    setBusy(name);
    setError(undefined);
    const result = await call();
    setBusy(null);
    if (result.ok) {
      toast(t('done'), { tone: 'success' });
      setClosing(false);
      router.refresh();
    } else {
      setError(message(result.messageKey));
    }
  }

  const transition = (name: Transition) =>
    run(name, () => transitionListingAction({ kind, id, version, transition: name }));
  const renew = () => run('renew', () => renewListingAction({ kind, id, version }));
  const close = () => run('close', () => closeListingAction({ kind, id, version, reason, note }));

  const editable = status === 'draft' || status === 'pending_review' || status === 'open';
  return (
    <div className="flex flex-col gap-2">
      {error && <Alert tone="danger">{error}</Alert>}
      {/* biome-ignore lint/a11y/useSemanticElements: a group of buttons, not a form section: a fieldset would bring a legend and form semantics */}
      <div role="group" aria-label={t('actions', { title })} className="flex flex-wrap gap-2">
        {showView && (
          <ButtonLink href={`${base}/${id}`} variant="ghost" size="sm">
            {t('view')}
          </ButtonLink>
        )}
        {editable && (
          <ButtonLink href={`${base}/${id}/edit`} variant="secondary" size="sm">
            {t('edit')}
          </ButtonLink>
        )}
        {status === 'draft' && (
          <Button size="sm" loading={busy === 'submit'} onClick={() => transition('submit')}>
            {t('submit')}
          </Button>
        )}
        {status === 'pending_review' && (
          <Button size="sm" variant="secondary" loading={busy === 'withdraw'} onClick={() => transition('withdraw')}>
            {t('withdraw')}
          </Button>
        )}
        {status === 'open' && canRenew(status, new Date(expiresAt)) && (
          <Button size="sm" loading={busy === 'renew'} onClick={renew}>
            {t('renew')}
          </Button>
        )}
        {status === 'open' && (
          <Button size="sm" variant="secondary" onClick={() => setClosing(true)}>
            {t('close')}
          </Button>
        )}
        {status === 'closed' && (
          <>
            <Button size="sm" variant="secondary" loading={busy === 'reopen'} onClick={() => transition('reopen')}>
              {t('reopen')}
            </Button>
            <Button size="sm" variant="ghost" loading={busy === 'archive'} onClick={() => transition('archive')}>
              {t('archive')}
            </Button>
          </>
        )}
      </div>
      <Dialog
        open={closing}
        onClose={() => setClosing(false)}
        title={t('closeTitle')}
        description={t('closeText')}
        closeLabel={tc('close')}
        footer={
          <>
            <Button variant="secondary" onClick={() => setClosing(false)}>
              {tc('cancel')}
            </Button>
            <Button variant="danger" loading={busy === 'close'} onClick={close}>
              {t('confirmClose')}
            </Button>
          </>
        }
      >
        <div className="flex flex-col gap-4">
          <FormField label={t('closeReason')}>
            <Select value={reason} onChange={(e) => setReason(e.target.value as (typeof closeReasons)[number])}>
              {closeReasons.map((r) => (
                <option key={r} value={r}>
                  {tl(`closeReasons.${r}`)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t('closeNote')}>
            <Textarea rows={3} maxLength={LIMITS.closeNote} value={note} onChange={(e) => setNote(e.target.value)} />
          </FormField>
        </div>
      </Dialog>
    </div>
  );
}
