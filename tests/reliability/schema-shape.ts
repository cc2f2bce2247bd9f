/**
 * The shape of a database's `public` schema read from the catalogs —
 * columns and their types, defaults and nullability, constraints, indexes,
 * sequences, views, functions, triggers and extensions — so two databases
 * reached by different paths (a release snapshot migrated forward, or a
 * fresh database migrated from empty) can be compared with one `toEqual`.
 * Test-only catalog queries; the app's own SQL lives in db/queries/.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.js';

export type SchemaShape = {
  columns: string[];
  constraints: string[];
  indexes: string[];
  sequences: string[];
  views: string[];
  functions: string[];
  triggers: string[];
  extensions: string[];
  migrations: string[];
};

async function lines(db: Kysely<DB>, query: RawBuilder<{ line: string }>): Promise<string[]> {
  const result = await query.execute(db);
  return result.rows.map((row) => row.line).sort();
}

export async function schemaShape(db: Kysely<DB>): Promise<SchemaShape> {
  return {
    columns: await lines(
      db,
      sql<{ line: string }>`
        select concat_ws(' | ', table_name, column_name, data_type, udt_name, is_nullable, coalesce(column_default, '-'),
          coalesce(character_maximum_length::text, '-'), coalesce(numeric_precision::text, '-'), coalesce(numeric_scale::text, '-')) as line
        from information_schema.columns where table_schema = 'public'`,
    ),
    constraints: await lines(
      db,
      sql<{ line: string }>`
        select concat_ws(' | ', c.conrelid::regclass::text, c.conname, c.contype, pg_get_constraintdef(c.oid)) as line
        from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = 'public'`,
    ),
    indexes: await lines(
      db,
      sql<{ line: string }>`select concat_ws(' | ', tablename, indexname, indexdef) as line from pg_indexes where schemaname = 'public'`,
    ),
    sequences: await lines(
      db,
      sql<{ line: string }>`
        select concat_ws(' | ', sequencename, data_type, start_value, increment_by, max_value, cycle) as line
        from pg_sequences where schemaname = 'public'`,
    ),
    views: await lines(db, sql<{ line: string }>`select concat_ws(' | ', viewname, definition) as line from pg_views where schemaname = 'public'`),
    functions: await lines(
      db,
      sql<{ line: string }>`
        select pg_get_functiondef(p.oid) as line from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and p.prokind in ('f', 'p')`,
    ),
    triggers: await lines(
      db,
      sql<{ line: string }>`
        select pg_get_triggerdef(t.oid) as line from pg_trigger t join pg_class c on c.oid = t.tgrelid
        join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and not t.tgisinternal`,
    ),
    extensions: await lines(db, sql<{ line: string }>`select extname as line from pg_extension`),
    migrations: await lines(db, sql<{ line: string }>`select name as line from kysely_migration`),
  };
}

/** Every row of every table in `public` (kysely's own tables aside), as JSON objects. */
export async function tableRows(db: Kysely<DB>): Promise<Map<string, Array<Record<string, unknown>>>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely%' order by table_name`.execute(db);
  const rows = new Map<string, Array<Record<string, unknown>>>();
  for (const { name } of tables.rows) {
    const result = await sql<{ row: Record<string, unknown> }>`select to_jsonb(t) as row from ${sql.table(name)} t`.execute(db);
    rows.set(
      name,
      result.rows.map((entry) => entry.row),
    );
  }
  return rows;
}
