import { SMTPServer } from 'smtp-server';

/**
 * A local SMTP capture server for tests (real SMTP, no TLS, no auth): every message's raw text
 * and recipients go to `onMessage` (awaited before the message is acknowledged). Resolves once it listens on 127.0.0.1:`port`.
 */
export async function startSmtpCapture(
  port: number,
  onMessage: (raw: string, rcptTo: string[]) => unknown,
): Promise<{ close: () => Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c) => (raw += c.toString()));
      stream.on('end', () => {
        Promise.resolve(
          onMessage(
            raw,
            session.envelope.rcptTo.map((r) => r.address),
          ),
        ).then(() => callback(), callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  return { close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The Message-ID header of a raw message ('' when absent). */
export const messageIdOf = (raw: string) => /^Message-ID:\s*(.+)$/im.exec(raw)?.[1]?.trim() ?? '';
