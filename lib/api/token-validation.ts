import { z } from '@/lib/validation/messages';

export const tokenLifetimes = ['30', '90', '365', 'never'] as const;

export const createTokenSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    expiresInDays: z.enum(tokenLifetimes),
  })
  .strict();
export type CreateTokenInput = z.infer<typeof createTokenSchema>;
export const revokeTokenSchema = z.object({ id: z.uuid() }).strict();
