import { startMailCapture } from './mail';

// Once per run, before any spec: the SMTP capture every spec reads mail from (e2e/support/mail.ts).
export default async function globalSetup() {
  return startMailCapture();
}
