/**
 * Test data for the matching suites (retrieval, proposals).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import {
  buildCandidate,
  buildOrganisation,
  buildSlot,
  buildWorkplace,
  ensureJobcentre,
  insertCandidate,
  insertOrganisation,
  insertSlot,
  insertWorkplace,
  type NewCandidate,
  type NewSlot,
} from '../../db/seed/factories.js';
import { loadReferenceData } from '../../db/seed/load-reference.js';
import { loadTaxonomy } from '../../db/seed/load-taxonomy.js';
import { seededRng } from '../../db/seed/random.js';
import { getTaxonomy } from '../../app/taxonomy/taxonomy.js';

const TODAY = '2026-03-01';

/**
 * A small world in Aabenraa: one IGU slot and one praktik slot, and one
 * candidate per hard rule who fails only that rule. Sønderborg (≈ 18 km
 * away) has its own jobcentre; both are in one network.
 */
export async function buildWorld(db: Kysely<DB>) {
  await loadReferenceData(db);
  await loadTaxonomy(db, getTaxonomy());
  const [dish, hygiene, floors] = getTaxonomy().skills.map((skill) => skill.uri);
  const aabenraa = await ensureJobcentre(db, '580');
  const soenderborg = await ensureJobcentre(db, '540');
  const aarhus = await ensureJobcentre(db, '751');
  const network = await db.insertInto('jobcentre_networks').values({ name: 'Test network' }).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('jobcentre_network_members')
    .values([
      { network_id: network.id, jobcentre_id: aabenraa.id },
      { network_id: network.id, jobcentre_id: soenderborg.id },
    ])
    .execute();

  const rng = seededRng(7, 'retrieval-test');
  const organisation = await insertOrganisation(db, buildOrganisation(rng, { sector: 'kitchen' }));
  const workplace = await insertWorkplace(db, buildWorkplace(rng, { organisation_id: organisation.id, postal_code: '6200' }));
  const slotRow = (overrides: Partial<NewSlot>) =>
    buildSlot(rng, { organisation_id: organisation.id, workplace_id: workplace.id, status: 'published', ...overrides }, { today: TODAY });
  const igu = await insertSlot(
    db,
    slotRow({
      type: 'igu',
      title: 'Køkkenmedhjælper',
      start_date: '2026-04-01',
      danish_spoken: 'A2',
      danish_written: null,
      danish_within_months: null,
    }),
  );
  const praktik = await insertSlot(
    db,
    slotRow({ type: 'praktik', title: 'Opvasker', start_date: '2026-04-01', danish_spoken: null, danish_written: null, danish_within_months: null }),
  );
  const draft = await insertSlot(db, slotRow({ type: 'praktik', status: 'draft', start_date: '2026-04-01' }));
  for (const slot of [igu, praktik, draft]) {
    await db
      .insertInto('slot_skills')
      .values([
        { slot_id: slot.id, skill_uri: dish!, required: true },
        { slot_id: slot.id, skill_uri: hygiene!, required: true },
        { slot_id: slot.id, skill_uri: floors!, required: false },
      ])
      .execute();
  }

  const base = (overrides: Partial<NewCandidate>): NewCandidate =>
    buildCandidate(
      rng,
      {
        jobcentre_id: aabenraa.id,
        status: 'active',
        confirmed_at: new Date('2026-01-10T10:00:00Z'),
        birth_date: '1992-05-05',
        arrival_date: '2023-01-10',
        residence_basis: 'refugee',
        postal_code: '6200',
        max_travel_km: 25,
        available_from: '2026-03-15',
        danish_spoken: 'A2',
        danish_written: 'A2',
        waiting_since: '2026-01-01',
        ...overrides,
      },
      { today: TODAY },
    );
  const people = {
    ok: await insertCandidate(db, base({ full_name: 'Amina Okay', email: 'amina@example.org', nationality: 'SY', gender: 'female' })),
    tooOld: await insertCandidate(db, base({ full_name: 'Omar Older', birth_date: '1970-01-01' })),
    late: await insertCandidate(db, base({ full_name: 'Lina Later', available_from: '2026-05-01' })),
    far: await insertCandidate(db, base({ full_name: 'Farid Faraway', postal_code: '8000', jobcentre_id: aarhus.id })),
    neighbour: await insertCandidate(db, base({ full_name: 'Nadia Neighbour', postal_code: '6400', jobcentre_id: soenderborg.id })),
    noDanish: await insertCandidate(db, base({ full_name: 'Nour Nodanish', danish_spoken: null, danish_written: null })),
    pending: await insertCandidate(db, base({ full_name: 'Paul Pending', status: 'pending', confirmed_at: null })),
  };
  for (const person of Object.values(people)) {
    await db
      .insertInto('candidate_skills')
      .values([
        { candidate_id: person.id, skill_uri: dish!, years: 2, learned_where: 'abroad' },
        { candidate_id: person.id, skill_uri: hygiene!, years: null, learned_where: null },
      ])
      .execute();
    await db
      .insertInto('candidate_languages')
      .values({ candidate_id: person.id, code: 'ar', spoken: 'C2', written: 'C1', is_mother_tongue: true })
      .execute();
  }
  return {
    skills: { dish: dish!, hygiene: hygiene!, floors: floors! },
    jobcentres: { aabenraa, soenderborg, aarhus },
    network,
    slots: { igu, praktik, draft },
    people,
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

/** `count` more published slots of the world's IGU employer, starting 2026-04-01 (for tests that need many index changes). */
export async function insertPublishedSlots(db: Kysely<DB>, world: World, count: number, rngLabel: string, seed: number) {
  const rng = seededRng(seed, rngLabel);
  const slots = [];
  for (let i = 0; i < count; i += 1) {
    slots.push(
      await insertSlot(
        db,
        buildSlot(
          rng,
          {
            organisation_id: world.slots.igu.organisation_id,
            workplace_id: world.slots.igu.workplace_id,
            status: 'published',
            start_date: '2026-04-01',
          },
          { today: '2026-03-01' },
        ),
      ),
    );
  }
  return slots;
}
