import { CompiledQuery, sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../tests/setup/database.js';
import { prepareOnServer } from './pg-prepared.js';

const run = <Row>(db: Kysely<unknown>, text: string, parameters: unknown[]) =>
  db.executeQuery<Row>(CompiledQuery.raw(text, parameters)).then((result) => result.rows);

describe.skipIf(!inject('postgresUrl'))('named statements on a PostgreSQL server', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres', { migrate: false });
    await sql`create table things (id int primary key, label text not null)`.execute(database.db);
    await sql`insert into things values (1, 'one'), (2, 'two')`.execute(database.db);
  });
  afterAll(async () => database?.close());

  it('prepares a registered text once per connection, and leaves other texts unnamed', async () => {
    const marked = prepareOnServer('select label from things where id = $1');
    const unmarked = 'select label from things where id = $1 and true';
    const statements = await database.db.connection().execute(async (connection) => {
      const db = connection as unknown as Kysely<unknown>;
      expect(await run(db, marked, [1])).toEqual([{ label: 'one' }]);
      expect(await run(db, marked, [2])).toEqual([{ label: 'two' }]);
      expect(await run(db, unmarked, [2])).toEqual([{ label: 'two' }]);
      return run<{ statement: string }>(db, 'select statement from pg_prepared_statements', []);
    });
    expect(statements.map((row) => row.statement)).toEqual([marked]);
  });

  it('prepares a statement again when a schema change altered its result columns', async () => {
    const text = prepareOnServer('select * from things where id = $1');
    await database.db.connection().execute(async (connection) => {
      const db = connection as unknown as Kysely<unknown>;
      expect(await run(db, text, [1])).toEqual([{ id: 1, label: 'one' }]);
      // As another process's migration would, on another connection.
      await sql`alter table things add column colour text not null default 'red'`.execute(database.db);
      expect(await run(db, text, [1])).toEqual([{ id: 1, label: 'one', colour: 'red' }]);
      expect(await run(db, text, [2])).toEqual([{ id: 2, label: 'two', colour: 'red' }]);
    });
  });

  it('inside a transaction, reports the refusal itself and works again after it', async () => {
    const text = prepareOnServer('select * from things where id = $1 /* in a transaction */');
    await database.db.connection().execute(async (connection) => {
      const db = connection as unknown as Kysely<unknown>;
      expect(await run(db, text, [1])).toHaveLength(1);
      await sql`alter table things add column size int not null default 3`.execute(database.db);
      await sql`begin`.execute(db);
      await expect(run(db, text, [1])).rejects.toThrow(/cached plan must not change result type/);
      await sql`rollback`.execute(db);
      expect(await run(db, text, [1])).toEqual([{ id: 1, label: 'one', colour: 'red', size: 3 }]);
    });
  });
});
