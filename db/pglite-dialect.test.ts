import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { createTestDatabase, type TestDatabase } from '../tests/setup/database.js';
import { databaseFromPGlite, openDatabase } from './client.server.js';

describe('PGlite dialect', () => {
  let database: TestDatabase;
  afterEach(async () => database?.close());

  it('runs queries and returns numbers for int8/numeric and text for dates', async () => {
    database = await createTestDatabase('pglite', { migrate: false });
    const row = await sql<{ n: number; d: string; x: number }>`select count(*) as n, date '2026-03-01' as d, 1.5::numeric as x`
      .execute(database.db)
      .then((r) => r.rows[0]);
    expect(row).toEqual({ n: 1, d: '2026-03-01', x: 1.5 });
  });

  it('a query outside a transaction does not see the transaction’s uncommitted rows', async () => {
    database = await createTestDatabase('pglite', { migrate: false });
    const { db } = database;
    await sql`create table t (v int)`.execute(db);

    let insideInserted!: () => void;
    const inserted = new Promise<void>((resolve) => (insideInserted = resolve));
    let outsideCount: number | undefined;

    const transaction = db
      .transaction()
      .execute(async (trx) => {
        await sql`insert into t values (1)`.execute(trx);
        insideInserted();
        // Give the outside query every chance to run while the row is uncommitted.
        await new Promise((resolve) => setTimeout(resolve, 50));
        throw new Error('roll back');
      })
      .catch((error: Error) => error.message);

    await inserted;
    const outside = sql<{ n: number }>`select count(*) as n from t`.execute(db).then((r) => (outsideCount = r.rows[0]!.n));

    expect(await transaction).toBe('roll back');
    await outside;
    expect(outsideCount).toBe(0);
  });

  it('two concurrent transactions do not see each other’s uncommitted rows and both commit', async () => {
    database = await createTestDatabase('pglite', { migrate: false });
    const { db } = database;
    await sql`create table t (who text)`.execute(db);
    const seen: Record<string, string[]> = {};
    const work = (who: string) =>
      db.transaction().execute(async (trx) => {
        await sql`insert into t values (${who})`.execute(trx);
        await new Promise((resolve) => setTimeout(resolve, 20));
        const rows = await sql<{ who: string }>`select who from t order by who`.execute(trx);
        seen[who] = rows.rows.map((r) => r.who);
      });
    await Promise.all([work('a'), work('b')]);
    // Serialised: whichever ran first saw only its own row; the other saw the committed first row and its own.
    const [first, second] = seen.a!.length === 1 ? (['a', 'b'] as const) : (['b', 'a'] as const);
    expect(seen[first]).toEqual([first]);
    expect(seen[second]).toEqual(['a', 'b']);
    const all = await sql<{ who: string }>`select who from t order by who`.execute(db);
    expect(all.rows.map((r) => r.who)).toEqual(['a', 'b']);
  });

  it('releases the connection after a failed query so later queries still run', async () => {
    database = await createTestDatabase('pglite', { migrate: false });
    await expect(sql`select * from no_such_table`.execute(database.db)).rejects.toThrow(/no_such_table/);
    const r = await sql<{ one: number }>`select 1 as one`.execute(database.db);
    expect(r.rows[0]!.one).toBe(1);
  });

  it.each([
    ['in its own thread (queries sent without waiting)', () => openDatabase({ kind: 'pglite', dataDir: null })],
    ['in process (the connection held per query)', async () => databaseFromPGlite(await PGlite.create('memory://'))],
  ])('%s: many requests at once never see half a transaction, and each commits whole', async (_kind, open) => {
    const opened = await open();
    database = { ...opened, url: null };
    const { db } = opened;
    await sql`create table pairs (v int)`.execute(db);
    const counts: number[] = [];
    const transactions = Array.from({ length: 10 }, (_, i) =>
      db.transaction().execute(async (trx) => {
        await sql`insert into pairs values (${i})`.execute(trx);
        await new Promise((resolve) => setTimeout(resolve, 1));
        await sql`insert into pairs values (${i})`.execute(trx);
      }),
    );
    // Reads issued one event-loop turn apart, so they arrive while transactions are open.
    const reads = Array.from({ length: 40 }, async (_, i) => {
      for (let turn = 0; turn < i; turn += 1) await new Promise((resolve) => setImmediate(resolve));
      const r = await sql<{ n: number }>`select count(*) as n from pairs`.execute(db);
      counts.push(r.rows[0]!.n);
    });
    const failing = db
      .transaction()
      .execute(async (trx) => {
        await sql`insert into pairs values (-1)`.execute(trx);
        throw new Error('roll back');
      })
      .catch((error: Error) => error.message);
    await Promise.all([...transactions, ...reads]);
    expect(await failing).toBe('roll back');
    expect(counts).toHaveLength(40);
    // Rows come in pairs, so an odd count would be a read inside someone's open transaction.
    expect(counts.filter((n) => n % 2 !== 0)).toEqual([]);
    const total = await sql<{ n: number }>`select count(*) as n from pairs`.execute(db);
    expect(total.rows[0]!.n).toBe(20);
  });
});
