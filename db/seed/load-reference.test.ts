import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { loadReferenceData } from './load-reference.js';

describe.each(databaseKinds)('loadReferenceData (%s)', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('loads 98 municipalities in 5 regions and is idempotent', async () => {
    const first = await loadReferenceData(database.db);
    const second = await loadReferenceData(database.db);
    expect(second).toEqual(first);
    expect(first.regions).toBe(5);
    expect(first.municipalities).toBe(98);
    const { db } = database;
    const regions = await db
      .selectFrom('regions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const byRegion = await db.selectFrom('municipalities').select('region_code').distinct().execute();
    const municipalities = await db
      .selectFrom('municipalities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const postal = await db
      .selectFrom('postal_codes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(regions.n)).toBe(5);
    expect(byRegion).toHaveLength(5);
    expect(Number(municipalities.n)).toBe(98);
    expect(Number(postal.n)).toBe(first.postalCodes);
  });

  it('gives every postal code a municipality and coordinates inside Denmark', async () => {
    const strays = await database.db
      .selectFrom('postal_codes as p')
      .leftJoin('municipalities as m', 'm.code', 'p.municipality_code')
      .select(['p.code'])
      .where((eb) => eb.or([eb('m.code', 'is', null), eb('p.lat', '<', 54.5), eb('p.lat', '>', 57.8), eb('p.lon', '<', 8), eb('p.lon', '>', 15.2)]))
      .execute();
    expect(strays).toEqual([]);
  });

  it('maps 6200 to Aabenraa (580) and 8000 to Aarhus (751)', async () => {
    const rows = await database.db
      .selectFrom('postal_codes as p')
      .innerJoin('municipalities as m', 'm.code', 'p.municipality_code')
      .select(['p.code', 'p.name', 'm.code as municipality', 'm.name_da'])
      .where('p.code', 'in', ['6200', '8000'])
      .orderBy('p.code')
      .execute();
    expect(rows).toEqual([
      { code: '6200', name: 'Aabenraa', municipality: '580', name_da: 'Aabenraa' },
      { code: '8000', name: 'Aarhus C', municipality: '751', name_da: 'Aarhus' },
    ]);
  });
});
