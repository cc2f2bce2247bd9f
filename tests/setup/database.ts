/**
 * Test databases: every suite that touches SQL runs against PGlite and against
 * the PostgreSQL 15 server started by tests/setup/postgres-server.ts. Each
 * call gets a fresh, migrated database of its own.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { databaseFromPGlite, openDatabase, type Database } from '../../db/client.server.js';
import { migrateToLatest } from '../../db/migrate.server.js';

export type DatabaseKind = 'pglite' | 'postgres';

/** The kinds to run database suites against (PostgreSQL only when its server was started). */
export const databaseKinds: DatabaseKind[] = inject('postgresUrl') ? ['pglite', 'postgres'] : ['pglite'];

let templatePromise: Promise<PGlite> | undefined;

export type TestDatabase = Database & { url: string | null };

export async function createTestDatabase(kind: DatabaseKind, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  if (kind === 'pglite') {
    if (!migrate) return { ...(await openDatabase({ kind: 'pglite', dataDir: null })), url: null };
    // Cloning a migrated template takes ~1.5 s; a new PGlite plus migrations ~4 s.
    templatePromise ??= (async () => {
      const template = await PGlite.create('memory://');
      await migrateToLatest(databaseFromPGlite(template).db);
      return template;
    })();
    const clone = await (await templatePromise).clone();
    return { ...databaseFromPGlite(clone), url: null };
  }
  const serverUrl = inject('postgresUrl');
  if (!serverUrl) throw new Error('PostgreSQL test server is not running');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = serverUrl.replace(/\/[^/]*$/, `/${name}`);
  const database = await openDatabase({ kind: 'postgres', url, max: 5 });
  if (migrate) await migrateToLatest(database.db);
  return {
    ...database,
    url,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
