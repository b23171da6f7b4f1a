'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useMessage } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Select } from '@/components/ui/select';
import { useToast } from '@/components/ui/toast';
import { deleteSavedSearchAction, updateSavedSearchAction } from '@/lib/saved-searches/actions';
import { digestFrequencies } from '@/db/vocabulary/integrations';

type Frequency = (typeof digestFrequencies)[number];

export function FrequencySelect({ id, name, value }: { id: string; name: string; value: Frequency }) {
  const t = useTranslations('searches');
  const message = useMessage();
  const { toast } = useToast();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Select
      aria-label={`${t('frequency')}: ${name}`}
      defaultValue={value}
      disabled={pending}
      onChange={(e) => {
        const frequency = e.target.value as Frequency;
        startTransition(async () => {
          const result = await updateSavedSearchAction({ id, frequency });
          toast(result.ok ? t('updated') : (message(result.messageKey) ?? ''), {
            tone: result.ok ? 'success' : 'danger',
          });
          router.refresh();
        });
      }}
    >
      {digestFrequencies.map((f) => (
        <option key={f} value={f}>
          {t(`frequencies.${f}`)}
        </option>
      ))}
    </Select>
  );
}

export function DeleteSavedSearch({ id, name }: { id: string; name: string }) {
  const t = useTranslations('searches');
  const tc = useTranslations('common');
  const { toast } = useToast();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <Button variant="ghost" size="sm" onClick={() => setOpen(true)} aria-label={`${t('delete')}: ${name}`}>
        {t('delete')}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('delete')}
        description={t('deleteConfirm', { name })}
        closeLabel={tc('close')}
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {tc('cancel')}
            </Button>
            <Button
              variant="danger"
              loading={pending}
              onClick={() =>
                startTransition(async () => {
                  const result = await deleteSavedSearchAction({ id });
                  setOpen(false);
                  if (result.ok) toast(t('deleted'), { tone: 'success' });
                  router.refresh();
                })
              }
            >
              {t('delete')}
            </Button>
          </>
        }
      />
    </>
  );
}
