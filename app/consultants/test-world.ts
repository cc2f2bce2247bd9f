/**
 * A small world for the consultant tests: four jobcentres (Aabenraa,
 * Sønderborg and Haderslev in one network; Odense outside it), employers,
 * workplaces, slots, candidates and proposals built with the seed factories.
 * Test-only: imported by *.test.ts files.
 */
import type { Kysely } from 'kysely';
import {
  buildCandidate,
  buildOrganisation,
  buildSlot,
  buildUser,
  buildWorkplace,
  ensureJobcentre,
  generateCvr,
  generatePNumber,
  insertCandidate,
  insertOrganisation,
  insertSlot,
  insertUser,
  insertWorkplace,
  type NewCandidate,
  type NewSlot,
} from '../../db/seed/factories.js';
import { loadReferenceData } from '../../db/seed/load-reference.js';
import { seededRng, type Rng } from '../../db/seed/random.js';
import type { DB } from '../../db/schema.js';
import type { ConsultantUser } from './consultant.js';

export const TODAY = '2026-03-02';
export const clock = () => new Date(`${TODAY}T09:00:00Z`);

export type World = {
  db: Kysely<DB>;
  rng: Rng;
  jobcentres: { aabenraa: string; soenderborg: string; haderslev: string; odense: string };
  networkId: string;
  consultants: { aabenraa: ConsultantUser; soenderborg: ConsultantUser; odense: ConsultantUser };
};

export async function buildWorld(db: Kysely<DB>, seed = 7): Promise<World> {
  const rng = seededRng(seed, 'consultant-tests');
  await loadReferenceData(db);
  const jobcentres = {
    aabenraa: (await ensureJobcentre(db, '580')).id,
    soenderborg: (await ensureJobcentre(db, '540')).id,
    haderslev: (await ensureJobcentre(db, '510')).id,
    odense: (await ensureJobcentre(db, '461')).id,
  };
  const network = await db
    .insertInto('jobcentre_networks')
    .values({ name: `Syd ${seed}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('jobcentre_network_members')
    .values([jobcentres.aabenraa, jobcentres.soenderborg, jobcentres.haderslev].map((id) => ({ network_id: network.id, jobcentre_id: id })))
    .execute();
  const consultant = async (jobcentreId: string): Promise<ConsultantUser> => {
    const user = await insertUser(db, buildUser(rng, { role: 'consultant', jobcentre_id: jobcentreId }));
    return { id: user.id, role: 'consultant', jobcentreId };
  };
  return {
    db,
    rng,
    jobcentres,
    networkId: network.id,
    consultants: {
      aabenraa: await consultant(jobcentres.aabenraa),
      soenderborg: await consultant(jobcentres.soenderborg),
      odense: await consultant(jobcentres.odense),
    },
  };
}

export async function addEmployer(
  world: World,
  options: { status?: 'unverified' | 'verified' | 'suspended'; fte?: number; postalCode?: string; isPrivate?: boolean } = {},
): Promise<{ organisationId: string; workplaceId: string; cvr: string }> {
  const cvr = generateCvr(world.rng);
  const organisation = await insertOrganisation(
    world.db,
    buildOrganisation(world.rng, { cvr, status: options.status ?? 'verified', sector: 'kitchen', is_private: options.isPrivate ?? true }),
  );
  const workplace = await insertWorkplace(
    world.db,
    buildWorkplace(world.rng, {
      organisation_id: organisation.id,
      p_number: generatePNumber(world.rng),
      postal_code: options.postalCode ?? '6200',
      ordinary_employees_fte: options.fte ?? 20,
    }),
  );
  return { organisationId: organisation.id, workplaceId: workplace.id, cvr };
}

export async function addSlot(
  world: World,
  employer: { organisationId: string; workplaceId: string },
  overrides: Partial<NewSlot> = {},
): Promise<string> {
  const slot = await insertSlot(
    world.db,
    buildSlot(
      world.rng,
      {
        organisation_id: employer.organisationId,
        workplace_id: employer.workplaceId,
        type: 'praktik',
        status: 'published',
        sector: 'kitchen',
        start_date: '2026-04-01',
        weeks: 8,
        hours_per_week: 25,
        pooled_network_id: null,
        ...overrides,
      },
      { today: TODAY },
    ),
  );
  return slot.id;
}

/** An active candidate who passes every IGU rule on 2026-04-01 unless overridden. */
export async function addCandidate(world: World, jobcentreId: string, overrides: Partial<NewCandidate> = {}): Promise<string> {
  const candidate = await insertCandidate(
    world.db,
    buildCandidate(
      world.rng,
      {
        jobcentre_id: jobcentreId,
        status: 'active',
        // Active means confirmed by the jobcentre; only confirmed candidates can be approved (issue 21.10).
        confirmed_at: new Date('2026-01-10T10:00:00Z'),
        birth_date: '1994-05-10',
        arrival_date: '2022-08-01',
        residence_basis: 'refugee',
        available_from: '2026-03-01',
        postal_code: '6200',
        waiting_since: '2026-01-15',
        ...overrides,
      },
      { today: TODAY },
    ),
  );
  return candidate.id;
}

export async function addProposal(
  world: World,
  slotId: string,
  candidateId: string,
  options: { score?: number; source?: 'matcher' | 'interest'; status?: 'proposed' | 'approved' } = {},
): Promise<string> {
  const approved = options.status === 'approved';
  const row = await world.db
    .insertInto('match_proposals')
    .values({
      slot_id: slotId,
      candidate_id: candidateId,
      source: options.source ?? 'matcher',
      score: options.score ?? 0.7,
      components: JSON.stringify({ skills: 0.8, danish: 0.6, distance: 0.9 }),
      reasons: JSON.stringify(['skills_match']),
      status: options.status ?? 'proposed',
      decided_at: approved ? new Date(`${TODAY}T08:00:00Z`) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
