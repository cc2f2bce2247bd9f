import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import { getTaxonomy } from '../../app/taxonomy/taxonomy.js';
import { seedDatabase } from '../../db/seed/seed.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../setup/database.js';

/**
 * The demo seed writes as any other writer does: the database's triggers fire
 * and its foreign keys are checked on every row (it once switched both off
 * for its bulk phases, so a trigger-maintained copy was silently skipped).
 */
describe.each(databaseKinds)('the seed bulk load on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    // A trigger standing in for any the schema has or gains: it counts the slots and candidates inserted.
    await sql`create table seeded_rows (source text not null)`.execute(database.db);
    await sql`create function count_seeded_row() returns trigger language plpgsql as $$
      begin insert into seeded_rows values (tg_table_name); return new; end $$`.execute(database.db);
    await sql`create trigger slots_counted after insert on slots for each row execute function count_seeded_row()`.execute(database.db);
    await sql`create trigger candidates_counted after insert on candidates for each row execute function count_seeded_row()`.execute(database.db);
  });
  afterAll(async () => database?.close());

  it('fires the triggers for every slot and candidate it writes', async () => {
    const summary = await seedDatabase(database.db, {
      hashPassword,
      taxonomy: getTaxonomy(),
      demo: false,
      demoData: true,
      candidates: 30,
      slots: 12,
      today: '2026-11-24',
    });
    const { rows } = await sql<{
      source: string;
      n: number | string;
    }>`select source, count(*) as n from seeded_rows group by source order by source`.execute(database.db);
    expect(rows.map((row) => [row.source, Number(row.n)])).toEqual([
      ['candidates', summary.counts.candidates],
      ['slots', summary.counts.slots],
    ]);
  });
});
