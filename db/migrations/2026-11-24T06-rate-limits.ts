/**
 * Rate-limit counters shared by every app process (issue 8): login throttling and API limits.
 * Frozen: never import app code here.
 */
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
