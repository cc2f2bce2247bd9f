/**
 * Loads regions, municipalities and postal codes from the repository's own
 * data files (db/data/geo) into the database. Idempotent: rows are upserted,
 * so a corrected data file updates the tables on the next run.
 */
import type { Kysely } from 'kysely';
import municipalities from '../data/geo/municipalities.json';
import postalCodes from '../data/geo/postal-codes.json';
import regions from '../data/geo/regions.json';
import type { DB } from '../schema.js';

const BATCH = 1000;

function batches<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
  return out;
}

export async function loadReferenceData(db: Kysely<DB>): Promise<{ regions: number; municipalities: number; postalCodes: number }> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('regions')
      .values(regions.map((r) => ({ code: r.code, name_da: r.nameDa, name_en: r.nameEn })))
      .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name_da: eb.ref('excluded.name_da'), name_en: eb.ref('excluded.name_en') })))
      .execute();
    await trx
      .insertInto('municipalities')
      .values(
        municipalities.map((m) => ({
          code: m.code,
          name_da: m.nameDa,
          name_en: m.nameEn,
          region_code: m.regionCode,
          lat: m.lat,
          lon: m.lon,
        })),
      )
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name_da: eb.ref('excluded.name_da'),
          name_en: eb.ref('excluded.name_en'),
          region_code: eb.ref('excluded.region_code'),
          lat: eb.ref('excluded.lat'),
          lon: eb.ref('excluded.lon'),
        })),
      )
      .execute();
    for (const batch of batches(postalCodes)) {
      await trx
        .insertInto('postal_codes')
        .values(batch.map((p) => ({ code: p.code, name: p.name, municipality_code: p.municipalityCode, lat: p.lat, lon: p.lon })))
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            municipality_code: eb.ref('excluded.municipality_code'),
            lat: eb.ref('excluded.lat'),
            lon: eb.ref('excluded.lon'),
          })),
        )
        .execute();
    }
  });
  return { regions: regions.length, municipalities: municipalities.length, postalCodes: postalCodes.length };
}
