/**
 * The audit log: who did what to which record. Every view of a candidate by
 * an employer or consultant and every decision is written here (docs/domain.md,
 * "Privacy"); erasure pseudonymises the rows (db/queries/privacy.ts).
 */
import type { Executor } from '../client.server.js';

export type AuditEntry = {
  /** Null for an actor without a user, such as an organisation's API key. */
  actorUserId: string | null;
  /** `<area>.<verb>`, e.g. `employer.view_candidate`, `placement.created`. */
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown>;
};

export async function insertAuditEntries(db: Executor, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('audit_log')
    .values(
      entries.map((entry) => ({
        actor_user_id: entry.actorUserId,
        action: entry.action,
        subject_type: entry.subjectType,
        subject_id: entry.subjectId,
        details: JSON.stringify(entry.details ?? {}),
      })),
    )
    .execute();
}

export async function insertAuditEntry(db: Executor, entry: AuditEntry): Promise<void> {
  await insertAuditEntries(db, [entry]);
}
