/**
 * Organisation API keys for employers' own systems. A key reads
 * `jbk_<prefix>_<secret>`: the prefix finds the row, and only the SHA-256 of
 * the secret is stored, so a database leak does not leak working keys. A key
 * acts for its own organisation only.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as apiKeys from '../../db/queries/api-keys.js';
import type { DB } from '../../db/schema.js';
import { Forbidden, NotFound, Unauthenticated } from '../lib/errors.js';
import type { EmployerActor } from './organisations.server.js';

const KEY_PATTERN = /^jbk_([a-z0-9]{12})_([A-Za-z0-9_-]{32,64})$/;

/** Last use is kept to the minute; this process skips even the (no-op) update while its own last touch is that fresh. */
const TOUCH_EVERY_MS = 60_000;
const touchedAt = new Map<string, number>();

async function touchOncePerMinute(db: Kysely<DB>, keyId: string, now: Date): Promise<void> {
  const last = touchedAt.get(keyId);
  if (last !== undefined && now.getTime() - last < TOUCH_EVERY_MS && now.getTime() >= last) return;
  await apiKeys.touchApiKey(db, keyId, now);
  touchedAt.set(keyId, now.getTime());
}

function sha256(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

export type ApiKeyView = { id: string; name: string; prefix: string; createdAt: string; revokedAt: string | null; lastUsedAt: string | null };

function toView(row: apiKeys.ApiKeyRow): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at ? row.revoked_at.toISOString() : null,
    lastUsedAt: row.last_used_at ? row.last_used_at.toISOString() : null,
  };
}

/** Creates a key; the full key is returned this once and never again. */
export async function createApiKey(
  deps: { db: Kysely<DB> },
  actor: EmployerActor,
  input: { name: string },
): Promise<{ key: ApiKeyView; secret: string }> {
  if (!actor.userId) throw new Forbidden('An API key cannot create API keys');
  const prefix = randomBytes(9)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0')
    .slice(0, 12);
  const secret = randomBytes(32).toString('base64url');
  const row = await apiKeys.insertApiKey(deps.db, {
    organisation_id: actor.organisationId,
    name: input.name,
    prefix,
    hash: sha256(secret).toString('hex'),
    created_by: actor.userId,
  });
  return { key: toView(row), secret: `jbk_${prefix}_${secret}` };
}

export async function listApiKeys(deps: { db: Kysely<DB> }, actor: EmployerActor): Promise<ApiKeyView[]> {
  return (await apiKeys.selectApiKeys(deps.db, actor.organisationId)).map(toView);
}

/** Revokes one of the company's keys. @throws NotFound for another company's key or one already revoked. */
export async function revokeApiKey(deps: { db: Kysely<DB>; clock: () => Date }, actor: EmployerActor, id: string): Promise<void> {
  if (!(await apiKeys.revokeApiKey(deps.db, actor.organisationId, id, deps.clock()))) throw new NotFound('API key', id);
}

/**
 * The organisation an `Authorization: Bearer jbk_…` header speaks for.
 * @throws Unauthenticated for a missing, malformed, unknown or revoked key.
 */
export async function authenticateApiKey(deps: { db: Kysely<DB>; clock: () => Date }, authorization: string | null): Promise<EmployerActor> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  const parts = match ? KEY_PATTERN.exec(match[1] ?? '') : null;
  if (!parts) throw new Unauthenticated('Send an API key as "Authorization: Bearer jbk_…"');
  const [, prefix = '', secret = ''] = parts;
  const row = await apiKeys.findApiKeyByPrefix(deps.db, prefix);
  const stored = row ? Buffer.from(row.hash, 'hex') : Buffer.alloc(32);
  const ok = timingSafeEqual(stored, sha256(secret)) && row !== undefined && row.revoked_at === null;
  if (!row || !ok) throw new Unauthenticated('The API key is unknown or revoked');
  await touchOncePerMinute(deps.db, row.id, deps.clock());
  return { organisationId: row.organisation_id, userId: null };
}
