import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './client.server.js';
import { openPGliteThread } from './pglite-thread.js';

describe('PGlite in its own thread', () => {
  let database: Database | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    await database?.close();
    database = undefined;
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a PostgreSQL error’s fields (code, constraint) and the connection usable after it', async () => {
    database = await openDatabase({ kind: 'pglite', dataDir: null });
    const { db } = database;
    await sql`create table t (v int constraint t_v_unique unique)`.execute(db);
    await sql`insert into t values (1)`.execute(db);
    const error = await sql`insert into t values (1)`.execute(db).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: '23505', constraint: 't_v_unique' });
    expect((error as Error).message).toMatch(/duplicate key/);
    const count = await sql<{ n: number }>`select count(*) as n from t`.execute(db);
    expect(count.rows).toEqual([{ n: 1 }]);
  });

  it('passes dates, arrays and JSON both ways and reports affected rows', async () => {
    database = await openDatabase({ kind: 'pglite', dataDir: null });
    const { db } = database;
    await sql`create table t (at timestamptz, tags text[], doc jsonb, day date)`.execute(db);
    const at = new Date('2026-03-01T12:34:56.789Z');
    const inserted =
      await sql`insert into t values (${at}, ${sql.val(['a', 'æ'])}::text[], ${JSON.stringify({ k: [1, 2] })}::jsonb, '2026-03-02'), (${at}, '{}', null, null)`.execute(
        db,
      );
    expect(inserted.numAffectedRows).toBe(2n);
    const rows = await sql<{ at: Date; tags: string[]; doc: unknown; day: string | null }>`select * from t order by doc nulls last`.execute(db);
    expect(rows.rows[0]).toEqual({ at, tags: ['a', 'æ'], doc: { k: [1, 2] }, day: '2026-03-02' });
    expect(rows.rows[0]!.at).toBeInstanceOf(Date);
  });

  it('runs a query without holding up the main thread', async () => {
    database = await openDatabase({ kind: 'pglite', dataDir: null });
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 10);
    try {
      await sql`select pg_sleep(0.4)`.execute(database.db);
    } finally {
      clearInterval(timer);
    }
    // In the main thread the WebAssembly sleep would have stopped every timer for 400 ms.
    expect(ticks).toBeGreaterThanOrEqual(10);
  });

  it('keeps what was written in its data directory across a close, and refuses queries once closed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobbro-pglite-thread-'));
    dirs.push(dir);
    const first = await openDatabase({ kind: 'pglite', dataDir: dir });
    await sql`create table kept (v text)`.execute(first.db);
    await sql`insert into kept values ('ja')`.execute(first.db);
    await first.close();
    await expect(sql`select 1`.execute(first.db)).rejects.toThrow(/destroyed|closed/);

    database = await openDatabase({ kind: 'pglite', dataDir: dir });
    const rows = await sql<{ v: string }>`select v from kept`.execute(database.db);
    expect(rows.rows).toEqual([{ v: 'ja' }]);
  });

  it('says which directory could not be opened', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jobbro-pglite-thread-')), 'not-a-dir');
    dirs.push(path.dirname(file));
    fs.writeFileSync(file, 'x');
    await expect(openDatabase({ kind: 'pglite', dataDir: file })).rejects.toThrow(/not-a-dir/);
    // The same refusal from the thread itself, which is then stopped rather than left keeping the process alive.
    await expect(openPGliteThread(file)).rejects.toThrow(/The embedded database at .*not-a-dir did not open/);
  });

  it('refuses a parameter it cannot pass to the thread, and answers the next query', async () => {
    const thread = await openPGliteThread('memory://');
    try {
      await expect(thread.query('select $1::text as v', [() => 'not data'])).rejects.toThrow(/could not be cloned/);
      await expect(thread.query<{ v: string }>('select $1::text as v', ['ja'])).resolves.toMatchObject({ rows: [{ v: 'ja' }] });
    } finally {
      await thread.close();
    }
  });

  it('answers what was sent before close() and refuses what comes after', async () => {
    const thread = await openPGliteThread('memory://');
    const before = thread.query<{ one: number }>('select 1 as one');
    const closing = thread.close();
    await expect(thread.query('select 2')).rejects.toThrow(/The embedded database is closed/);
    await expect(before).resolves.toMatchObject({ rows: [{ one: 1 }] });
    await closing;
    expect(thread.closed).toBe(true);
    // Also once the thread has ended: a closed database says so, not that its thread stopped.
    await expect(thread.query('select 3')).rejects.toThrow(/The embedded database is closed/);
  });

  describe('statements it has seen before (prepared once, then only executed)', () => {
    it('give the same rows and types every time, and the same errors', async () => {
      database = await openDatabase({ kind: 'pglite', dataDir: null });
      const { db } = database;
      await sql`create table t (id int8 primary key, day date, at timestamptz, tags text[], doc jsonb)`.execute(db);
      const at = new Date('2026-03-01T12:00:00.000Z');
      for (let i = 1; i <= 6; i += 1) {
        await sql`insert into t values (${i}, ${`2026-03-0${i}`}, ${at}, ${sql.val(['a', `b${i}`])}::text[], ${JSON.stringify({ i })}::jsonb)`.execute(
          db,
        );
      }
      const seen = [];
      for (let i = 1; i <= 6; i += 1) {
        const rows = await sql<{ id: number; day: string; at: Date; tags: string[]; doc: unknown }>`select * from t where id = ${i}`.execute(db);
        seen.push(rows.rows[0]);
      }
      expect(seen).toEqual([1, 2, 3, 4, 5, 6].map((i) => ({ id: i, day: `2026-03-0${i}`, at, tags: ['a', `b${i}`], doc: { i } })));
      for (let i = 0; i < 4; i += 1) {
        const error = await sql`insert into t (id) values (${1})`.execute(db).catch((caught: unknown) => caught);
        expect(error).toMatchObject({ code: '23505', constraint: 't_pkey' });
      }
      const updated = await sql`update t set doc = null where id > ${3}`.execute(db);
      expect(updated.numAffectedRows).toBe(3n);
    });

    it('see a table’s new shape after it changed, also when a rollback undid a change', async () => {
      database = await openDatabase({ kind: 'pglite', dataDir: null });
      const { db } = database;
      await sql`create table shapes (a int)`.execute(db);
      await sql`insert into shapes values (1)`.execute(db);
      const all = () => sql<Record<string, unknown>>`select * from shapes`.execute(db).then((r) => r.rows);
      for (let i = 0; i < 4; i += 1) expect(await all()).toEqual([{ a: 1 }]);
      await sql`alter table shapes add column b text default 'ny'`.execute(db);
      expect(await all()).toEqual([{ a: 1, b: 'ny' }]);

      await db
        .transaction()
        .execute(async (trx) => {
          await sql`alter table shapes add column c int default 7`.execute(trx);
          for (let i = 0; i < 4; i += 1) expect(await sql`select * from shapes`.execute(trx).then((r) => r.rows)).toEqual([{ a: 1, b: 'ny', c: 7 }]);
          throw new Error('roll back');
        })
        .catch((error: Error) => expect(error.message).toBe('roll back'));
      for (let i = 0; i < 4; i += 1) expect(await all()).toEqual([{ a: 1, b: 'ny' }]);
    });

    it('leaves none behind when a transaction that changed a table failed and rolled back', async () => {
      database = await openDatabase({ kind: 'pglite', dataDir: null });
      const { db } = database;
      await sql`create table kept (id int primary key)`.execute(db);
      await sql`insert into kept values (1)`.execute(db);
      const failed = await db
        .transaction()
        .execute(async (trx) => {
          await sql`alter table kept add column note text`.execute(trx);
          for (let i = 0; i < 4; i += 1) await sql`select * from kept where id = ${1}`.execute(trx);
          await sql`insert into kept (id) values (${1})`.execute(trx);
        })
        .catch((error: unknown) => error);
      expect(failed).toMatchObject({ code: '23505' });
      // The rollback forgot them: in the failed transaction, DEALLOCATE itself would have failed and left them on the server.
      const left = await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements`.execute(db);
      expect(left.rows).toEqual([{ n: 0 }]);
      for (let i = 0; i < 4; i += 1) expect((await sql`select * from kept`.execute(db)).rows).toEqual([{ id: 1 }]);
    });
  });
});
