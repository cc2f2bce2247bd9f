/**
 * `npm run db:snapshot -- <migration>`: writes the schema of a release — a
 * fresh database migrated up to and including `<migration>` — to
 * `db/migrations/snapshots/<migration>.sql`, as plain SQL (pg_dump's schema
 * plus the kysely_migration rows). tests/reliability/migrations.test.ts loads
 * every snapshot and migrates it to the latest schema.
 *
 * Run it once when a release is cut, for the release's last migration.
 * Snapshots are history: an existing file is never overwritten.
 *
 * Options: `--server <url>` an existing PostgreSQL 15 server to borrow (a
 * throwaway database is created and dropped on it); without it, a temporary
 * server is started from `--pg-bin` (default /usr/lib/postgresql/15/bin).
 * `--out <dir>` writes elsewhere (used by the tests).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { z } from 'zod';
import { migrations } from '../db/migrate.server.js';
import { startThrowawayPostgres } from './support/throwaway-postgres.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const snapshotDirectory = path.join(root, 'db/migrations/snapshots');

const argsSchema = z.object({
  migration: z.string().refine((name) => name in migrations, {
    message: `must be one of the migrations listed in db/migrate.server.ts: ${Object.keys(migrations).join(', ')}`,
  }),
  server: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  pgBin: z.string().default('/usr/lib/postgresql/15/bin'),
  out: z.string().default(snapshotDirectory),
});
type SnapshotArgs = z.output<typeof argsSchema>;

function parseArgs(argv: string[]): SnapshotArgs {
  const values: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const flag = /^--(server|pg-bin|out)$/.exec(arg);
    if (flag) {
      const value = argv[i + 1];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      values[flag[1] === 'pg-bin' ? 'pgBin' : flag[1]!] = value;
      i += 1;
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length !== 1) throw new Error('usage: npm run db:snapshot -- <migration> [--server postgres://…] [--pg-bin DIR] [--out DIR]');
  const parsed = argsSchema.safeParse({ ...values, migration: positional[0] });
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'));
  return parsed.data;
}

async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * pg_dump's output made loadable by a plain multi-statement query (pg and
 * PGlite alike): no psql meta-commands (`\restrict`), and no session-wide
 * `search_path = ''`, which would outlive the load on the connection (PGlite
 * has only one). Every name in the dump is schema-qualified anyway.
 */
export function portableDump(dump: string): string {
  return dump
    .split('\n')
    .filter((line) => !line.startsWith('\\') && line !== "SELECT pg_catalog.set_config('search_path', '', false);")
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Migrates a fresh database on `serverUrl` up to `migration` and returns the snapshot's SQL. */
export async function snapshotSql(serverUrl: string, migration: string, pgBin: string): Promise<string> {
  const name = `snapshot_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = serverUrl.replace(/\/[^/]*$/, `/${name}`);
  try {
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
      const result = await migrator.migrateTo(migration);
      if (result.error) throw new Error(`migrating to ${migration} failed: ${String(result.error)}`, { cause: result.error });
    } finally {
      await db.destroy();
    }
    const dump = (args: string[]) => execFileSync(path.join(pgBin, 'pg_dump'), [...args, '--no-owner', '--no-privileges', url], { encoding: 'utf8' });
    const schema = portableDump(dump(['--schema-only']));
    const rows = portableDump(dump(['--data-only', '--inserts', '--table=public.kysely_migration', '--table=public.kysely_migration_lock']));
    const names = Object.keys(migrations);
    const included = names.slice(0, names.indexOf(migration) + 1);
    return [
      `-- Jobbro schema at release ${migration}: a fresh database migrated through`,
      `-- ${included.join(', ')}.`,
      '-- Written once by scripts/snapshot-schema.ts; frozen history, never regenerated.',
      '',
      schema,
      '',
      rows,
      '',
    ].join('\n');
  } finally {
    await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const target = path.join(args.out, `${args.migration}.sql`);
  if (fs.existsSync(target)) throw new Error(`${path.relative(root, target)} exists: snapshots of released schemas are never regenerated`);
  const server = args.server ? { url: args.server, stop() {} } : await startThrowawayPostgres({ binDir: args.pgBin, prefix: 'jobbro-snapshot-' });
  try {
    const text = await snapshotSql(server.url, args.migration, args.pgBin);
    fs.mkdirSync(args.out, { recursive: true });
    fs.writeFileSync(target, text);
    console.log(`wrote ${path.relative(root, target)}`);
  } finally {
    server.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
