import fs from 'node:fs';
import path from 'node:path';
import { startSmtpCapture } from '../../tests/support/smtp-capture';

/**
 * Every mail the web server sends during a run reaches one SMTP capture server (at the SMTP_URL
 * playwright.config.ts gives the server), started once for the whole run by the config's globalSetup;
 * it appends each message to a file that any spec, in any worker, reads with `receivedMails()`.
 */
const mailFile = () => path.resolve(`.data/e2e-mail-${process.env.E2E_PORT ?? 3200}.jsonl`);

export type Mail = { to: string[]; subject: string; raw: string; text: string };

/** The decoded text of a single-part mail (nodemailer uses quoted-printable or base64 for non-ASCII). */
export function bodyText(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  const encoding = /^Content-Transfer-Encoding:\s*(\S+)/im.exec(head)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** Starts the run's capture server (globalSetup); returns its teardown. */
export async function startMailCapture(): Promise<() => Promise<void>> {
  const file = mailFile();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '');
  const smtp = await startSmtpCapture(Number(new URL(process.env.SMTP_URL!).port), (raw, to) => {
    fs.appendFileSync(file, `${JSON.stringify({ to, raw })}\n`);
  });
  return smtp.close;
}

/** Every mail captured so far in this run. */
export function receivedMails(): Mail[] {
  const file = mailFile();
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const { to, raw } = JSON.parse(line) as { to: string[]; raw: string };
      return { to, raw, subject: /^Subject:\s*(.+)$/im.exec(raw)?.[1] ?? '', text: bodyText(raw) };
    });
}

/** Mails to this address so far. */
export const mailsTo = (address: string) =>
  receivedMails().filter((m) => m.to.some((t) => t.toLowerCase() === address.toLowerCase()));

/** The path of the sign-up link in a mail's text ('' if none). */
export const signUpPathIn = (text: string) => /\/sign-up\/confirm\?token=[A-Za-z0-9_-]{43}/.exec(text)?.[0] ?? '';

/** The sign-up link mailed to this address, as a path of this server ('' until it arrives). */
export const signUpLinkOf = (address: string) =>
  mailsTo(address)
    .map((m) => signUpPathIn(m.text))
    .find(Boolean) ?? '';
