import { z } from 'zod';
import { dbEnvSchema } from '@/db/env';

// Server-side configuration, validated once: every variable the application reads is here
// (the database's own in db/env.ts, included). Unset DATABASE_URL means embedded PGlite.
const envSchema = dbEnvSchema.extend({
  AUTH_SECRET: z.string().min(16).optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('ClusterMatch <no-reply@clustermatch.local>'),
  /** unset (production): the outbox is flushed every minute; tests set a few seconds (lib/mail/jobs.ts) */
  MAIL_FLUSH_EVERY_SECONDS: z.coerce.number().int().min(1).max(60).optional(),
  APP_URL: z.string().url().optional(),
  /** '1' only in `npm run demo` without SMTP_URL: /demo-mailbox shows the outbox to anyone (lib/mail/demo-mailbox.ts) */
  DEMO_MAILBOX: z.enum(['1']).optional(),
  /** requests per API token per minute */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** where people send privacy requests and questions (shown on the privacy notice) */
  PRIVACY_CONTACT: z.string().default('privacy@clustermatch.local'),
  /** retention periods (privacy notice; lib/privacy/retention.ts applies them daily) */
  RETENTION_MESSAGES_YEARS: z.coerce.number().int().min(1).default(3),
  RETENTION_NOTIFICATIONS_DAYS: z.coerce.number().int().min(30).default(365),
  RETENTION_MAIL_DAYS: z.coerce.number().int().min(7).default(90),
  RETENTION_IP_DAYS: z.coerce.number().int().min(30).default(365),
});

type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  const names = Object.keys(envSchema.shape) as (keyof Env)[];
  cached ??= envSchema.parse(Object.fromEntries(names.map((name) => [name, process.env[name] || undefined])));
  return cached;
}
