/**
 * Delivers the mail queue (outgoing_mails) after commit: at least once,
 * with retries and exponential back-off, and never twice for the same row.
 * Each round claims due rows with SKIP LOCKED and a lease (one statement),
 * so several app processes each deliver a mail once; a mail server that is
 * down only delays mail — the row stays pending and is tried again later.
 */
import type { Kysely } from 'kysely';
import { claimDueMails, markMailFailed, markMailSent } from '../../db/queries/notifications.js';
import type { DB } from '../../db/schema.js';
import type { Mailer } from '../mail/mailer.server.js';
import { ORIGIN } from './texts.server.js';

/** First retry after 30 s, doubling each time, at most an hour apart. */
export const RETRY_BASE_MS = 30_000;
export const RETRY_MAX_MS = 60 * 60 * 1000;
/** How long a claimed mail is this worker's; longer than any SMTP timeout. */
export const CLAIM_LEASE_MS = 2 * 60 * 1000;
const BATCH = 20;

/** The wait before the next try after `attempts` failed tries (1, 2, 3 …). */
export function retryDelayMs(attempts: number): number {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`attempts must be a whole number from 1, got ${attempts}`);
  return Math.min(RETRY_BASE_MS * 2 ** (attempts - 1), RETRY_MAX_MS);
}

export type DeliveryDeps = { db: Kysely<DB>; mailer: Mailer; clock: () => Date; baseUrl: string; logger?: { warn(obj: object, msg: string): void } };

export type DeliveryRound = { sent: number; failed: number };

/** One round: claims due mails and sends each; returns what happened. Rounds repeat until nothing is due. */
export async function deliverDueMails(deps: DeliveryDeps): Promise<DeliveryRound> {
  const round: DeliveryRound = { sent: 0, failed: 0 };
  for (;;) {
    const now = deps.clock();
    const claimed = await claimDueMails(deps.db, { now, leaseUntil: new Date(now.getTime() + CLAIM_LEASE_MS), limit: BATCH });
    if (claimed.length === 0) return round;
    for (const mail of claimed) {
      try {
        await deps.mailer.send({
          to: mail.to_address,
          subject: mail.subject,
          text: mail.text_body.replaceAll(ORIGIN, deps.baseUrl),
          html: mail.html_body?.replaceAll(ORIGIN, deps.baseUrl) ?? null,
          messageId: `<${mail.id}@jobbro.dk>`,
        });
        await markMailSent(deps.db, mail.id, deps.clock());
        round.sent++;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await markMailFailed(deps.db, mail.id, { nextAttemptAt: new Date(deps.clock().getTime() + retryDelayMs(mail.attempts)), error: message });
        deps.logger?.warn({ mailId: mail.id, attempts: mail.attempts, err: message }, 'a mail could not be sent; it is tried again later');
        round.failed++;
      }
    }
    // A failing server fails the rest of the batch too: wait for the next round rather than spin.
    if (round.failed > 0) return round;
  }
}
