/**
 * The embedded database shared by several app processes: the broker (as the
 * primary runs it) over a real PGlite thread, and app-process clients
 * (pglite-remote.ts) on in-memory channels that copy every message as IPC
 * does. Checked: answers with their types, one transaction at a time across
 * processes (nothing runs inside another process's transaction, nothing is
 * rolled back with it), a process gone mid-transaction, errors with their
 * fields, NOTIFY to every listening process, and refused messages.
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabaseViaPrimary } from './client.server.js';
import { connect } from '../tests/setup/ipc-channel.js';
import { createPGliteBroker, type PGliteBroker } from './pglite-broker.server.js';
import { openPGliteViaPrimary } from './pglite-remote.js';
import { openPGliteThread, type PGliteThread } from './pglite-thread.js';

/** Settles `promise` into a flag, to see whether it has answered yet. */
function watch<T>(promise: Promise<T>): { readonly done: boolean; promise: Promise<T> } {
  const state = { done: false, promise };
  promise.then(
    () => (state.done = true),
    () => (state.done = true),
  );
  return state;
}

const turns = (n: number) => new Promise<void>((resolve) => setTimeout(resolve, n * 20));

describe('the embedded database held by the primary for several app processes', () => {
  let thread: PGliteThread;
  let broker: PGliteBroker;

  beforeEach(async () => {
    thread = await openPGliteThread('memory://');
    await thread.query('create table notes (id int primary key, body text not null, at timestamptz, n int8)');
    broker = createPGliteBroker(thread);
  });

  afterEach(async () => {
    await broker.close();
  });

  it('answers each process with rows of the same types as in one process', async () => {
    const a = openPGliteViaPrimary(connect(broker).channel);
    const b = openPGliteViaPrimary(connect(broker).channel);
    await a.query("insert into notes values (1, 'one', '2026-03-01T09:00:00Z', 9007199254740)");
    const { rows } = await b.query<{ id: number; body: string; at: Date; n: number }>('select * from notes where id = $1', [1]);
    expect(rows).toEqual([{ id: 1, body: 'one', at: new Date('2026-03-01T09:00:00Z'), n: 9007199254740 }]);
    expect((await a.query('update notes set body = $1', ['uno'])).affectedRows).toBe(1);
  });

  it('holds back another process until a transaction ends, so its query sees the state after the rollback', async () => {
    const a = openPGliteViaPrimary(connect(broker).channel);
    const b = openPGliteViaPrimary(connect(broker).channel);
    await a.query('begin');
    await a.query("insert into notes values (1, 'uncommitted', null, null)");
    const seen = watch(b.query<{ n: number }>('select count(*)::int as n from notes'));
    await turns(5);
    expect(seen.done).toBe(false);
    // Inside the transaction a savepoint's rollback keeps it open, and it stays a's.
    await a.query('savepoint s');
    await a.query('rollback to savepoint s');
    await turns(2);
    expect(seen.done).toBe(false);
    await a.query('rollback');
    expect((await seen.promise).rows).toEqual([{ n: 0 }]);
  });

  it('never rolls back what another process wrote meanwhile', async () => {
    const a = openPGliteViaPrimary(connect(broker).channel);
    const b = openPGliteViaPrimary(connect(broker).channel);
    await a.query('begin');
    await a.query("insert into notes values (1, 'a', null, null)");
    const written = b.query("insert into notes values (2, 'b', null, null)");
    await turns(2);
    await a.query('rollback');
    await written;
    expect((await b.query<{ id: number }>('select id from notes order by id')).rows).toEqual([{ id: 2 }]);
  });

  it('rolls back the open transaction of a process that goes away, and the others go on', async () => {
    const gone = connect(broker);
    const a = openPGliteViaPrimary(gone.channel);
    const b = openPGliteViaPrimary(connect(broker).channel);
    await a.query('begin');
    await a.query("insert into notes values (1, 'half done', null, null)");
    const seen = watch(b.query<{ n: number }>('select count(*)::int as n from notes'));
    await turns(2);
    expect(seen.done).toBe(false);
    gone.exit();
    expect((await seen.promise).rows).toEqual([{ n: 0 }]);
    await expect(a.query('select 1')).rejects.toThrow(/The embedded database is out of reach/);
  });

  it('gives a database error with its fields (code, constraint) to the process that caused it', async () => {
    const a = openPGliteViaPrimary(connect(broker).channel);
    await a.query("insert into notes values (1, 'one', null, null)");
    const failure = await a.query("insert into notes values (1, 'again', null, null)").catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'EmbeddedDatabaseError', code: '23505', constraint: 'notes_pkey' });
  });

  it('runs Kysely transactions of two processes one after the other', async () => {
    const a = openDatabaseViaPrimary(connect(broker).channel);
    const b = openDatabaseViaPrimary(connect(broker).channel);
    // Each reads the highest id and writes the next: interleaved, both would write the same id and one would fail.
    const next = (database: typeof a, body: string) =>
      database.db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ max: number | null }>`select max(id) as max from notes`.execute(trx);
        await turns(1);
        await sql`insert into notes values (${(rows[0]?.max ?? 0) + 1}, ${body}, null, null)`.execute(trx);
      });
    await Promise.all([next(a, 'a1'), next(b, 'b1'), next(a, 'a2'), next(b, 'b2')]);
    expect((await thread.query<{ id: number }>('select id from notes order by id')).rows.map((row) => row.id)).toEqual([1, 2, 3, 4]);
  });

  it('tells every listening process of a NOTIFY at commit, and none of a rolled-back one', async () => {
    const heard: string[] = [];
    const a = openPGliteViaPrimary(connect(broker).channel);
    const b = openPGliteViaPrimary(connect(broker).channel);
    await a.listen('changes', (payload) => heard.push(`a:${payload}`));
    await b.listen('changes', (payload) => heard.push(`b:${payload}`));
    await a.query('begin');
    await a.query("select pg_notify('changes', 'kept')");
    await a.query('commit');
    await b.query('begin');
    await b.query("select pg_notify('changes', 'dropped')");
    await b.query('rollback');
    await turns(2);
    expect(heard.sort()).toEqual(['a:kept', 'b:kept']);
  });

  it('refuses a message that is not a request, and answers the ones after it', async () => {
    const app = connect(broker);
    const answers: unknown[] = [];
    app.channel.on('message', (message) => answers.push(message));
    broker.receive(app.client, { jobbroDb: 'query', id: 7, sql: 42 });
    broker.receive(app.client, 'hello');
    await turns(1);
    expect(answers).toEqual([{ jobbroDb: 'reply', id: 7, error: { message: expect.stringMatching(/^Not a request for the embedded database/) } }]);
    const a = openPGliteViaPrimary(app.channel);
    expect((await a.query<{ one: number }>('select 1 as one')).rows).toEqual([{ one: 1 }]);
  });
});
