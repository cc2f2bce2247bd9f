/**
 * Seeds a database: the reference data (`loadReference`, which the app also
 * runs at every start); the demo accounts when asked; and a realistic demo
 * (employers, workplaces, slots, candidates) built from the same factories
 * the tests use (`npm run db:seed`). Bulk loads keep foreign keys and
 * triggers on, so a seed bug fails where a user's write would.
 *
 * Idempotent: every row has a natural key (CVR, P-number, e-mail, municipality
 * code, network name) and a run creates only what is missing; slots are made
 * only together with their newly created organisation. Deterministic: each
 * organisation and candidate draws from its own RNG derived from the seed and
 * its number, and dates are relative to `today`.
 */
import { sql, type Kysely } from 'kysely';
import type { Executor } from '../client.server.js';
import type { Cefr, DB } from '../schema.js';
import {
  buildCandidate,
  buildOrganisation,
  buildSlot,
  buildWorkplace,
  generateCvr,
  generatePNumber,
  pickOrigin,
  pickSector,
  stableUuid,
  type NewCandidate,
  type NewOrganisation,
  type NewSlot,
  type NewWorkplace,
} from './factories.js';
import { seedHistory } from './history.js';
import { loadReferenceData } from './load-reference.js';
import { loadTaxonomy, type TaxonomyToLoad } from './load-taxonomy.js';
import { addDays, addYears } from './seed-dates.js';
import { seededRng, type Rng } from './random.js';
import { ORIGINS, SECTOR_TITLES, type SeedSector } from './vocabulary.js';

export type SeedOptions = {
  /** The app's password hash (app/auth/password.server.ts), for the logins the seed creates. */
  hashPassword: (password: string) => Promise<string>;
  /** The taxonomy as the app reads it from db/data/taxonomy (app/taxonomy/taxonomy.ts). */
  taxonomy: TaxonomyToLoad;
  /** Create the four demo accounts (embedded default, or JOBBRO_DEMO=1 on servers). */
  demo: boolean;
  /** Create demo employers, slots and candidates; defaults to `demo`. */
  demoData?: boolean;
  /** Number of seeded candidates (default 300). */
  candidates?: number;
  /** Number of published slots (default 80); about one draft per eight comes on top. */
  slots?: number;
  /** RNG seed (default 2026). */
  seed?: number;
  /** 'YYYY-MM-DD' that relative dates start from (default: the real date). */
  today?: string;
  log?: (line: string) => void;
};

export const SEEDED_TABLES = [
  'regions',
  'municipalities',
  'postal_codes',
  'skills',
  'occupations',
  'jobcentres',
  'jobcentre_networks',
  'users',
  'organisations',
  'workplaces',
  'slots',
  'slot_skills',
  'candidates',
  'candidate_skills',
  'candidate_languages',
  'candidate_occupations',
  'candidate_employments',
] as const;
export type SeededTable = (typeof SEEDED_TABLES)[number];

export type SeedSummary = {
  /** False when the run found everything in place and created nothing. */
  created: boolean;
  counts: Record<SeededTable, number>;
  durationMs: number;
};

export const DEMO_PASSWORD = 'demo-jobbro-2026';
export const DEMO_EMAILS = {
  employer: 'employer@demo.jobbro.dk',
  consultant: 'consultant@demo.jobbro.dk',
  candidate: 'candidate@demo.jobbro.dk',
  admin: 'admin@demo.jobbro.dk',
} as const;

/** The four southern municipalities that pool candidates for kitchen and cleaning courses (seed articles). */
export const SOUTHERN_NETWORK = { name: 'Sydjysk netværk', municipalities: ['510', '540', '580', '550'] } as const;
const NETWORKS = [SOUTHERN_NETWORK, { name: 'Trekantområdets netværk', municipalities: ['607', '621', '630', '410'] }];

const DEFAULT_SEED = 2026;
const DEFAULT_CANDIDATES = 300;
const DEFAULT_SLOTS = 80;
const BATCH = 1000;
/** The domain of seeded candidates' e-mail addresses. */
export const CANDIDATE_EMAIL_DOMAIN = 'seed.jobbro.dk';

/** Weight of a municipality when placing employers and candidates: the south and the big cities get more. */
function municipalityWeight(code: string, forCandidates: boolean): number {
  if ((SOUTHERN_NETWORK.municipalities as readonly string[]).includes(code)) return forCandidates ? 12 : 8;
  const cities: Record<string, number> = { '101': 6, '751': 5, '461': 4, '851': 4, '561': 3, '621': 3, '630': 3, '615': 2, '657': 2 };
  return cities[code] ?? 1;
}

type Reference = {
  municipalities: { code: string; name: string; regionCode: string }[];
  postalCodesByMunicipality: Map<string, { code: string; name: string }[]>;
  jobcentreByMunicipality: Map<string, string>;
  networkByMunicipality: Map<string, string>;
  occupationsBySector: Map<string, TaxonomyOccupation[]>;
  skillsBySector: Map<string, string[]>;
};

type TaxonomyOccupation = { uri: string; title: string; essential: string[]; optional: string[] };

/**
 * The reference data every installation needs, loaded at every start (the app
 * does, before serving) so a corrected data file reaches the database:
 * regions, municipalities and postal codes, the taxonomy, a jobcentre per
 * municipality and the jobcentre networks. Idempotent.
 */
export async function loadReference(db: Kysely<DB>, options: { taxonomy: TaxonomyToLoad; log?: (line: string) => void }): Promise<void> {
  const log = options.log ?? (() => undefined);
  const reference = await loadReferenceData(db);
  log(`reference data: ${reference.regions} regions, ${reference.municipalities} municipalities, ${reference.postalCodes} postal codes`);
  const taxonomy = await loadTaxonomy(db, options.taxonomy);
  log(`taxonomy: ${taxonomy.skills} skills, ${taxonomy.occupations} occupations`);
  await ensureJobcentresAndNetworks(db);
}

export async function seedDatabase(db: Kysely<DB>, options: SeedOptions): Promise<SeedSummary> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? DEFAULT_SEED;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const demoData = options.demoData ?? options.demo;
  const before = await countRows(db);

  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  await loadReference(db, { taxonomy: options.taxonomy, log: (line) => log(`[${elapsed()}] ${line}`) });

  const ref = await readReference(db);
  if (options.demo) {
    // The hash is slow on purpose: made only when the demo accounts are.
    await seedDemoAccounts(db, ref, { seed, today, passwordHash: await options.hashPassword(DEMO_PASSWORD) });
    log(`[${elapsed()}] demo accounts: employer, consultant, candidate, admin (password in README)`);
  }
  if (demoData) {
    const slots = await seedEmployers(db, ref, { seed, today, publishedSlots: options.slots ?? DEFAULT_SLOTS });
    log(`[${elapsed()}] employers: ${slots.organisations} new organisations, ${slots.slots} new slots`);
    const candidates = await seedCandidates(db, ref, { seed, today, count: options.candidates ?? DEFAULT_CANDIDATES });
    log(`[${elapsed()}] candidates: ${candidates} new`);
    const history = await seedHistory(db, { seed, today });
    log(`[${elapsed()}] a year of history: ${history} new placements`);
  }

  if (options.demo || demoData) {
    const answered = await answerNetJobQuestions(db);
    if (answered > 0) log(`[${elapsed()}] løntilskud net-job answers: ${answered} slots`);
  }

  const counts = await countRows(db);
  const created = SEEDED_TABLES.some((table) => counts[table] > before[table]);
  // A bulk load leaves the planner without statistics, and PGlite has no autovacuum to gather them.
  if (created) await sql`analyze`.execute(db);
  return { created, counts, durationMs: Date.now() - started };
}

/**
 * Plausible net-job-creation answers (issue 26) on every løntilskud slot
 * that has none, as its company's first employer user would give them:
 * today's FTE from the workplace, 12 months ago somewhat fewer. Chosen by
 * the slot id, so the same slots always get the same answers: about 1 in 8
 * has not grown (the approval check refuses it, and the consultant's queue
 * flags it), 1 in 8 fills a job vacated long before the start (allowed), and
 * 1 in 16 one vacated 30 days before the start (refused). Idempotent: a slot
 * with answers is left as it is.
 */
async function answerNetJobQuestions(db: Kysely<DB>): Promise<number> {
  const result = await sql`
    with picked as (
      select s.id, w.ordinary_employees_fte as fte_now, s.start_date,
        ('x' || substr(md5(s.id::text), 1, 6))::bit(24)::int % 16 as bucket
      from slots s join workplaces w on w.id = s.workplace_id
      where s.type = 'loentilskud' and s.net_jobs_answered_at is null)
    update slots set
      net_jobs_fte_now = p.fte_now,
      net_jobs_fte_12m_ago = case when p.bucket in (0, 1) then p.fte_now else greatest(p.fte_now - 1.5, 0) end,
      net_jobs_fills_vacancy = p.bucket in (2, 3, 4),
      net_jobs_vacated_on = case when p.bucket in (2, 3) then p.start_date - 200 when p.bucket = 4 then p.start_date - 30 end,
      net_jobs_answered_by = (select u.id from users u where u.organisation_id = slots.organisation_id and u.role = 'employer'
        order by u.created_at, u.id limit 1),
      net_jobs_answered_at = slots.created_at
    from picked p
    where slots.id = p.id and (p.fte_now > 0 or p.bucket in (0, 1))`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

async function countRows(db: Kysely<DB>): Promise<Record<SeededTable, number>> {
  const counts = zeroCounts();
  for (const table of SEEDED_TABLES) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

function zeroCounts(): Record<SeededTable, number> {
  return {
    regions: 0,
    municipalities: 0,
    postal_codes: 0,
    skills: 0,
    occupations: 0,
    jobcentres: 0,
    jobcentre_networks: 0,
    users: 0,
    organisations: 0,
    workplaces: 0,
    slots: 0,
    slot_skills: 0,
    candidates: 0,
    candidate_skills: 0,
    candidate_languages: 0,
    candidate_occupations: 0,
    candidate_employments: 0,
  };
}

function chunks<T>(rows: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

async function ensureJobcentresAndNetworks(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const municipalities = await trx.selectFrom('municipalities').select(['code', 'name_da']).orderBy('code').execute();
    await trx
      .insertInto('jobcentres')
      .values(municipalities.map((m) => ({ municipality_code: m.code, name: `Jobcenter ${m.name_da}` })))
      .onConflict((oc) => oc.column('municipality_code').doNothing())
      .execute();
    for (const network of NETWORKS) {
      await trx
        .insertInto('jobcentre_networks')
        .values({ name: network.name })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const { id } = await trx.selectFrom('jobcentre_networks').select('id').where('name', '=', network.name).executeTakeFirstOrThrow();
      const members = await trx
        .selectFrom('jobcentres')
        .select('id')
        .where('municipality_code', 'in', [...network.municipalities])
        .execute();
      await trx
        .insertInto('jobcentre_network_members')
        .values(members.map((m) => ({ network_id: id, jobcentre_id: m.id })))
        .onConflict((oc) => oc.columns(['network_id', 'jobcentre_id']).doNothing())
        .execute();
    }
  });
}

async function readReference(db: Kysely<DB>): Promise<Reference> {
  const municipalities = await db.selectFrom('municipalities').select(['code', 'name_da', 'region_code']).orderBy('code').execute();
  const postalCodes = await db.selectFrom('postal_codes').select(['code', 'name', 'municipality_code']).orderBy('code').execute();
  const jobcentres = await db.selectFrom('jobcentres').select(['id', 'municipality_code']).execute();
  const networks = await db
    .selectFrom('jobcentre_network_members as m')
    .innerJoin('jobcentres as j', 'j.id', 'm.jobcentre_id')
    .innerJoin('jobcentre_networks as n', 'n.id', 'm.network_id')
    .select(['j.municipality_code', 'm.network_id', 'n.name'])
    .orderBy('n.name')
    .execute();
  const occupations = await db.selectFrom('occupations').select(['uri', 'sector', 'labels']).orderBy('uri').execute();
  const links = await db.selectFrom('occupation_skills').select(['occupation_uri', 'skill_uri', 'relation']).orderBy('skill_uri').execute();

  const postalCodesByMunicipality = new Map<string, { code: string; name: string }[]>();
  for (const p of postalCodes) {
    const list = postalCodesByMunicipality.get(p.municipality_code) ?? [];
    list.push({ code: p.code, name: p.name });
    postalCodesByMunicipality.set(p.municipality_code, list);
  }
  // The networks do not overlap, so each municipality has at most one.
  const networkByMunicipality = new Map<string, string>();
  for (const n of networks) networkByMunicipality.set(n.municipality_code, n.network_id);

  const occupationsBySector = new Map<string, TaxonomyOccupation[]>();
  const skillsBySector = new Map<string, string[]>();
  const byUri = new Map<string, TaxonomyOccupation>();
  for (const o of occupations) {
    const occupation: TaxonomyOccupation = { uri: o.uri, title: o.labels.da || o.labels.en, essential: [], optional: [] };
    byUri.set(o.uri, occupation);
    const list = occupationsBySector.get(o.sector) ?? [];
    list.push(occupation);
    occupationsBySector.set(o.sector, list);
  }
  for (const link of links) {
    const occupation = byUri.get(link.occupation_uri);
    if (occupation) (link.relation === 'essential' ? occupation.essential : occupation.optional).push(link.skill_uri);
  }
  for (const [sector, list] of occupationsBySector) {
    skillsBySector.set(sector, [...new Set(list.flatMap((o) => [...o.essential, ...o.optional]))].sort());
  }

  return {
    municipalities: municipalities.map((m) => ({ code: m.code, name: m.name_da, regionCode: m.region_code })),
    postalCodesByMunicipality,
    jobcentreByMunicipality: new Map(jobcentres.map((j) => [j.municipality_code, j.id])),
    networkByMunicipality,
    occupationsBySector,
    skillsBySector,
  };
}

function jobcentreOf(ref: Reference, municipalityCode: string): string {
  const id = ref.jobcentreByMunicipality.get(municipalityCode);
  if (!id) throw new Error(`No jobcentre for municipality ${municipalityCode}`);
  return id;
}

function pickMunicipality(rng: Rng, ref: Reference, forCandidates: boolean): { code: string; name: string } {
  return rng.weighted(ref.municipalities.map((m) => [m, municipalityWeight(m.code, forCandidates)] as const));
}

/** A postal code in the municipality; the town of the first one names the place. */
function pickPostalCode(rng: Rng, ref: Reference, municipalityCode: string): { code: string; name: string } {
  const list = ref.postalCodesByMunicipality.get(municipalityCode) ?? [];
  // Copenhagen's hundreds of street-level 1xxx codes would crowd out its districts.
  const districts = list.filter((p) => !(p.code >= '1000' && p.code < '2000'));
  return rng.pick(districts.length > 0 ? districts : list);
}

// ---- demo accounts -----------------------------------------------------------

const DEMO_COMPANY = {
  name: 'Restaurant Fjordkanten ApS',
  workplace: 'Restaurant Fjordkanten',
  address: 'Havnegade 12',
  postalCode: '6200',
};

async function seedDemoAccounts(db: Kysely<DB>, ref: Reference, context: { seed: number; today: string; passwordHash: string }): Promise<void> {
  const rng = seededRng(context.seed, 'demo-accounts');
  const aabenraa = jobcentreOf(ref, '580');
  const { passwordHash } = context;
  await db.transaction().execute(async (trx) => {
    const cvr = generateCvr(rng);
    await trx
      .insertInto('organisations')
      .values(
        buildOrganisation(rng, {
          cvr,
          name: DEMO_COMPANY.name,
          sector: 'kitchen',
          is_private: true,
          contact_name: 'Lene Damgaard',
          contact_email: DEMO_EMAILS.employer,
          status: 'verified',
        }),
      )
      .onConflict((oc) => oc.column('cvr').doNothing())
      .execute();
    const organisation = await trx.selectFrom('organisations').select('id').where('cvr', '=', cvr).executeTakeFirstOrThrow();
    const pNumber = generatePNumber(rng);
    const newWorkplace = await trx
      .insertInto('workplaces')
      .values(
        buildWorkplace(
          rng,
          {
            organisation_id: organisation.id,
            p_number: pNumber,
            name: DEMO_COMPANY.workplace,
            address: DEMO_COMPANY.address,
            postal_code: DEMO_COMPANY.postalCode,
            ordinary_employees_fte: 14,
            ordinary_employees_fte_12m_ago: 12,
          },
          { town: 'Aabenraa', sector: 'kitchen' },
        ),
      )
      .onConflict((oc) => oc.column('p_number').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (newWorkplace) {
      const kitchen = ref.occupationsBySector.get('kitchen') ?? [];
      const plans: Partial<NewSlot>[] = [
        { type: 'igu', status: 'published', hours_per_week: 30, danish_spoken: 'A2', danish_within_months: 6 },
        // One place each: the workplace's 14 FTE allow 2 supported persons (ratio rule), so the løntilskud draft can be published.
        { type: 'praktik', status: 'published', weeks: 8, hours_per_week: 25, danish_spoken: 'A1', positions: 1 },
        { type: 'loentilskud', status: 'draft', weeks: 26, hours_per_week: 37, danish_spoken: 'A2', positions: 1 },
      ];
      for (const [i, plan] of plans.entries()) {
        const occupation = kitchen.length > 0 ? kitchen[i % kitchen.length] : undefined;
        const id = stableUuid(context.seed, 'demo-slot', i);
        await insertSlotWithSkills(
          trx,
          rng,
          id,
          buildSlot(
            rng,
            {
              id,
              organisation_id: organisation.id,
              workplace_id: newWorkplace.id,
              sector: 'kitchen',
              occupation_uri: occupation?.uri ?? null,
              pooled_network_id: i === 0 ? (ref.networkByMunicipality.get('580') ?? null) : null,
              ...plan,
            },
            { today: context.today, title: occupation?.title ?? SECTOR_TITLES.kitchen },
          ),
          occupation,
        );
      }
    }

    const users = [
      { email: DEMO_EMAILS.admin, role: 'admin' as const, display_name: 'Jobbro Admin', organisation_id: null, jobcentre_id: null },
      { email: DEMO_EMAILS.consultant, role: 'consultant' as const, display_name: 'Mette Lauridsen', organisation_id: null, jobcentre_id: aabenraa },
      { email: DEMO_EMAILS.employer, role: 'employer' as const, display_name: 'Lene Damgaard', organisation_id: organisation.id, jobcentre_id: null },
      { email: DEMO_EMAILS.candidate, role: 'candidate' as const, display_name: 'Amal Haddad', organisation_id: null, jobcentre_id: null },
    ];
    await trx
      .insertInto('users')
      .values(users.map((u) => ({ ...u, password_hash: passwordHash, locale: 'da' as const })))
      .onConflict((oc) => oc.column('email').doNothing())
      .execute();

    const candidateUser = await trx.selectFrom('users').select('id').where('email', '=', DEMO_EMAILS.candidate).executeTakeFirstOrThrow();
    const existing = await trx.selectFrom('candidates').select('id').where('user_id', '=', candidateUser.id).executeTakeFirst();
    if (!existing)
      await insertDemoCandidate(trx, rng, ref, { seed: context.seed, userId: candidateUser.id, jobcentreId: aabenraa, today: context.today });
  });
}

/** Amal: active in Aabenraa, kitchen and cleaning skills, Danish via DU2 module 3. */
async function insertDemoCandidate(
  trx: Executor,
  rng: Rng,
  ref: Reference,
  context: { seed: number; userId: string; jobcentreId: string; today: string },
): Promise<void> {
  const origin = ORIGINS.find((o) => o.nationality === 'SY') ?? pickOrigin(rng);
  const id = stableUuid(context.seed, 'demo-candidate');
  await trx
    .insertInto('candidates')
    .values(
      buildCandidate(
        rng,
        {
          id,
          user_id: context.userId,
          jobcentre_id: context.jobcentreId,
          status: 'active',
          confirmed_at: new Date(`${addDays(context.today, -60)}T10:00:00Z`),
          full_name: 'Amal Haddad',
          email: DEMO_EMAILS.candidate,
          birth_date: addDays(addYears(context.today, -31), -40),
          arrival_date: addDays(addYears(context.today, -3), -90),
          residence_basis: 'refugee',
          gender: 'female',
          nationality: 'SY',
          postal_code: '6200',
          max_travel_km: 40,
          available_from: addDays(context.today, 14),
          hours_per_week: 30,
          danish_programme: 'DU2',
          danish_module: 3,
          danish_spoken: 'A2',
          danish_written: 'A2',
          danish_test: null,
          danish_evidence: 'module_test',
          ambition_sectors: ['kitchen', 'cleaning'],
          ambition_note: 'Har arbejdet i familiens restaurant i Aleppo og vil gerne være kok.',
          education: 'Gymnasial uddannelse i hjemlandet',
          waiting_since: addDays(context.today, -75),
        },
        { today: context.today, origin, sectors: ['kitchen', 'cleaning'] },
      ),
    )
    .execute();
  const kitchen = ref.occupationsBySector.get('kitchen') ?? [];
  const cleaning = ref.occupationsBySector.get('cleaning') ?? [];
  const skills = [...new Set([...(kitchen[0]?.essential.slice(0, 3) ?? []), ...(cleaning[0]?.essential.slice(0, 2) ?? [])])];
  if (skills.length > 0) {
    await trx
      .insertInto('candidate_skills')
      .values(skills.map((uri, i) => ({ candidate_id: id, skill_uri: uri, years: i < 3 ? 4 : 1, learned_where: i < 3 ? 'abroad' : 'denmark' })))
      .execute();
  }
  if (kitchen[0]) {
    await trx.insertInto('candidate_occupations').values({ candidate_id: id, occupation_uri: kitchen[0].uri, years: 4 }).execute();
    await trx
      .updateTable('candidates')
      .set({ ambition_occupations: [kitchen[0].uri] })
      .where('id', '=', id)
      .execute();
  }
  await trx
    .insertInto('candidate_languages')
    .values([
      { candidate_id: id, code: 'ar', spoken: 'C2', written: 'C2', is_mother_tongue: true, evidence: 'self_reported' },
      { candidate_id: id, code: 'en', spoken: 'A2', written: 'A2', is_mother_tongue: false, evidence: 'self_reported' },
    ])
    .execute();
}

async function insertSlotWithSkills(trx: Executor, rng: Rng, id: string, slot: NewSlot, occupation: TaxonomyOccupation | undefined): Promise<void> {
  await trx
    .insertInto('slots')
    .values({ ...slot, id })
    .execute();
  const skills = slotSkills(rng, id, occupation);
  if (skills.length > 0) await trx.insertInto('slot_skills').values(skills).execute();
}

function slotSkills(
  rng: Rng,
  slotId: string,
  occupation: TaxonomyOccupation | undefined,
): { slot_id: string; skill_uri: string; required: boolean }[] {
  if (!occupation) return [];
  const required = rng.sample(occupation.essential, rng.int(1, 3));
  const optional = rng.sample(
    occupation.optional.filter((uri) => !required.includes(uri)),
    rng.int(0, 2),
  );
  return [
    ...required.map((uri) => ({ slot_id: slotId, skill_uri: uri, required: true })),
    ...optional.map((uri) => ({ slot_id: slotId, skill_uri: uri, required: false })),
  ];
}

// ---- employers, workplaces and slots ----------------------------------------

/** Sectors named in the seed articles come first, so even a small demo shows each of them. */
const FIRST_SECTORS: readonly SeedSector[] = ['kitchen', 'cleaning', 'warehouse', 'care', 'retail', 'construction', 'it'];

async function seedEmployers(
  db: Kysely<DB>,
  ref: Reference,
  context: { seed: number; today: string; publishedSlots: number },
): Promise<{ organisations: number; slots: number }> {
  const organisations: NewOrganisation[] = [];
  const workplacesByCvr = new Map<string, NewWorkplace[]>();
  const slotsByCvr = new Map<string, { slot: NewSlot; skills: { slot_id: string; skill_uri: string; required: boolean }[] }[]>();
  const seenCvr = new Set<string>();
  const seenPNumber = new Set<string>();
  let published = 0;

  for (let i = 0; published < context.publishedSlots; i++) {
    const rng = seededRng(context.seed, `organisation-${i}`);
    const sector = i < FIRST_SECTORS.length ? FIRST_SECTORS[i] : pickSector(rng);
    const home = pickMunicipality(rng, ref, false);
    const town = pickPostalCode(rng, ref, home.code);
    let cvr = generateCvr(rng);
    while (seenCvr.has(cvr)) cvr = generateCvr(rng);
    seenCvr.add(cvr);
    const status = rng.weighted([
      ['verified', 85],
      ['unverified', 15],
    ] as const);
    const organisationId = stableUuid(context.seed, 'organisation', i);
    organisations.push(buildOrganisation(rng, { id: organisationId, cvr, sector, status }, { town: home.name }));

    const workplaceCount = rng.weighted([
      [1, 7],
      [2, 2],
      [3, 1],
    ] as const);
    const workplaces: (NewWorkplace & { id: string; municipality: string })[] = [];
    for (let w = 0; w < workplaceCount; w++) {
      const municipality = w === 0 ? home : pickMunicipality(rng, ref, false);
      const postal = w === 0 ? town : pickPostalCode(rng, ref, municipality.code);
      let pNumber = generatePNumber(rng);
      while (seenPNumber.has(pNumber)) pNumber = generatePNumber(rng);
      seenPNumber.add(pNumber);
      const id = stableUuid(context.seed, 'workplace', i, w);
      workplaces.push({
        ...buildWorkplace(rng, { id, organisation_id: organisationId, p_number: pNumber, postal_code: postal.code }, { town: postal.name, sector }),
        id,
        municipality: municipality.code,
      });
    }
    workplacesByCvr.set(
      cvr,
      workplaces.map(({ municipality: _municipality, ...row }) => row),
    );

    const slots: { slot: NewSlot; skills: { slot_id: string; skill_uri: string; required: boolean }[] }[] = [];
    const slotCount = rng.int(1, 5);
    const occupations = ref.occupationsBySector.get(sector) ?? [];
    for (let s = 0; s < slotCount && published < context.publishedSlots; s++) {
      const workplace = rng.pick(workplaces);
      const occupation = occupations.length > 0 ? rng.pick(occupations) : undefined;
      const network = ref.networkByMunicipality.get(workplace.municipality);
      const id = stableUuid(context.seed, 'slot', i, s);
      // Employers awaiting verification cannot publish yet.
      const draft = status !== 'verified' || rng.chance(0.12);
      const slot = buildSlot(
        rng,
        {
          id,
          organisation_id: organisationId,
          workplace_id: workplace.id,
          sector,
          occupation_uri: occupation?.uri ?? null,
          status: draft ? 'draft' : 'published',
          pooled_network_id: network && rng.chance(0.4) ? network : null,
        },
        { today: context.today, title: occupation?.title ?? SECTOR_TITLES[sector] },
      );
      if (!draft) published += 1;
      slots.push({ slot, skills: slotSkills(rng, id, occupation) });
    }
    slotsByCvr.set(cvr, slots);
  }

  return db.transaction().execute(async (trx) => {
    const created = new Set<string>();
    for (const batch of chunks(organisations)) {
      const rows = await trx
        .insertInto('organisations')
        .values(batch)
        .onConflict((oc) => oc.column('cvr').doNothing())
        .returning('cvr')
        .execute();
      for (const row of rows) created.add(row.cvr);
    }
    // Only a newly created organisation gets its workplaces and slots, which keeps a second run from duplicating slots.
    const fresh = organisations.filter((o) => created.has(o.cvr));
    const workplaces = fresh.flatMap((o) => workplacesByCvr.get(o.cvr) ?? []);
    for (const batch of chunks(workplaces)) {
      await trx
        .insertInto('workplaces')
        .values(batch)
        .onConflict((oc) => oc.column('p_number').doNothing())
        .execute();
    }
    const slots = fresh.flatMap((o) => slotsByCvr.get(o.cvr) ?? []);
    for (const batch of chunks(slots.map((s) => s.slot))) await trx.insertInto('slots').values(batch).execute();
    for (const batch of chunks(slots.flatMap((s) => s.skills))) await trx.insertInto('slot_skills').values(batch).execute();
    return { organisations: fresh.length, slots: slots.length };
  });
}

// ---- candidates --------------------------------------------------------------

const SECOND_LANGUAGE_LEVELS: readonly (readonly [Cefr, number])[] = [
  ['A2', 3],
  ['B1', 3],
  ['B2', 2],
  ['C1', 1],
];

async function seedCandidates(db: Kysely<DB>, ref: Reference, context: { seed: number; today: string; count: number }): Promise<number> {
  const existing = new Set(
    (await db.selectFrom('candidates').select('email').where('email', 'like', `%@${CANDIDATE_EMAIL_DOMAIN}`).execute()).map((row) => row.email),
  );
  const cvrs = (await db.selectFrom('organisations').select('cvr').orderBy('cvr').execute()).map((row) => row.cvr);

  const candidates: NewCandidate[] = [];
  const skills: { candidate_id: string; skill_uri: string; years: number; learned_where: 'denmark' | 'abroad' | 'informal' }[] = [];
  const languages: {
    candidate_id: string;
    code: string;
    spoken: Cefr;
    written: Cefr | null;
    is_mother_tongue: boolean;
    evidence: 'self_reported';
  }[] = [];
  const occupations: { candidate_id: string; occupation_uri: string; years: number }[] = [];
  const employments: { id: string; candidate_id: string; cvr: string; kind: 'ordinary' | 'praktik'; start_date: string; end_date: string }[] = [];

  for (let i = 1; i <= context.count; i++) {
    const email = `cand-${String(i).padStart(5, '0')}@${CANDIDATE_EMAIL_DOMAIN}`;
    if (existing.has(email)) continue;
    const rng = seededRng(context.seed, `candidate-${i}`);
    const municipality = pickMunicipality(rng, ref, true);
    const postal = pickPostalCode(rng, ref, municipality.code);
    const origin = pickOrigin(rng);
    const sectors = [...new Set([pickSector(rng), ...(rng.chance(0.4) ? [pickSector(rng)] : [])])];
    const id = stableUuid(context.seed, 'candidate', i);
    const sectorOccupations = sectors.flatMap((s) => ref.occupationsBySector.get(s) ?? []);
    const ambitions = rng.sample(sectorOccupations, rng.int(0, 2));
    candidates.push(
      buildCandidate(
        rng,
        {
          id,
          jobcentre_id: jobcentreOf(ref, municipality.code),
          email,
          postal_code: postal.code,
          ambition_occupations: ambitions.map((o) => o.uri),
        },
        { today: context.today, origin, sectors },
      ),
    );

    const pool = [...new Set(sectors.flatMap((s) => ref.skillsBySector.get(s) ?? []))];
    for (const uri of rng.sample(pool, rng.int(2, 6))) {
      skills.push({
        candidate_id: id,
        skill_uri: uri,
        years: rng.int(0, 30) / 2,
        learned_where: rng.weighted([
          ['abroad', 6],
          ['denmark', 3],
          ['informal', 2],
        ] as const),
      });
    }
    const motherTongue = rng.weighted(origin.languages);
    // Some people were taught to read in another script or not at all: written level unknown.
    languages.push({
      candidate_id: id,
      code: motherTongue,
      spoken: 'C2',
      written: rng.chance(0.85) ? 'C2' : null,
      is_mother_tongue: true,
      evidence: 'self_reported',
    });
    if (rng.chance(0.4) && motherTongue !== 'en') {
      const level = rng.weighted(SECOND_LANGUAGE_LEVELS);
      languages.push({ candidate_id: id, code: 'en', spoken: level, written: level, is_mother_tongue: false, evidence: 'self_reported' });
    }
    if (motherTongue === 'ku' || motherTongue === 'ps') {
      const second = motherTongue === 'ku' ? 'ar' : 'prs';
      languages.push({
        candidate_id: id,
        code: second,
        spoken: rng.weighted(SECOND_LANGUAGE_LEVELS),
        written: null,
        is_mother_tongue: false,
        evidence: 'self_reported',
      });
    }
    if (sectorOccupations.length > 0 && rng.chance(0.5)) {
      occupations.push({ candidate_id: id, occupation_uri: rng.pick(sectorOccupations).uri, years: rng.int(1, 20) / 2 });
    }
    // A few had a job or praktik at a demo employer recently: IGU's three-month rule then has something to find.
    if (cvrs.length > 0 && rng.chance(0.08)) {
      const end = addDays(context.today, -rng.int(10, 300));
      employments.push({
        id: stableUuid(context.seed, 'employment', i),
        candidate_id: id,
        cvr: rng.pick(cvrs),
        kind: rng.chance(0.5) ? 'ordinary' : 'praktik',
        start_date: addDays(end, -rng.int(28, 180)),
        end_date: end,
      });
    }
  }

  await db.transaction().execute(async (trx) => {
    for (const batch of chunks(candidates)) await trx.insertInto('candidates').values(batch).execute();
    for (const batch of chunks(skills)) await trx.insertInto('candidate_skills').values(batch).execute();
    for (const batch of chunks(languages)) await trx.insertInto('candidate_languages').values(batch).execute();
    for (const batch of chunks(occupations)) await trx.insertInto('candidate_occupations').values(batch).execute();
    for (const batch of chunks(employments)) await trx.insertInto('candidate_employments').values(batch).execute();
  });
  return candidates.length;
}
