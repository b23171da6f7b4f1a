'use server';

import { redirect } from 'next/navigation';
import { createAccount } from '@/lib/accounts/data';
import { signUpSchema } from '@/lib/accounts/validation';
import { publicAction } from '@/lib/actions/safe-action';
import { signIn } from '@/lib/auth/config';

export const signUpAction = publicAction(signUpSchema, async (input, { ip }) => {
  await createAccount(input, ip);
  await signIn('credentials', { email: input.email, password: input.password, redirect: false });
  redirect('/account?welcome=1');
});
