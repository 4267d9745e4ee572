import 'server-only';

import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import nodemailer, { type Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';

import { env } from '@/lib/env';
import { emailsSent } from '@/lib/metrics/metrics';
import { guarded } from '@/lib/resilience/breakers';

/**
 * The email port: SMTP through nodemailer when SMTP_URL is set; otherwise the outbox, where each
 * message is an RFC 5322 `.eml` file in `<data dir>/outbox` (read by the dev mailbox page, or
 * opened with any mail client). Both build the message with nodemailer, so what the outbox holds
 * is exactly what SMTP would have sent.
 */
export type EmailAddress = string | { name: string; address: string };

export type EmailMessage = {
  to: EmailAddress;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
};

export type SentEmail = {
  transport: 'smtp' | 'outbox';
  messageId: string;
  /** The outbox file (outbox transport only). */
  file?: string;
};

export type EmailTransport = {
  kind: 'smtp' | 'outbox';
  send(message: EmailMessage): Promise<SentEmail>;
};

export function outboxDir(dataDir = env.PARLEY_DATA_DIR): string {
  return path.join(dataDir, 'outbox');
}

export function createEmailTransport(opts: {
  smtpUrl?: string;
  outboxDir: string;
  from: string;
}): EmailTransport {
  if (opts.smtpUrl) {
    const smtp: Transporter = nodemailer.createTransport(opts.smtpUrl);
    return {
      kind: 'smtp',
      async send(message) {
        const info = (await smtp.sendMail({ from: opts.from, ...message })) as {
          messageId: string;
        };
        return { transport: 'smtp', messageId: info.messageId };
      },
    };
  }
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return {
    kind: 'outbox',
    async send(message) {
      const mail: Mail.Options = { from: opts.from, ...message };
      const info = await composer.sendMail(mail);
      // nodemailer 7 ignores its `newline` option and leaves bare LFs from the text inside
      // quoted-printable parts; SMTP would normalize them on the wire, so the file does too.
      const eml = (info.message as Buffer).toString('latin1').replace(/\r?\n/g, '\r\n');
      // Emails carry sign-in and unsubscribe links: readable by the account running Parley only.
      await mkdir(opts.outboxDir, { recursive: true, mode: 0o700 });
      // Sortable by name (newest last); no ':' so the name is valid on every file system.
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const file = path.join(opts.outboxDir, `${stamp}-${randomBytes(4).toString('hex')}.eml`);
      await writeFile(file, eml, { encoding: 'latin1', flag: 'wx', mode: 0o600 });
      return { transport: 'outbox', messageId: info.messageId, file };
    },
  };
}

let cached: EmailTransport | undefined;

/** The app's transport, chosen from the environment once. */
export function getEmailTransport(): EmailTransport {
  cached ??= createEmailTransport({
    smtpUrl: env.SMTP_URL,
    outboxDir: outboxDir(),
    from: env.EMAIL_FROM,
  });
  return cached;
}

/**
 * Sends through the app's transport. SMTP goes through its breaker: while the server keeps
 * failing, sends fail at once and the digest job retries later (with backoff) instead of
 * hammering it; the outbox folder needs none.
 */
export async function sendEmail(message: EmailMessage): Promise<SentEmail> {
  const transport = getEmailTransport();
  try {
    const sent =
      transport.kind === 'smtp'
        ? await guarded('smtp', () => transport.send(message))
        : await transport.send(message);
    emailsSent.inc({ result: 'sent' });
    return sent;
  } catch (error) {
    emailsSent.inc({ result: 'failed' });
    throw error;
  }
}
