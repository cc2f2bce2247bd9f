/**
 * Reading what the local mailbox (the embedded default's mail) holds, for
 * tests that follow a mailed link as a person would.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** The newest link to `address` whose path begins with `pathPrefix`, e.g. `/reset-password/`; its last path segment is the token. */
export async function newestMailedLink(db: Kysely<DB>, address: string, pathPrefix: string): Promise<{ url: string; token: string }> {
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
