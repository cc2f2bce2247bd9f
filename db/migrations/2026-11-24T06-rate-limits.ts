/**
 * Rate-limit counters shared by every app process (issue 8): login throttling and API limits.
 * One row per counter, changed by a single `insert … on conflict do update … returning`, so two
 * processes counting the same key at once never lose a count. A row whose `expires_at` has passed
 * is dead (the next count restarts it) and is deleted by a periodic clean-up; null never expires.
 * Frozen: never import app code here.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table rate_limits (
     key text primary key check (length(key) between 1 and 512),
     points integer not null,
     expires_at timestamptz)`.execute(db);
  await sql`create index rate_limits_expires_at_idx on rate_limits(expires_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists rate_limits`.execute(db);
}
