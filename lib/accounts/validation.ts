import { canonicalPrefecture } from '@/lib/prefectures';
import { z } from '@/lib/validation/messages';
import { employeeBands, locales, organisationKinds } from '@/db/vocabulary/accounts';
import { isTimeZone } from '@/lib/i18n/time-zone';

const email = z.string().trim().toLowerCase().max(254).email();
export const password = z.string().min(12).max(128);

export const signInSchema = z.object({
  email,
  password: z.string().min(1).max(128),
});

// Members may create any organisation kind except the programme office's own.
const newOrganisation = z.object({
  kind: z.enum(organisationKinds),
  nameJa: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  prefecture: z.string().trim().min(1).max(40).transform(canonicalPrefecture),
  website: z.union([z.literal(''), z.string().trim().url().max(300)]).optional(),
  employeeBand: z.enum(employeeBands).optional(),
});

// `.strict()`: smuggled fields (role, verified, organisationId with mode "new"…) are refused.
export const signUpSchema = z
  .object({
    email,
    name: z.string().trim().min(1).max(100),
    password,
    locale: z.enum(locales),
    organisationMode: z.enum(['existing', 'new']),
    existingOrganisationId: z.string().uuid().optional(),
    organisation: newOrganisation.strict().optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.organisationMode === 'existing' && !value.existingOrganisationId) {
      ctx.addIssue({ code: 'custom', path: ['existingOrganisationId'], message: 'validation.required' });
    }
    if (value.organisationMode === 'new' && !value.organisation) {
      ctx.addIssue({ code: 'custom', path: ['organisation', 'nameJa'], message: 'validation.required' });
    }
  });
export type SignUpInput = z.infer<typeof signUpSchema>;

// The sign-up link's token (32 random bytes, base64url) and the password chosen at sign-up.
export const confirmSignUpSchema = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'errors.sign_up_link_invalid'),
    password: z.string().min(1).max(128),
  })
  .strict();

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1).max(128),
    newPassword: password,
    confirmPassword: z.string().min(1).max(128),
  })
  .strict()
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'validation.password_mismatch',
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const updateProfileSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    phone: z.union([
      z.literal(''),
      z
        .string()
        .trim()
        .max(30)
        .regex(/^[0-9+()\- ]+$/, 'validation.phone'),
    ]),
    locale: z.enum(locales),
    timeZone: z.string().trim().max(64).refine(isTimeZone, 'validation.timeZone'),
  })
  .strict();
export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;

export const localeSchema = z.object({ locale: z.enum(locales) }).strict();
