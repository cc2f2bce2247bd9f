/**
 * Queues a mail in the caller's transaction; the notification delivery
 * worker (app/notifications/delivery.server.ts) sends it after commit, with
 * retries. Use it for any mail that must not be lost when the mail server
 * is down (account mails included). Links may start with ORIGIN (the app's
 * public address, filled in at delivery).
 */
import type { Transaction } from 'kysely';
import { insertOutgoingMail } from '../../db/queries/notifications.js';
import type { DB } from '../../db/schema.js';
import type { MailMessage } from './mailer.server.js';

export { ORIGIN } from '../notifications/texts.server.js';

export async function queueMail(trx: Transaction<DB>, message: MailMessage, at: Date): Promise<string | null> {
  return insertOutgoingMail(trx, { to: message.to, subject: message.subject, text: message.text, html: message.html ?? null, dedupeKey: null, at });
}
