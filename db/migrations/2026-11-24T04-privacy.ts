/**
 * Privacy (issue 8): data export, erasure requests with deadlines and the pseudonymous trace erasure leaves.
 * Frozen: never import app code here.
 */
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
