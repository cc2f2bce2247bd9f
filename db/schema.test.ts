import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../tests/setup/database.js';

describe.each(databaseKinds)('schema on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const { db } = database;
    await db.insertInto('regions').values({ code: 'DK-83', name_da: 'Region Syddanmark', name_en: 'Region of Southern Denmark' }).execute();
    await db
      .insertInto('municipalities')
      .values({ code: '580', name_da: 'Aabenraa', name_en: 'Aabenraa', region_code: 'DK-83', lat: 55.04, lon: 9.42 })
      .execute();
    await db.insertInto('postal_codes').values({ code: '6200', name: 'Aabenraa', municipality_code: '580', lat: 55.04, lon: 9.42 }).execute();
  });
  afterAll(async () => database?.close());

  it('is migrated: every table of the first schema exists', async () => {
    const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = 'public'`.execute(
      database.db,
    );
    const names = tables.rows.map((r) => r.table_name);
    for (const table of [
      'organisations',
      'workplaces',
      'jobcentres',
      'jobcentre_networks',
      'users',
      'sessions',
      'candidates',
      'slots',
      'match_proposals',
      'placements',
      'consents',
      'audit_log',
      'search_outbox',
    ]) {
      expect(names).toContain(table);
    }
  });

  it('refuses a CVR that is not eight digits and a duplicate CVR', async () => {
    const organisation = { name: 'Kantine A/S', contact_name: 'Ane', contact_email: 'ane@kantine.dk' };
    await expect(
      database.db
        .insertInto('organisations')
        .values({ ...organisation, cvr: '1234' })
        .execute(),
    ).rejects.toThrow(/check/i);
    await database.db
      .insertInto('organisations')
      .values({ ...organisation, cvr: '13748136' })
      .execute();
    await expect(
      database.db
        .insertInto('organisations')
        .values({ ...organisation, cvr: '13748136' })
        .execute(),
    ).rejects.toThrow(/unique|duplicate/i);
  });

  it('refuses a workplace with an unknown postal code', async () => {
    const org = await database.db.selectFrom('organisations').select('id').where('cvr', '=', '13748136').executeTakeFirstOrThrow();
    const workplace = { organisation_id: org.id, p_number: '1000000001', name: 'Køkken', address: 'Vej 1', ordinary_employees_fte: 12 };
    await expect(
      database.db
        .insertInto('workplaces')
        .values({ ...workplace, postal_code: '9999' })
        .execute(),
    ).rejects.toThrow(/foreign key/i);
    await database.db
      .insertInto('workplaces')
      .values({ ...workplace, postal_code: '6200' })
      .execute();
  });

  it('ties an employer user to an organisation and a consultant to a jobcentre', async () => {
    await expect(
      database.db
        .insertInto('users')
        .values({
          email: 'x@demo.dk',
          role: 'employer',
          display_name: 'X',
          password_hash: null,
          locale: null,
          organisation_id: null,
          jobcentre_id: null,
        })
        .execute(),
    ).rejects.toThrow(/check/i);
    await expect(
      database.db
        .insertInto('users')
        .values({
          email: 'y@demo.dk',
          role: 'consultant',
          display_name: 'Y',
          password_hash: null,
          locale: null,
          organisation_id: null,
          jobcentre_id: null,
        })
        .execute(),
    ).rejects.toThrow(/check/i);
  });
});
