/**
 * The one test world: builders for jobcentre networks, employers (an
 * organisation with one workplace), slots, candidates, users, consultants
 * and proposals on top of the seed factories, each with defaults that make a
 * valid row and options for what a test varies; and the three scenarios the
 * suites share, built from those builders:
 * - `buildConsultantWorld`: four jobcentres (Aabenraa, Sønderborg and
 *   Haderslev in one network; Odense outside it) and a consultant in three;
 *   tests add employers, slots, candidates and proposals as they need them.
 * - `buildMatchingWorld`: one employer in Aabenraa with an IGU, a praktik and
 *   a draft slot, and one candidate per hard rule who fails only that rule.
 * - `buildSecurityWorld`: two tenants (Aabenraa and Aarhus, in different
 *   networks) with every row a URL can name, their actors and the names each
 *   actor must never see.
 * Test-only: imported by *.test.ts files and test harnesses.
 */
import type { Kysely } from 'kysely';
import type { AppServices } from '../../app/services.server.js';
import type { ConsultantUser } from '../../app/consultants/consultant.js';
import { createApiKey } from '../../app/employers/api-keys.server.js';
import { inviteColleague } from '../../app/employers/organisations.server.js';
import { inviteCandidate } from '../../app/candidates/invite.server.js';
import { requestPasswordReset } from '../../app/auth/account-recovery.server.js';
import { getTaxonomy } from '../../app/taxonomy/taxonomy.js';
import { addDays } from '../../app/lib/dates.js';
import type { Cefr, DB, Role } from '../../db/schema.js';
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
  type NewUser,
} from '../../db/seed/factories.js';
import { loadReferenceData } from '../../db/seed/load-reference.js';
import { loadTaxonomy } from '../../db/seed/load-taxonomy.js';
import { seededRng, type Rng } from '../../db/seed/random.js';
import { newestMailedLink } from './mailbox.js';

// ---- builders ------------------------------------------------------------------

/**
 * What every builder writes with: the database, the generator for the fields a test leaves open, and the world's day.
 * `identifiersFirst`: an employer's CVR and P-number are drawn before the rest of its rows, as the consultant suites'
 * world always did, so the random fields their assertions were written against stay the same.
 */
export type WorldContext = { db: Kysely<DB>; rng: Rng; today: string; identifiersFirst?: boolean };

export type Employer = { organisationId: string; workplaceId: string; cvr: string; name: string };

export type EmployerOptions = {
  status?: 'unverified' | 'verified' | 'suspended';
  sector?: string;
  isPrivate?: boolean;
  name?: string;
  contactEmail?: string;
  postalCode?: string;
  fte?: number;
  fte12mAgo?: number;
};

export type SkillRequirement = { uri: string; required: boolean };
export type CandidateSkill = { uri: string; years: number | null; learnedWhere: 'abroad' | 'denmark' | null };
export type CandidateLanguage = { code: string; spoken: Cefr; written: Cefr; isMotherTongue: boolean };

/** A network of the given jobcentres. */
export async function addNetwork(db: Kysely<DB>, name: string, jobcentreIds: readonly string[]): Promise<{ id: string }> {
  const network = await db.insertInto('jobcentre_networks').values({ name }).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('jobcentre_network_members')
    .values(jobcentreIds.map((id) => ({ network_id: network.id, jobcentre_id: id })))
    .execute();
  return network;
}

/** A verified private kitchen employer with 20 ordinary employees and one workplace in 6200 Aabenraa, unless told otherwise. */
export async function addEmployer(world: WorldContext, options: EmployerOptions = {}): Promise<Employer> {
  const cvr = world.identifiersFirst ? generateCvr(world.rng) : undefined;
  const organisation = await insertOrganisation(
    world.db,
    buildOrganisation(world.rng, {
      ...(cvr === undefined ? {} : { cvr }),
      status: options.status ?? 'verified',
      sector: options.sector ?? 'kitchen',
      is_private: options.isPrivate ?? true,
      ...(options.name === undefined ? {} : { name: options.name }),
      ...(options.contactEmail === undefined ? {} : { contact_email: options.contactEmail }),
    }),
  );
  const pNumber = world.identifiersFirst ? generatePNumber(world.rng) : undefined;
  const workplace = await insertWorkplace(
    world.db,
    buildWorkplace(world.rng, {
      ...(pNumber === undefined ? {} : { p_number: pNumber }),
      organisation_id: organisation.id,
      postal_code: options.postalCode ?? '6200',
      ordinary_employees_fte: options.fte ?? 20,
      ...(options.fte12mAgo === undefined ? {} : { ordinary_employees_fte_12m_ago: options.fte12mAgo }),
    }),
  );
  return { organisationId: organisation.id, workplaceId: workplace.id, cvr: organisation.cvr, name: organisation.name };
}

/**
 * A published kitchen slot of the employer starting 30 days after the world's day; a praktik of 8 weeks at
 * 25 hours unless the type or terms are given (another type gets its scheme's terms from the factory).
 */
export async function addSlot(
  world: WorldContext,
  employer: { organisationId: string; workplaceId: string },
  overrides: Partial<NewSlot> = {},
  options: { skills?: readonly SkillRequirement[] } = {},
): Promise<string> {
  const type = overrides.type ?? 'praktik';
  const slot = await insertSlot(
    world.db,
    buildSlot(
      world.rng,
      {
        organisation_id: employer.organisationId,
        workplace_id: employer.workplaceId,
        type,
        status: 'published',
        sector: 'kitchen',
        start_date: addDays(world.today, 30),
        ...(type === 'praktik' ? { weeks: 8, hours_per_week: 25 } : {}),
        pooled_network_id: null,
        ...overrides,
      },
      { today: world.today },
    ),
  );
  if (options.skills && options.skills.length > 0) {
    await world.db
      .insertInto('slot_skills')
      .values(options.skills.map((skill) => ({ slot_id: slot.id, skill_uri: skill.uri, required: skill.required })))
      .execute();
  }
  return slot.id;
}

/** An active (confirmed) refugee candidate in 6200 who passes every IGU rule on 2026-04-01, unless overridden. */
export async function addCandidate(
  world: WorldContext,
  jobcentreId: string,
  overrides: Partial<NewCandidate> = {},
  options: { skills?: readonly CandidateSkill[]; languages?: readonly CandidateLanguage[] } = {},
): Promise<string> {
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
      { today: world.today },
    ),
  );
  if (options.skills && options.skills.length > 0) {
    await world.db
      .insertInto('candidate_skills')
      .values(
        options.skills.map((skill) => ({ candidate_id: candidate.id, skill_uri: skill.uri, years: skill.years, learned_where: skill.learnedWhere })),
      )
      .execute();
  }
  if (options.languages && options.languages.length > 0) {
    await world.db
      .insertInto('candidate_languages')
      .values(
        options.languages.map((language) => ({
          candidate_id: candidate.id,
          code: language.code,
          spoken: language.spoken,
          written: language.written,
          is_mother_tongue: language.isMotherTongue,
        })),
      )
      .execute();
  }
  return candidate.id;
}

/** A user of the role with a generated name and e-mail, unless given. */
export async function addUser(world: WorldContext, role: Role, overrides: Partial<NewUser> = {}): Promise<{ id: string; email: string }> {
  const user = await insertUser(world.db, buildUser(world.rng, { role, ...overrides }));
  return { id: user.id, email: user.email };
}

export async function addConsultant(world: WorldContext, jobcentreId: string, overrides: Partial<NewUser> = {}): Promise<ConsultantUser> {
  const user = await addUser(world, 'consultant', { jobcentre_id: jobcentreId, ...overrides });
  return { id: user.id, role: 'consultant', jobcentreId };
}

export type ProposalOptions = {
  score?: number;
  source?: 'matcher' | 'interest';
  status?: 'proposed' | 'approved';
  components?: Record<string, number>;
  reasons?: string[];
  decidedBy?: string | null;
  /** When an approved proposal was decided; 08:00 on the world's day unless given. */
  decidedAt?: Date;
};

/** A matcher proposal of the candidate for the slot (status 'proposed' unless told). */
export async function addProposal(world: WorldContext, slotId: string, candidateId: string, options: ProposalOptions = {}): Promise<string> {
  const approved = options.status === 'approved';
  const row = await world.db
    .insertInto('match_proposals')
    .values({
      slot_id: slotId,
      candidate_id: candidateId,
      source: options.source ?? 'matcher',
      score: options.score ?? 0.7,
      components: JSON.stringify(options.components ?? { skills: 0.8, danish: 0.6, distance: 0.9 }),
      reasons: JSON.stringify(options.reasons ?? ['skills_match']),
      status: options.status ?? 'proposed',
      ...(options.decidedBy === undefined ? {} : { decided_by: options.decidedBy }),
      decided_at: approved ? (options.decidedAt ?? new Date(`${world.today}T08:00:00Z`)) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

// ---- the consultant world ----------------------------------------------------------

export const CONSULTANT_TODAY = '2026-03-02';
export const consultantClock = () => new Date(`${CONSULTANT_TODAY}T09:00:00Z`);

export type ConsultantWorld = WorldContext & {
  jobcentres: { aabenraa: string; soenderborg: string; haderslev: string; odense: string };
  networkId: string;
  consultants: { aabenraa: ConsultantUser; soenderborg: ConsultantUser; odense: ConsultantUser };
};

export async function buildConsultantWorld(db: Kysely<DB>, seed = 7): Promise<ConsultantWorld> {
  const context: WorldContext = { db, rng: seededRng(seed, 'consultant-tests'), today: CONSULTANT_TODAY, identifiersFirst: true };
  await loadReferenceData(db);
  const jobcentres = {
    aabenraa: (await ensureJobcentre(db, '580')).id,
    soenderborg: (await ensureJobcentre(db, '540')).id,
    haderslev: (await ensureJobcentre(db, '510')).id,
    odense: (await ensureJobcentre(db, '461')).id,
  };
  const network = await addNetwork(db, `Syd ${seed}`, [jobcentres.aabenraa, jobcentres.soenderborg, jobcentres.haderslev]);
  return {
    ...context,
    jobcentres,
    networkId: network.id,
    consultants: {
      aabenraa: await addConsultant(context, jobcentres.aabenraa),
      soenderborg: await addConsultant(context, jobcentres.soenderborg),
      odense: await addConsultant(context, jobcentres.odense),
    },
  };
}

// ---- the matching world ------------------------------------------------------------

const MATCHING_TODAY = '2026-03-01';

/**
 * A small world in Aabenraa: one IGU slot and one praktik slot (and a draft), and one candidate per hard
 * rule who fails only that rule. Sønderborg (≈ 18 km away) has its own jobcentre; both are in one network.
 */
export async function buildMatchingWorld(db: Kysely<DB>) {
  await loadReferenceData(db);
  await loadTaxonomy(db, getTaxonomy());
  const [dish, hygiene, floors] = getTaxonomy().skills.map((skill) => skill.uri);
  const aabenraa = await ensureJobcentre(db, '580');
  const soenderborg = await ensureJobcentre(db, '540');
  const aarhus = await ensureJobcentre(db, '751');
  const network = await addNetwork(db, 'Test network', [aabenraa.id, soenderborg.id]);

  const context: WorldContext = { db, rng: seededRng(7, 'retrieval-test'), today: MATCHING_TODAY };
  const employer = await addEmployer(context);
  const slotSkills = [
    { uri: dish!, required: true },
    { uri: hygiene!, required: true },
    { uri: floors!, required: false },
  ];
  const noDanish = { danish_spoken: null, danish_written: null, danish_within_months: null };
  const slotOf = async (overrides: Partial<NewSlot>) => {
    const id = await addSlot(context, employer, { sector: null, start_date: '2026-04-01', ...overrides }, { skills: slotSkills });
    return db.selectFrom('slots').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  };
  const igu = await slotOf({ type: 'igu', title: 'Køkkenmedhjælper', ...noDanish, danish_spoken: 'A2' });
  const praktik = await slotOf({ type: 'praktik', title: 'Opvasker', ...noDanish });
  const draft = await slotOf({ type: 'praktik', status: 'draft' });

  const person = async (overrides: Partial<NewCandidate>) => {
    const id = await addCandidate(
      context,
      aabenraa.id,
      {
        birth_date: '1992-05-05',
        arrival_date: '2023-01-10',
        max_travel_km: 25,
        available_from: '2026-03-15',
        danish_spoken: 'A2',
        danish_written: 'A2',
        waiting_since: '2026-01-01',
        ...overrides,
      },
      {
        skills: [
          { uri: dish!, years: 2, learnedWhere: 'abroad' },
          { uri: hygiene!, years: null, learnedWhere: null },
        ],
        languages: [{ code: 'ar', spoken: 'C2', written: 'C1', isMotherTongue: true }],
      },
    );
    return db.selectFrom('candidates').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  };
  const people = {
    ok: await person({ full_name: 'Amina Okay', email: 'amina@example.org', nationality: 'SY', gender: 'female' }),
    tooOld: await person({ full_name: 'Omar Older', birth_date: '1970-01-01' }),
    late: await person({ full_name: 'Lina Later', available_from: '2026-05-01' }),
    far: await person({ full_name: 'Farid Faraway', postal_code: '8000', jobcentre_id: aarhus.id }),
    neighbour: await person({ full_name: 'Nadia Neighbour', postal_code: '6400', jobcentre_id: soenderborg.id }),
    noDanish: await person({ full_name: 'Nour Nodanish', danish_spoken: null, danish_written: null }),
    pending: await person({ full_name: 'Paul Pending', status: 'pending', confirmed_at: null }),
  };
  return {
    ...context,
    employer,
    skills: { dish: dish!, hygiene: hygiene!, floors: floors! },
    jobcentres: { aabenraa, soenderborg, aarhus },
    network,
    slots: { igu, praktik, draft },
    people,
  };
}

export type MatchingWorld = Awaited<ReturnType<typeof buildMatchingWorld>>;

/** `count` more published slots of the matching world's employer, starting 2026-04-01 (for tests that need many index changes). */
export async function insertPublishedSlots(
  db: Kysely<DB>,
  world: MatchingWorld,
  count: number,
  rngLabel: string,
  seed: number,
): Promise<{ id: string }[]> {
  const context: WorldContext = { db, rng: seededRng(seed, rngLabel), today: MATCHING_TODAY };
  const slots: { id: string }[] = [];
  for (let i = 0; i < count; i += 1) slots.push({ id: await addSlot(context, world.employer, { sector: null, start_date: '2026-04-01' }) });
  return slots;
}

// ---- the security world ------------------------------------------------------------

export type Tenant = 'A' | 'B';

export type ActorName =
  'anonymous' | 'candidateA' | 'candidateB' | 'employerA' | 'employerB' | 'consultantA' | 'consultantB' | 'admin' | 'apiKeyA' | 'apiKeyB';

export type Actor =
  | { name: 'anonymous'; kind: 'anonymous' }
  | { name: ActorName; kind: 'user'; role: Role; tenant: Tenant | null; userId: string }
  | { name: ActorName; kind: 'apiKey'; tenant: Tenant; secret: string };

/** The rows a URL or form may name; all belong to tenant A unless the name says B. */
export type WorldRefs = {
  slotA: string;
  draftSlotA: string;
  spareSlotA: string;
  spareApiKeyIdA: string;
  slotB: string;
  workplaceA: string;
  organisationA: string;
  organisationB: string;
  networkA: string;
  candidateA: string;
  candidateB: string;
  proposalA: string;
  approvedProposalA: string;
  placementA: string;
  cohortA: string;
  apiKeyIdA: string;
  candidateInvitationTokenA: string;
  colleagueInvitationTokenA: string;
  /** A password reset link of tenant A's employer (its token is the credential). */
  passwordResetTokenA: string;
  /** A skill in candidate A's own words, waiting for a consultant. */
  freeSkillA: string;
  skill: string;
  today: string;
};

export type SecurityWorld = {
  refs: WorldRefs;
  actors: Record<ActorName, Actor>;
  /** Names and titles only the tenant (and the admin) may see. */
  markers: {
    /** Candidates' names and e-mails: the candidate, their jobcentre's consultants and the admin. */
    candidates: Record<Tenant, string[]>;
    /** The employer's company name and draft title: its own people and keys. */
    organisation: Record<Tenant, string[]>;
    /** What tenant A's invitation links show to whoever holds them. */
    invitation: string[];
    /** The signed-in candidate's own name and e-mail. */
    self: Record<Tenant, string[]>;
  };
};

async function tenant(services: AppServices, t: Tenant, today: string) {
  const { db } = services;
  const world: WorldContext = { db, rng: seededRng(t === 'A' ? 11 : 12, 'security-world'), today };
  const municipality = t === 'A' ? '580' : '751';
  const neighbour = t === 'A' ? '540' : '730';
  const postalCode = t === 'A' ? '6200' : '8000';
  const word = t === 'A' ? 'Alfa' : 'Beta';
  const jobcentre = await ensureJobcentre(db, municipality);
  const other = await ensureJobcentre(db, neighbour);
  const network = await addNetwork(db, `Netværk ${word}`, [jobcentre.id, other.id]);

  const employerRows = await addEmployer(world, {
    name: `Firma${word}tenant ApS`,
    contactEmail: `kontakt@firma${word.toLowerCase()}.dk`,
    postalCode,
    fte: 40,
    fte12mAgo: 38,
  });
  const skill = getTaxonomy().skills[0]!.uri;
  const slotOf = (title: string, status: 'published' | 'draft') =>
    addSlot(
      world,
      employerRows,
      { status, title, sector: null, danish_spoken: null, danish_written: null, danish_within_months: null, positions: 3 },
      { skills: [{ uri: skill, required: true }] },
    );
  const slot = await slotOf(`Opvasker${word}`, 'published');
  const draftTitle = `Kladde${word}hemmelig`;
  const draft = await slotOf(draftTitle, 'draft');
  // For the API's publish and close: changing it disturbs no other check.
  const spare = await slotOf(`Reserve${word}`, 'draft');

  const user = (role: Role, name: string, extra: { organisation_id?: string; jobcentre_id?: string } = {}) =>
    addUser(world, role, { display_name: name, email: `${name.toLowerCase().replace(/\s+/g, '.')}@test.jobbro.dk`, ...extra });
  const employer = await user('employer', `Arbejdsgiver ${word}`, { organisation_id: employerRows.organisationId });
  const consultant = await user('consultant', `Konsulent ${word}`, { jobcentre_id: jobcentre.id });
  const candidateName = `Kandidat${word}person Selv`;
  const candidateUser = await user('candidate', candidateName);
  const candidateOf = (full_name: string, email: string, user_id: string | null) =>
    addCandidate(
      world,
      jobcentre.id,
      {
        user_id,
        full_name,
        email,
        confirmed_at: new Date(`${addDays(today, -30)}T10:00:00Z`),
        postal_code: postalCode,
        birth_date: addDays(today, -30 * 365),
        arrival_date: addDays(today, -3 * 365),
        max_travel_km: 25,
        available_from: addDays(today, 7),
        danish_spoken: 'A2',
        danish_written: 'A2',
      },
      { skills: [{ uri: skill, years: 2, learnedWhere: 'abroad' }] },
    );
  const secondName = `Anden${word}kandidat Person`;
  const secondEmail = `anden.${word.toLowerCase()}@example.org`;
  const candidate = await candidateOf(candidateName, candidateUser.email, candidateUser.id);
  const second = await candidateOf(secondName, secondEmail, null);

  const proposal = await addProposal(world, slot, candidate, { score: 80, components: { skills: 80 }, reasons: [] });
  const approved = await addProposal(world, slot, second, {
    score: 70,
    components: { skills: 70 },
    reasons: [],
    status: 'approved',
    decidedBy: consultant.id,
    decidedAt: new Date(`${addDays(today, -2)}T10:00:00Z`),
  });
  const placement = await db
    .insertInto('placements')
    .values({
      proposal_id: approved,
      slot_id: slot,
      candidate_id: second,
      type: 'praktik',
      start_date: addDays(today, 30),
      end_date: addDays(today, 86),
      created_by: consultant.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const cohort = await db
    .insertInto('cohorts')
    .values({
      network_id: network.id,
      sector: 'kitchen',
      title: `Branchepakke ${word}`,
      course_start: addDays(today, 40),
      course_end: addDays(today, 80),
      seats: 10,
      created_by: consultant.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  // Read the clock at each delivery: a mail queued after an earlier reading is not due at it.
  const now = () => ({ now: services.clock() });
  const actorA = { organisationId: employerRows.organisationId, userId: employer.id };
  const key = await createApiKey({ db }, actorA, { name: `Nøgle ${word}` });
  // For the revoke form: revoking it leaves the key the suites authenticate with.
  const spareKey = await createApiKey({ db }, actorA, { name: `Reservenøgle ${word}` });
  const colleagueEmail = `kollega.${word.toLowerCase()}@firma.dk`;
  await inviteColleague({ db, clock: services.clock }, actorA, { email: colleagueEmail });
  const colleague = await newestMailedLink(db, colleagueEmail, '/employer/invitation/', now());
  const invitation = await inviteCandidate(
    { db, clock: services.clock, baseUrl: 'http://localhost' },
    { id: consultant.id, role: 'consultant', jobcentreId: jobcentre.id },
    {
      fullName: `Inviteret${word} Person`,
      email: `inviteret.${word.toLowerCase()}@example.org`,
      birthDate: addDays(today, -28 * 365),
      arrivalDate: addDays(today, -2 * 365),
      residenceBasis: 'refugee',
      postalCode,
      locale: 'da',
    },
  );
  const token = new URL(invitation.link).pathname.split('/').pop() ?? '';
  // The reset link belongs to a colleague who is none of the actors: a fuzzed request that does set a
  // new password ends that person's sessions, not those of the employer the other checks sign in as.
  const resetColleague = await user('employer', `Kollega ${word} Nulstil`, { organisation_id: employerRows.organisationId });
  await requestPasswordReset({ db, clock: services.clock }, { email: resetColleague.email });
  const reset = await newestMailedLink(db, resetColleague.email, '/reset-password/', now());
  const freeSkill = await db
    .insertInto('candidate_free_skills')
    .values({ candidate_id: candidate, text: `Svejsning ${word}`, lang: 'da' })
    .returning('id')
    .executeTakeFirstOrThrow();

  return {
    network,
    employerRows,
    slot,
    draft,
    spare,
    spareKey,
    employer,
    consultant,
    candidateUser,
    candidate,
    proposal,
    approved,
    placement,
    cohort,
    key,
    colleagueToken: colleague.token,
    invitationToken: token,
    passwordResetToken: reset.token,
    freeSkill: freeSkill.id,
    candidateMarkers: [candidateName, candidateUser.email, secondName, secondEmail, `Inviteret${word} Person`],
    organisationMarkers: [employerRows.name, draftTitle],
    selfMarkers: [candidateName, candidateUser.email],
  };
}

/** Builds both tenants and an admin on a migrated database. */
export async function buildSecurityWorld(services: AppServices): Promise<SecurityWorld> {
  const { db } = services;
  const today = services.clock().toISOString().slice(0, 10);
  await loadReferenceData(db);
  await loadTaxonomy(db, getTaxonomy());
  const a = await tenant(services, 'A', today);
  const b = await tenant(services, 'B', today);
  const admin = await addUser({ db, rng: seededRng(13, 'security-world'), today }, 'admin', {
    display_name: 'Admin Person',
    email: 'admin@test.jobbro.dk',
  });
  return {
    refs: {
      slotA: a.slot,
      draftSlotA: a.draft,
      spareSlotA: a.spare,
      spareApiKeyIdA: a.spareKey.key.id,
      slotB: b.slot,
      workplaceA: a.employerRows.workplaceId,
      organisationA: a.employerRows.organisationId,
      organisationB: b.employerRows.organisationId,
      networkA: a.network.id,
      candidateA: a.candidate,
      candidateB: b.candidate,
      proposalA: a.proposal,
      approvedProposalA: a.approved,
      placementA: a.placement.id,
      cohortA: a.cohort.id,
      apiKeyIdA: a.key.key.id,
      candidateInvitationTokenA: a.invitationToken,
      colleagueInvitationTokenA: a.colleagueToken,
      passwordResetTokenA: a.passwordResetToken,
      freeSkillA: a.freeSkill,
      skill: getTaxonomy().skills[0]!.uri,
      today,
    },
    actors: {
      anonymous: { name: 'anonymous', kind: 'anonymous' },
      candidateA: { name: 'candidateA', kind: 'user', role: 'candidate', tenant: 'A', userId: a.candidateUser.id },
      candidateB: { name: 'candidateB', kind: 'user', role: 'candidate', tenant: 'B', userId: b.candidateUser.id },
      employerA: { name: 'employerA', kind: 'user', role: 'employer', tenant: 'A', userId: a.employer.id },
      employerB: { name: 'employerB', kind: 'user', role: 'employer', tenant: 'B', userId: b.employer.id },
      consultantA: { name: 'consultantA', kind: 'user', role: 'consultant', tenant: 'A', userId: a.consultant.id },
      consultantB: { name: 'consultantB', kind: 'user', role: 'consultant', tenant: 'B', userId: b.consultant.id },
      admin: { name: 'admin', kind: 'user', role: 'admin', tenant: null, userId: admin.id },
      apiKeyA: { name: 'apiKeyA', kind: 'apiKey', tenant: 'A', secret: a.key.secret },
      apiKeyB: { name: 'apiKeyB', kind: 'apiKey', tenant: 'B', secret: b.key.secret },
    },
    markers: {
      candidates: { A: a.candidateMarkers.filter(Boolean), B: b.candidateMarkers.filter(Boolean) },
      organisation: { A: a.organisationMarkers, B: b.organisationMarkers },
      self: { A: a.selfMarkers, B: b.selfMarkers },
      invitation: [a.employerRows.name, 'InviteretAlfa Person'],
    },
  };
}

/** The markers an actor must never see: other people's candidates, other companies' drafts, and for employers the other company. */
export function forbiddenMarkers(world: SecurityWorld, actor: Actor): string[] {
  if (actor.kind === 'user' && actor.role === 'admin') return [];
  const all = (record: Record<Tenant, string[]>) => [...record.A, ...record.B];
  const drafts = [world.markers.organisation.A[1]!, world.markers.organisation.B[1]!];
  if (actor.kind === 'anonymous') return [...all(world.markers.candidates), ...drafts];
  const other: Tenant = actor.tenant === 'A' ? 'B' : 'A';
  // Candidates have shared nothing with any employer in this world.
  if (actor.kind === 'apiKey' || actor.role === 'employer') return [...all(world.markers.candidates), ...world.markers.organisation[other]];
  if (actor.role === 'consultant') return [...world.markers.candidates[other], ...drafts];
  const own = world.markers.self[actor.tenant ?? 'A'];
  return [...all(world.markers.candidates).filter((marker) => !own.includes(marker)), ...drafts];
}
