/**
 * Reading what the local mailbox (the embedded default's mail) holds, for
 * tests that follow a mailed link as a person would.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { createMailboxMailer } from '../../app/mail/mailer.server.js';
import { deliverDueMails } from '../../app/notifications/delivery.server.js';

/**
 * The newest link to `address` whose path begins with `pathPrefix`, e.g.
 * `/reset-password/`; its last path segment is the token. Mails still queued
 * are delivered first (`delivery` as for deliverQueuedMail).
 */
export async function newestMailedLink(
  db: Kysely<DB>,
  address: string,
  pathPrefix: string,
  delivery: { now?: Date; baseUrl?: string } = {},
): Promise<{ url: string; token: string }> {
  await deliverQueuedMail(db, delivery);
  const rows = await db
    .selectFrom('mailbox_messages')
    .select(['text_body'])
    .where('to_address', '=', address)
    .orderBy('created_at', 'desc')
    .execute();
  for (const row of rows) {
    const match = new RegExp(`https?://[^\\s]+${pathPrefix.replace(/[/.]/g, '\\$&')}([A-Za-z0-9_-]+)`).exec(row.text_body);
    if (match) return { url: match[0], token: match[1] ?? '' };
  }
  throw new Error(`No mail to ${address} with a link to ${pathPrefix}`);
}

/**
 * Delivers the queued account and notification mails into the local mailbox,
 * as the app's delivery worker does after commit (app/notifications/
 * delivery.server.ts), with `baseUrl` as the app's public address. `now` is
 * the test's clock: mails queued at a later instant are not due yet.
 */
export async function deliverQueuedMail(db: Kysely<DB>, options: { now?: Date; baseUrl?: string } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const round = await deliverDueMails({ db, mailer: createMailboxMailer(db), clock: () => now, baseUrl: options.baseUrl ?? 'http://localhost' });
  return round.sent;
}
