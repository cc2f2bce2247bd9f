/**
 * Indexes the national-scale load test asked for (issue 9).
 *
 * - The consultant queue lists undecided proposals `order by score desc nulls
 *   last`. The old (status, score desc) index sorts nulls first, so it could
 *   not give that order, and PostgreSQL joined and sorted all 500,000
 *   proposals for every page view (≈ 2.4 s). This partial index gives the
 *   order directly; the first 200 visible rows come after about 1,000 entries.
 * - Slots pooled in a jobcentre network are found by network (about one slot
 *   in ten is pooled; the rest are left out of the index).
 *
 * Frozen: never import app code here.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index match_proposals_queue_idx on match_proposals (score desc nulls last) where status = 'proposed'`.execute(db);
  await sql`create index slots_pooled_network_idx on slots (pooled_network_id) where pooled_network_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists slots_pooled_network_idx`.execute(db);
  await sql`drop index if exists match_proposals_queue_idx`.execute(db);
}
