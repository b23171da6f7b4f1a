import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { startSmtpCapture } from '../../tests/support/smtp-capture';

/**
 * Every mail the web server sends during a run reaches one SMTP capture server (at the SMTP_URL
 * playwright.config.ts gives the server), started once for the whole run by the config's globalSetup;
 * it appends each message to a file that any spec, in any worker, reads with `receivedMails()`.
 */
const mailFile = () => path.resolve(`.data/e2e-mail-${process.env.E2E_PORT ?? 3200}.jsonl`);

export type Mail = { to: string[]; subject: string; text: string; messageId: string; raw: string };

/** A captured message as a reader sees it: headers and body decoded (MIME, quoted-printable, base64) by mailparser. */
export async function decodeMail(raw: string, to: string[]): Promise<Mail> {
  const parsed = await simpleParser(raw);
  return { to, raw, subject: parsed.subject ?? '', text: parsed.text ?? '', messageId: parsed.messageId ?? '' };
}

/** Starts the run's capture server (globalSetup); returns its teardown. */
export async function startMailCapture(): Promise<() => Promise<void>> {
  const file = mailFile();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '');
  const smtp = await startSmtpCapture(Number(new URL(process.env.SMTP_URL!).port), async (raw, to) => {
    fs.appendFileSync(file, `${JSON.stringify(await decodeMail(raw, to))}\n`);
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
    .map((line) => JSON.parse(line) as Mail);
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
