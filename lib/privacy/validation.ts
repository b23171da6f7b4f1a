import { z } from '@/lib/validation/messages';

/** Deleting an account: the member's password again, and a ticked "I understand". */
export const deleteAccountSchema = z
  .object({
    password: z.string().min(1).max(128),
    confirm: z.literal(true, { error: 'privacy.delete.confirmRequired' }),
  })
  .strict();
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;
