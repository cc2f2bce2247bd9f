/**
 * Opens the database: PostgreSQL through `pg` when a URL is given, otherwise
 * PGlite in-process. Both return the same Kysely<DB> and the same value types
 * (int8 and numeric as numbers, dates as 'YYYY-MM-DD' strings).
 */
import fs from 'node:fs';
import { PGlite, type PGliteInterface } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';
import type { DB } from './schema.js';

export type DatabaseConfig = { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string; max?: number };

export type Database = {
  db: Kysely<DB>;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
};

export type Executor = Kysely<DB> | Transaction<DB>;

const PG_INT8 = 20;
const PG_NUMERIC = 1700;
const PG_DATE = 1082;

const parseNumber = (value: string) => Number(value);
const keepDateText = (value: string) => value;

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === PG_INT8 || oid === PG_NUMERIC) return parseNumber;
    if (oid === PG_DATE) return keepDateText;
    return pg.types.getTypeParser(oid, format);
  },
};

const pgliteParsers = { [PG_INT8]: parseNumber, [PG_NUMERIC]: parseNumber, [PG_DATE]: keepDateText };

/** Wraps an open PGlite instance (e.g. a test template's clone). */
export function databaseFromPGlite(pglite: PGliteInterface): Database {
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite, pgliteParsers) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: config.max ?? 10, types: pgTypes });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  if (config.dataDir) fs.mkdirSync(config.dataDir, { recursive: true });
  const pglite = await PGlite.create(config.dataDir ?? 'memory://');
  return databaseFromPGlite(pglite);
}
