/**
 * The daily digest: one mail per person per day at most, listing the
 * notifications they chose to get as a digest and have not seen yet (read
 * ones are left out). The mail's dedupe key (person and day) makes a second
 * run on the same day, in this process or another, write nothing.
 */
import type { Kysely } from 'kysely';
import { attachMail, insertOutgoingMail, lockDigestItems, selectDigestRecipientIds, selectRecipients } from '../../db/queries/notifications.js';
import type { DB } from '../../db/schema.js';
import { recipientLanguage } from './kinds.js';
import { renderDigestMail } from './texts.server.js';

/** Digests go out from this hour (UTC; 07:00 or 08:00 in Copenhagen), so they arrive in the morning. */
export const DIGEST_HOUR_UTC = 6;

export const digestDay = (at: Date) => at.toISOString().slice(0, 10);

/** Writes the day's digest mails that are due; returns how many. */
export async function composeDigests(deps: { db: Kysely<DB>; clock: () => Date }): Promise<number> {
  const now = deps.clock();
  if (now.getUTCHours() < DIGEST_HOUR_UTC) return 0;
  const day = digestDay(now);
  let written = 0;
  for (const userId of await selectDigestRecipientIds(deps.db, now)) {
    const wrote = await deps.db.transaction().execute(async (trx) => {
      const items = await lockDigestItems(trx, userId, now);
      const [recipient] = await selectRecipients(trx, [userId]);
      if (items.length === 0 || !recipient) return false;
      const mail = await renderDigestMail(recipientLanguage(recipient.role, recipient.locale), recipient.display_name, items);
      const mailId = await insertOutgoingMail(trx, { to: recipient.email, ...mail, dedupeKey: `digest:${userId}:${day}`, at: now });
      // Today's digest went out already: these wait for tomorrow's.
      if (mailId === null) return false;
      await attachMail(
        trx,
        items.map((item) => item.id),
        mailId,
      );
      return true;
    });
    if (wrote) written++;
  }
  return written;
}
