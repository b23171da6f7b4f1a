'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { authedAction } from '@/lib/actions/safe-action';
import { createTokenSchema, revokeTokenSchema } from './token-validation';
import { createApiToken, revokeApiToken } from './tokens';

/** Returns the secret once; only its hash is stored. */
export const createApiTokenAction = authedAction(
  'apiTokens.manage',
  createTokenSchema,
  async (viewer, input, { ip }) => {
    const created = await createApiToken(await getDb(), viewer, input, ip);
    revalidatePath('/account/tokens');
    return { id: created.id, token: created.token };
  },
);

export const revokeApiTokenAction = authedAction(
  'apiTokens.manage',
  revokeTokenSchema,
  async (viewer, input, { ip }) => {
    await revokeApiToken(await getDb(), viewer, input.id, ip);
    revalidatePath('/account/tokens');
  },
);
