import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions, requestIdFrom } from './options.mjs';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino(loggerOptions('test'), stream), text: () => lines.join('') };
}

describe('log lines', () => {
  it('keep ids, routes and durations, and censor secrets and personal fields a caller passes', () => {
    const { logger, text } = capture();
    logger.info(
      {
        requestId: 'req-12345678',
        userId: 'u-1',
        route: '/needs/:id',
        status: 200,
        durationMs: 12.5,
        password: 'hunter2-secret',
        user: { email: 'someone@example.jp', phone: '052-000-9999' },
      },
      'request',
    );
    const line = JSON.parse(text());
    expect(line).toMatchObject({ requestId: 'req-12345678', userId: 'u-1', route: '/needs/:id', status: 200 });
    expect(text()).not.toMatch(/hunter2-secret|someone@example\.jp|052-000-9999/);
  });

  it('log a database error with its cause, without the values it carries', () => {
    const { logger, text } = capture();
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), {
      detail: 'Key (email)=(someone@example.jp) already exists.',
      parameters: ['someone@example.jp', '$2b$12$hashhashhash'],
    });
    const err = new Error(
      'Failed query: insert into users (email, password_hash) values ($1, $2)\nparams: someone@example.jp,$2b$12$hashhashhash',
      {
        cause,
      },
    );
    logger.error({ err }, 'action failed');
    const line = JSON.parse(text());
    expect(line.err.message).toContain('Failed query: insert into users');
    expect(line.err.cause.message).toContain('users_email_key'); // the cause is kept…
    expect(text()).not.toMatch(/someone@example\.jp|hashhashhash/); // …not the values
  });

  it('take a proxy’s request id only when it looks like one', () => {
    expect(requestIdFrom('abc-123-def-456')).toBe('abc-123-def-456');
    expect(requestIdFrom('<script>')).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(undefined)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
