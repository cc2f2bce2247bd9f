/**
 * Outgoing mail. With `SMTP_URL` set, mail goes out through nodemailer; in
 * the embedded default it lands in the local mailbox table, which admins read
 * at /admin/mailbox, so the invitation flow works on one machine.
 */
import nodemailer from 'nodemailer';
import type { Executor } from '../../db/client.server.js';
import { insertMailboxMessage, selectMailboxMessages, type MailboxMessageRow } from '../../db/queries/mailbox.js';

/** A mail always has its plain-text part; `html` is an optional second part. `messageId` lets a receiver spot a repeat. */
export type MailMessage = { to: string; subject: string; text: string; html?: string | null; messageId?: string };

export interface Mailer {
  readonly kind: 'smtp' | 'mailbox';
  send(message: MailMessage): Promise<void>;
}

/** Writes to the local mailbox table. */
export function createMailboxMailer(db: Executor): Mailer {
  return {
    kind: 'mailbox',
    async send(message) {
      await insertMailboxMessage(db, message);
    },
  };
}

const transports = new Map<string, nodemailer.Transporter>();

/** Sends over SMTP; one pooled transport per URL for the life of the process. */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport(smtpUrl);
    transports.set(smtpUrl, transport);
  }
  const ready = transport;
  return {
    kind: 'smtp',
    async send(message) {
      await ready.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        ...(message.messageId ? { messageId: message.messageId } : {}),
      });
    },
  };
}

/** The mailer the settings ask for. */
export function createMailer(deps: { env: { smtpUrl: string | undefined; mailFrom: string }; db: Executor }): Mailer {
  return deps.env.smtpUrl ? createSmtpMailer(deps.env.smtpUrl, deps.env.mailFrom) : createMailboxMailer(deps.db);
}

/** The local mailbox, newest first (admins only; the route checks the role). */
export async function listMailbox(deps: { db: Executor }): Promise<MailboxMessageRow[]> {
  return selectMailboxMessages(deps.db);
}
