import { z } from '@/lib/validation/messages';

/** ?page= of the notifications list (anything else means the first page). */
export const notificationsQuerySchema = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

export const markReadSchema = z.object({ ids: z.array(z.uuid()).max(200).optional() });

/** One switch per mail category a user may turn off (lib/mail/preferences.ts). */
export const mailPreferencesSchema = z.object({
  introductions: z.boolean(),
  messages: z.boolean(),
  reminders: z.boolean(),
  follow_up: z.boolean(),
  digests: z.boolean(),
});
