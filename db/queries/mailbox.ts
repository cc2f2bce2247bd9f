/** SQL for the local mailbox: where mail lands when no SMTP server is configured. */
import type { Executor } from '../client.server.js';

export type MailboxMessageRow = { id: string; to_address: string; subject: string; text_body: string; created_at: Date };

export async function insertMailboxMessage(db: Executor, row: { to: string; subject: string; text: string }): Promise<void> {
  await db.insertInto('mailbox_messages').values({ to_address: row.to, subject: row.subject, text_body: row.text }).execute();
}

export async function selectMailboxMessages(db: Executor, limit = 100): Promise<MailboxMessageRow[]> {
  return db
    .selectFrom('mailbox_messages')
    .select(['id', 'to_address', 'subject', 'text_body', 'created_at'])
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}
