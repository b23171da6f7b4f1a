import { z } from 'zod';

/**
 * Zod messages are i18n keys (optionally with params: `validation.too_short?minimum=12`),
 * translated where they are shown, so one schema serves the form and the server action
 * in both languages. Schemas may give their own key with `{ error: 'validation.…' }`.
 */
z.config({
  // Zod probes `Function('')` to compile faster parsers; the Content-Security-Policy (proxy.ts)
  // forbids eval, so the probe would be a reported violation on every page with a form.
  jitless: true,
  customError: (issue) => {
    switch (issue.code) {
      case 'too_small':
        if (issue.origin === 'string') {
          return Number(issue.minimum) <= 1 ? 'validation.required' : `validation.too_short?minimum=${issue.minimum}`;
        }
        if (issue.origin === 'array') return `validation.too_few?minimum=${issue.minimum}`;
        return `validation.too_small?minimum=${issue.minimum}`;
      case 'too_big':
        if (issue.origin === 'string') return `validation.too_long?maximum=${issue.maximum}`;
        if (issue.origin === 'array') return `validation.too_many?maximum=${issue.maximum}`;
        return `validation.too_big?maximum=${issue.maximum}`;
      case 'invalid_format':
        return issue.format === 'email'
          ? 'validation.email'
          : issue.format === 'url'
            ? 'validation.url'
            : 'validation.format';
      case 'invalid_value':
        return 'validation.choice';
      case 'unrecognized_keys':
        return 'validation.unknown_field';
      case 'invalid_type':
        return issue.input === undefined || issue.input === null || issue.input === ''
          ? 'validation.required'
          : 'validation.type';
      default:
        return 'validation.invalid';
    }
  },
});

export function parseMessage(message: string): { key: string; params: Record<string, string> } {
  const [key, query] = message.split('?');
  return { key, params: Object.fromEntries(new URLSearchParams(query ?? '')) };
}

/** Collects every field's errors (not only the first), keyed by dotted path. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_form';
    out[key] = [...(Object.hasOwn(out, key) ? out[key] : []), issue.message]; // a path may be 'constructor'
  }
  return out;
}

export { z };
