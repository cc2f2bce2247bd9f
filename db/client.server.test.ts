import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from './client.server.js';

describe.skipIf(!inject('postgresUrl'))('PostgreSQL connection pool', () => {
  let database: Database | undefined;
  afterAll(async () => database?.close());

  it('survives the server ending an idle connection, says so, and answers the next query', async () => {
    const serverUrl = inject('postgresUrl')!;
    const failures: Error[] = [];
    database = await openDatabase({ kind: 'postgres', url: serverUrl, max: 2, onIdleError: (error) => failures.push(error) });
    const pid = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db).then((r) => r.rows[0]!.pid);

    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query('select pg_terminate_backend($1)', [pid]);
    } finally {
      await admin.end();
    }
    const deadline = Date.now() + 5_000;
    while (failures.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));

    expect(failures.map((error) => error.message)).toEqual([expect.stringMatching(/terminating connection/)]);
    const after = await sql<{ one: number }>`select 1 as one`.execute(database.db);
    expect(after.rows).toEqual([{ one: 1 }]);
  });
});
