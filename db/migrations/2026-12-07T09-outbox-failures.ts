/**
 * The search outbox isolates a failing document (issue 21): an entry whose
 * document cannot be built or applied gets `retry_at`, the time of its next
 * try (exponential back-off), while every other entry goes through. Entries
 * with `retry_at` are the failed ones /healthz counts and /admin/outbox lists.
 *
 * Existing databases: pending entries that already failed (attempts > 0 and
 * an error, e.g. a batch poisoned by one candidate's document) become failed
 * entries due at once, so the worker retries them one document at a time and
 * the admin sees any that still fail.
 *
 * Frozen: never import app code here.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table search_outbox add column retry_at timestamptz`.execute(db);
  await sql`update search_outbox set retry_at = now() where processed_at is null and attempts > 0 and last_error is not null`.execute(db);
  await sql`create index search_outbox_failed_idx on search_outbox(retry_at) where processed_at is null and retry_at is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index search_outbox_failed_idx`.execute(db);
  await sql`alter table search_outbox drop column retry_at`.execute(db);
}
