import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { jsonbText } from './proposals.js';

/**
 * A re-match compares what it ranked with stored proposals by jsonb's text
 * (`selectUndecidedProposalsOfSlots`), so `jsonbText` must print what
 * PostgreSQL prints for the same value, on PGlite and on the server.
 */
const values: unknown[] = [
  { requiredSkills: 1, niceSkills: 0.5, danish: 1, distance: 0.8123456789012345, ambitions: 0.6, waiting: 0.75, languages: 1 },
  { a: 1 / 3, bb: 0.1 + 0.2, c: 5e-7, d: 1.5e-7, e: -2.25e-8, f: 1e21, g: 1.5e22, h: -0, i: 123456.789, j: -1 },
  { zz: 1, a: 2, æ: 3, ab: 4, b: 5, ø: 6, aa: 7 },
  ['{"code":"distance.km","params":{"km":12.3,"maxKm":25}}', 'quote " backslash \\ slash /', 'tab\tline\nfeed\r\u0001\u001f\u007f'],
  ['Arabic عربي, Ukrainian українська, emoji 🙂, line separator \u2028 and paragraph \u2029'],
  { nested: { list: [1, 'two', null, true, false, { '': [] }], empty: {} }, undefinedIsLeftOut: undefined },
  [],
  {},
  'a string',
  0.000001,
  1e-6 / 3,
];

describe.each(databaseKinds)('jsonbText on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind, { migrate: false });
  });
  afterAll(async () => {
    await database?.close();
  });

  it.each(values.map((value) => [JSON.stringify(value), value] as const))('prints %s as jsonb::text does', async (_label, value) => {
    const result = await sql<{ text: string }>`select cast(${JSON.stringify(value)} as jsonb)::text as text`.execute(database.db);
    expect(jsonbText(value)).toBe(result.rows[0]!.text);
  });
});
