/**
 * Named (prepared) statements on a PostgreSQL server for the queries that
 * run on nearly every request with a fixed text (reusable-query.ts): the
 * session lookup, the offers page's candidate, the consultant queue. Sent as
 * plain text, PostgreSQL parses and plans them anew each time; the queue's
 * query alone took ≈ 1 ms of planning a page. Named, each connection parses
 * it once and PostgreSQL may keep a generic plan, as the embedded database
 * (pglite-worker.js) already does.
 *
 * Only the texts a reusable query registers are named: `pg` keeps every
 * name it prepared for the life of a connection, so a text that varies with
 * its values (an IN list) would fill the server's memory.
 */
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/** More texts than this means something registers texts that vary; later ones run unnamed. */
const MAX_NAMED_TEXTS = 2_000;

/** The texts to run as named statements; one module for routes and services since the server shares the build's (ADR 0011). */
const registered = new Set<string>();

/** Registers `sql` to run as a named statement on every connection of a `preparingPool`; returns it unchanged. */
export function prepareOnServer(sql: string): string {
  if (registered.size < MAX_NAMED_TEXTS) registered.add(sql);
  return sql;
}

const nameOfText = new Map<string, string>();
let names = 0;

function statementNameOf(text: string): string | undefined {
  if (!registered.has(text)) return undefined;
  let name = nameOfText.get(text);
  if (name === undefined && nameOfText.size < MAX_NAMED_TEXTS) {
    name = `jobbro_${++names}`;
    nameOfText.set(text, name);
  }
  return name;
}

/**
 * PostgreSQL refuses a prepared statement whose result columns a schema
 * change altered (e.g. `select *` after a column was added by another
 * process's migration); it asks for the statement to be prepared again.
 */
function isStalePlan(error: unknown): boolean {
  return error instanceof Error && (error as { code?: string }).code === '0A000' && /cached plan must not change result type/.test(error.message);
}

const IN_FAILED_TRANSACTION = '25P02';

class PreparingClient implements PostgresPoolClient {
  constructor(private readonly client: pg.PoolClient) {}

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(sqlOrCursor: string | PostgresCursor<R>, parameters?: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== 'string') return this.client.query(sqlOrCursor as never) as PostgresCursor<R>;
    // Kysely hands over a fresh array of its own for each query.
    const values = (parameters ?? []) as unknown[];
    const name = statementNameOf(sqlOrCursor);
    if (name === undefined) return this.client.query(sqlOrCursor, values) as unknown as Promise<PostgresQueryResult<R>>;
    return this.named<R>(name, sqlOrCursor, values);
  }

  private async named<R>(name: string, text: string, values: unknown[]): Promise<PostgresQueryResult<R>> {
    try {
      return (await this.client.query({ name, text, values })) as unknown as PostgresQueryResult<R>;
    } catch (error) {
      if (!isStalePlan(error)) throw error;
      // `pg` cannot forget a name it prepared, so the text gets a new one everywhere; each connection's old
      // statement stays unused until the connection closes (one per schema change).
      if (nameOfText.get(text) === name) nameOfText.set(text, `jobbro_${++names}`);
      try {
        return (await this.client.query({ name: nameOfText.get(text)!, text, values })) as unknown as PostgresQueryResult<R>;
      } catch (retryError) {
        // In a transaction the refusal already failed it: the caller's transaction has to be run again.
        throw (retryError as { code?: string }).code === IN_FAILED_TRANSACTION ? error : retryError;
      }
    }
  }

  release(): void {
    this.client.release();
  }
}

/** `pool` as Kysely's PostgresDialect takes it, running the registered texts as named statements. */
export function preparingPool(pool: pg.Pool): PostgresPool {
  // One wrapper per pooled connection: Kysely keeps its own connection object per client it is given.
  const clients = new WeakMap<pg.PoolClient, PreparingClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let preparing = clients.get(client);
      if (preparing === undefined) {
        preparing = new PreparingClient(client);
        clients.set(client, preparing);
      }
      return preparing;
    },
    end: () => pool.end(),
  };
}
