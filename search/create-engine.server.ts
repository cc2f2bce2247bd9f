/**
 * Picks the search engine from configuration. With Meilisearch, the master
 * key is used for one thing only: to fetch or create Jobbro's own key,
 * limited to the actions Jobbro needs on its own (`${indexPrefix}*`)
 * indexes. All indexing and searching then uses that key, so the master key
 * never travels with ordinary requests.
 */
import { createHash } from 'node:crypto';
import { Meilisearch, MeilisearchApiError, type Key } from 'meilisearch';
import { createEmbeddedEngine } from './embedded-engine.js';
import type { SearchEngine } from './engine.js';
import { createMeilisearchEngine } from './meilisearch-engine.js';

/** Which engine to use, as app/env.server.ts reads it from the environment. */
export type SearchEngineConfig =
  { kind: 'embedded' } | { kind: 'meilisearch'; host: string; masterKey: string | undefined; apiKey: string | undefined; indexPrefix: string };

/** Exactly what the app and the outbox worker do; no key management, no dumps, no other indexes. */
export const jobbroKeyActions = [
  'search',
  'documents.add',
  'documents.get',
  'documents.delete',
  'indexes.create',
  'indexes.get',
  'indexes.update',
  'settings.get',
  'settings.update',
  'stats.get',
  'tasks.get',
];

/** A stable UUID per index prefix, so every app process finds the same key. */
export function jobbroKeyUid(indexPrefix: string): string {
  const hex = createHash('sha256').update(`jobbro-search-key:${indexPrefix}`).digest('hex');
  // Shaped as a version-4 UUID, the form Meilisearch accepts for key uids.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function sameRights(key: Key, actions: string[], indexes: string[]): boolean {
  const same = (a: string[], b: string[]) => a.length === b.length && [...a].sort().every((value, i) => value === [...b].sort()[i]);
  return same(key.actions, actions) && same(key.indexes, indexes) && key.expiresAt === null;
}

/**
 * Fetches Jobbro's limited key, creating it (or replacing one with other
 * rights) with the master key. Returns the key's value.
 */
export async function provisionJobbroKey(host: string, masterKey: string, indexPrefix: string): Promise<string> {
  const admin = new Meilisearch({ host, apiKey: masterKey, timeout: 5_000 });
  const uid = jobbroKeyUid(indexPrefix);
  const indexes = [`${indexPrefix}*`];
  let existing: Key | undefined;
  try {
    existing = await admin.getKey(uid);
  } catch (error) {
    if (!(error instanceof MeilisearchApiError && error.cause?.code === 'api_key_not_found')) throw error;
  }
  if (existing && sameRights(existing, jobbroKeyActions, indexes)) return existing.key;
  // Rights of a key cannot be changed in place; the same uid gives the same key value again.
  if (existing) await admin.deleteKey(uid);
  const created = await admin.createKey({
    uid,
    name: `jobbro ${indexPrefix}`,
    description: 'Jobbro app: indexing and search on its own indexes only',
    actions: jobbroKeyActions,
    indexes,
    expiresAt: null,
  });
  return created.key;
}

/** Creates the configured engine. Meilisearch being down at start-up is not an error: work queues in the outbox. */
export async function createSearchEngine(config: SearchEngineConfig): Promise<SearchEngine> {
  if (config.kind === 'embedded') return createEmbeddedEngine();
  const { host, masterKey, apiKey, indexPrefix } = config;
  if (masterKey === undefined) {
    return createMeilisearchEngine({ host, apiKey, indexPrefix });
  }
  return createMeilisearchEngine({
    host,
    apiKey: undefined,
    indexPrefix,
    // Provisioned on first use and retried until it succeeds, so a server that starts later still gets its key.
    prepare: () => provisionJobbroKey(host, masterKey, indexPrefix),
  });
}
