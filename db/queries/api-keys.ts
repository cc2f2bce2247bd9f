/**
 * SQL for organisation API keys. Only the SHA-256 of a key's secret is stored;
 * the prefix (public part of the key) finds the row.
 */
import type { Executor } from '../client.server.js';
import { isUuid } from './slots.js';

export type ApiKeyRow = {
  id: string;
  organisation_id: string;
  name: string;
  prefix: string;
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
};

const columns = ['id', 'organisation_id', 'name', 'prefix', 'created_at', 'revoked_at', 'last_used_at'] as const;

export async function insertApiKey(
  db: Executor,
  row: { organisation_id: string; name: string; prefix: string; hash: string; created_by: string },
): Promise<ApiKeyRow> {
  return db.insertInto('api_keys').values(row).returning(columns).executeTakeFirstOrThrow();
}

export async function selectApiKeys(db: Executor, organisationId: string): Promise<ApiKeyRow[]> {
  return db.selectFrom('api_keys').select(columns).where('organisation_id', '=', organisationId).orderBy('created_at', 'desc').execute();
}

/** Revokes a key of the organisation; false when there is no such (unrevoked) key. */
export async function revokeApiKey(db: Executor, organisationId: string, id: string, at: Date): Promise<boolean> {
  if (!isUuid(id)) return false;
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('organisation_id', '=', organisationId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function findApiKeyByPrefix(db: Executor, prefix: string): Promise<(ApiKeyRow & { hash: string }) | undefined> {
  return db
    .selectFrom('api_keys')
    .select([...columns, 'hash'])
    .where('prefix', '=', prefix)
    .executeTakeFirst();
}

/**
 * Records when a key was last used, to the minute: an integrator calling many
 * times a second would otherwise write (and lock) the key's row on every call.
 */
export async function touchApiKey(db: Executor, id: string, at: Date): Promise<void> {
  const minuteAgo = new Date(at.getTime() - 60_000);
  await db
    .updateTable('api_keys')
    .set({ last_used_at: at })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', minuteAgo)]))
    .execute();
}
