import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/setup/database.js';
import type { Executor } from '../client.server.js';
import { reusableQuery } from './reusable-query.js';

describe('reusableQuery', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
  });
  afterAll(async () => {
    await database?.close();
  });

  /** Echoes its values, a fixed text and the form's limit; counts how often it was built. */
  function echo() {
    let builds = 0;
    const query = reusableQuery(
      (db: Executor, form: { label: string }, values: readonly [name: string, age: number | undefined]) => {
        builds += 1;
        const [name, age] = values;
        return db.selectNoFrom([
          sql<string>`${name}::text`.as('name'),
          sql<string>`${'fixed'}::text`.as('fixed'),
          sql<string>`${sql.lit(form.label)}::text`.as('label'),
          ...(age === undefined ? [] : [sql<number>`${age}::int + 1`.as('next_age')]),
        ]);
      },
      (form) => form.label,
    );
    return { query, builds: () => builds };
  }

  it('builds once per form and set of values, and answers each call with its own values', async () => {
    const { query, builds } = echo();
    expect(await query(database.db, { label: 'a' }, ['Amal', 30])).toEqual([{ name: 'Amal', fixed: 'fixed', label: 'a', next_age: 31 }]);
    expect(await query(database.db, { label: 'a' }, ['Bilal', 41])).toEqual([{ name: 'Bilal', fixed: 'fixed', label: 'a', next_age: 42 }]);
    expect(builds()).toBe(1);
    expect(await query(database.db, { label: 'b' }, ['Bilal', 41])).toEqual([{ name: 'Bilal', fixed: 'fixed', label: 'b', next_age: 42 }]);
    expect(builds()).toBe(2);
  });

  it('leaves out a part whose value is undefined, as a shape of its own', async () => {
    const { query, builds } = echo();
    expect(await query(database.db, { label: 'a' }, ['Amal', undefined])).toEqual([{ name: 'Amal', fixed: 'fixed', label: 'a' }]);
    expect(await query(database.db, { label: 'a' }, ['Amal', 7])).toEqual([{ name: 'Amal', fixed: 'fixed', label: 'a', next_age: 8 }]);
    expect(await query(database.db, { label: 'a' }, ['Dina', undefined])).toEqual([{ name: 'Dina', fixed: 'fixed', label: 'a' }]);
    expect(builds()).toBe(2);
  });
});
