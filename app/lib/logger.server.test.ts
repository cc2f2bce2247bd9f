/**
 * Database errors reach the logs by their shape: real errors from PGlite (in
 * process and in its thread) and from the PostgreSQL server, whose messages,
 * `detail` and parameters repeat the values that failed.
 */
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client.server.js';
import { migrateToLatest } from '../../db/migrate.server.js';
import { buildUser, insertUser } from '../../db/seed/factories.js';
import { createRng } from '../../db/seed/random.js';
import { createTestDatabase, databaseKinds } from '../../tests/setup/database.js';
import { createLogger, serializeError } from './logger.server.js';

const EMAIL = 'yevheniia.zq-duplicate@private-mail.example';
const BIRTH_DATE = '1987-13-45';

function capturingLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger({ logLevel: 'debug', nodeEnv: 'production' }, destination), lines };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the statement to fail');
}

type Case = { name: string; open: () => Promise<Database> };
const cases: Case[] = [
  { name: 'PGlite in process', open: () => createTestDatabase('pglite') },
  {
    name: 'PGlite in its thread',
    async open() {
      const database = await openDatabase({ kind: 'pglite', dataDir: null });
      await migrateToLatest(database.db);
      return database;
    },
  },
  ...(databaseKinds.includes('postgres') ? [{ name: 'PostgreSQL', open: () => createTestDatabase('postgres') }] : []),
];

describe.each(cases)('database errors in the log ($name)', ({ open }) => {
  it('show the code, the constraint and the statement, never the values', async () => {
    const database = await open();
    try {
      const rng = createRng(5);
      await insertUser(database.db, buildUser(rng, { role: 'admin', email: EMAIL }));
      const duplicate = await failure(insertUser(database.db, buildUser(rng, { role: 'admin', email: EMAIL })));
      const badDate = await failure(sql`select ${BIRTH_DATE}::date as birth_date`.execute(database.db));
      const wrapped = new Error('saving the candidate failed', { cause: badDate });

      const { logger, lines } = capturingLogger();
      logger.error({ err: duplicate }, 'insert failed');
      logger.error({ err: badDate }, 'select failed');
      logger.error({ err: wrapped }, 'wrapped');
      await new Promise((resolve) => setImmediate(resolve));
      const log = lines.join('');

      expect(log).not.toContain(EMAIL);
      expect(log).not.toContain('yevheniia');
      expect(log).not.toContain(BIRTH_DATE);
      const [first, second, third] = lines.map((line) => JSON.parse(line));
      expect(first.err).toMatchObject({
        type: 'DatabaseError',
        code: '23505',
        constraint: expect.stringContaining('email'),
        statement: expect.stringMatching(/^insert into "users"/),
      });
      expect(second.err).toMatchObject({ type: 'DatabaseError', code: '22008', statement: 'select $1::date as birth_date' });
      expect(third.err).toMatchObject({ message: 'saving the candidate failed', cause: { code: '22008' } });
    } finally {
      await database.close();
    }
  });
});

describe('serializeError', () => {
  it('leaves other errors as pino writes them', () => {
    expect(serializeError(new TypeError('boom'))).toMatchObject({ type: 'TypeError', message: 'boom', stack: expect.stringContaining('boom') });
    expect(serializeError('text')).toBe('text');
  });
});
