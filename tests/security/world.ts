/**
 * Two tenants for the security suites. Tenant A: jobcentre Aabenraa, an
 * employer with a workplace there, its slots, candidates, proposals, a
 * placement, a cohort, invitations and an API key. Tenant B: the same in
 * Aarhus, in another jobcentre network. Every URL the suites build names
 * A's rows; B's actors must not reach them, and every name that belongs to
 * one tenant is a marker that must not turn up in the other tenant's
 * responses.
 */
import type { Kysely } from 'kysely';
import type { AppServices } from '../../app/services.server.js';
import { createApiKey } from '../../app/employers/api-keys.server.js';
import { inviteColleague } from '../../app/employers/organisations.server.js';
import { inviteCandidate } from '../../app/candidates/invite.server.js';
import { newestMailedLink } from '../setup/mailbox.js';
import { requestPasswordReset } from '../../app/auth/account-recovery.server.js';
import { getTaxonomy } from '../../app/taxonomy/taxonomy.js';
import { addDays } from '../../app/lib/dates.js';
import type { DB, Role } from '../../db/schema.js';
import {
  buildCandidate,
  buildOrganisation,
  buildSlot,
  buildUser,
  buildWorkplace,
  ensureJobcentre,
  insertCandidate,
  insertOrganisation,
  insertSlot,
  insertUser,
  insertWorkplace,
} from '../../db/seed/factories.js';
import { loadReferenceData } from '../../db/seed/load-reference.js';
import { loadTaxonomy } from '../../db/seed/load-taxonomy.js';
import { seededRng } from '../../db/seed/random.js';

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

export type World = {
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

async function tenant(db: Kysely<DB>, services: AppServices, t: Tenant, today: string) {
  const rng = seededRng(t === 'A' ? 11 : 12, 'security-world');
  const municipality = t === 'A' ? '580' : '751';
  const neighbour = t === 'A' ? '540' : '730';
  const postalCode = t === 'A' ? '6200' : '8000';
  const word = t === 'A' ? 'Alfa' : 'Beta';
  const jobcentre = await ensureJobcentre(db, municipality);
  const other = await ensureJobcentre(db, neighbour);
  const network = await db
    .insertInto('jobcentre_networks')
    .values({ name: `Netværk ${word}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('jobcentre_network_members')
    .values([
      { network_id: network.id, jobcentre_id: jobcentre.id },
      { network_id: network.id, jobcentre_id: other.id },
    ])
    .execute();

  const organisation = await insertOrganisation(
    db,
    buildOrganisation(rng, {
      name: `Firma${word}tenant ApS`,
      sector: 'kitchen',
      status: 'verified',
      contact_email: `kontakt@firma${word.toLowerCase()}.dk`,
    }),
  );
  const workplace = await insertWorkplace(
    db,
    buildWorkplace(rng, {
      organisation_id: organisation.id,
      postal_code: postalCode,
      ordinary_employees_fte: 40,
      ordinary_employees_fte_12m_ago: 38,
    }),
  );
  const skill = getTaxonomy().skills[0]!.uri;
  const slotOf = async (title: string, status: 'published' | 'draft') => {
    const slot = await insertSlot(
      db,
      buildSlot(
        rng,
        {
          organisation_id: organisation.id,
          workplace_id: workplace.id,
          type: 'praktik',
          status,
          title,
          weeks: 8,
          hours_per_week: 25,
          danish_spoken: null,
          danish_written: null,
          danish_within_months: null,
          start_date: addDays(today, 30),
          positions: 3,
        },
        { today },
      ),
    );
    await db.insertInto('slot_skills').values({ slot_id: slot.id, skill_uri: skill, required: true }).execute();
    return slot;
  };
  const slot = await slotOf(`Opvasker${word}`, 'published');
  const draft = await slotOf(`Kladde${word}hemmelig`, 'draft');
  // For the API's publish and close: changing it disturbs no other check.
  const spare = await slotOf(`Reserve${word}`, 'draft');

  const user = (role: Role, name: string, extra: { organisation_id?: string; jobcentre_id?: string } = {}) =>
    insertUser(db, buildUser(rng, { role, display_name: name, email: `${name.toLowerCase().replace(/\s+/g, '.')}@test.jobbro.dk`, ...extra }));
  const employer = await user('employer', `Arbejdsgiver ${word}`, { organisation_id: organisation.id });
  const consultant = await user('consultant', `Konsulent ${word}`, { jobcentre_id: jobcentre.id });
  const candidateName = `Kandidat${word}person Selv`;
  const candidateUser = await user('candidate', candidateName);
  const candidateRow = (full_name: string, email: string, user_id: string | null) =>
    insertCandidate(
      db,
      buildCandidate(
        rng,
        {
          jobcentre_id: jobcentre.id,
          user_id,
          full_name,
          email,
          status: 'active',
          confirmed_at: new Date(`${addDays(today, -30)}T10:00:00Z`),
          postal_code: postalCode,
          birth_date: addDays(today, -30 * 365),
          arrival_date: addDays(today, -3 * 365),
          residence_basis: 'refugee',
          max_travel_km: 25,
          available_from: addDays(today, 7),
          danish_spoken: 'A2',
          danish_written: 'A2',
        },
        { today },
      ),
    );
  const candidate = await candidateRow(candidateName, candidateUser.email, candidateUser.id);
  const second = await candidateRow(`Anden${word}kandidat Person`, `anden.${word.toLowerCase()}@example.org`, null);
  for (const person of [candidate, second]) {
    await db.insertInto('candidate_skills').values({ candidate_id: person.id, skill_uri: skill, years: 2, learned_where: 'abroad' }).execute();
  }

  const proposal = await db
    .insertInto('match_proposals')
    .values({
      slot_id: slot.id,
      candidate_id: candidate.id,
      source: 'matcher',
      score: 80,
      components: JSON.stringify({ skills: 80 }),
      reasons: JSON.stringify([]),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const approved = await db
    .insertInto('match_proposals')
    .values({
      slot_id: slot.id,
      candidate_id: second.id,
      source: 'matcher',
      score: 70,
      components: JSON.stringify({ skills: 70 }),
      reasons: JSON.stringify([]),
      status: 'approved',
      decided_by: consultant.id,
      decided_at: new Date(`${addDays(today, -2)}T10:00:00Z`),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const placement = await db
    .insertInto('placements')
    .values({
      proposal_id: approved.id,
      slot_id: slot.id,
      candidate_id: second.id,
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

  const actorA = { organisationId: organisation.id, userId: employer.id };
  const key = await createApiKey({ db }, actorA, { name: `Nøgle ${word}` });
  // For the revoke form: revoking it leaves the key the suites authenticate with.
  const spareKey = await createApiKey({ db }, actorA, { name: `Reservenøgle ${word}` });
  const colleagueEmail = `kollega.${word.toLowerCase()}@firma.dk`;
  await inviteColleague({ db, clock: services.clock }, actorA, {
    email: colleagueEmail,
  });
  const colleague = await newestMailedLink(db, colleagueEmail, '/employer/invitation/', { now: services.clock() });
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

  return {
    jobcentre,
    network,
    organisation,
    workplace,
    slot,
    draft,
    spare,
    spareKey,
    employer,
    consultant,
    candidateUser,
    candidate,
    second,
    proposal,
    approved,
    placement,
    cohort,
    key,
    colleagueToken: colleague.token,
    invitationToken: token,
    // The reset link belongs to a colleague who is none of the actors: a fuzzed request that does set a
    // new password ends that person's sessions, not those of the employer the other checks sign in as.
    passwordResetToken: (
      await (async () => {
        const colleague = await user('employer', `Kollega ${word} Nulstil`, { organisation_id: organisation.id });
        await requestPasswordReset({ db, clock: services.clock }, { email: colleague.email });
        return newestMailedLink(db, colleague.email, '/reset-password/', { now: services.clock() });
      })()
    ).token,
    freeSkill: (
      await db
        .insertInto('candidate_free_skills')
        .values({ candidate_id: candidate.id, text: `Svejsning ${word}`, lang: 'da' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id,
    candidateMarkers: [candidate.full_name, candidateUser.email, second.full_name, second.email ?? '', `Inviteret${word} Person`],
    organisationMarkers: [organisation.name, draft.title],
    selfMarkers: [candidate.full_name, candidateUser.email],
  };
}

/** Builds both tenants and an admin on a migrated database. */
export async function buildSecurityWorld(services: AppServices): Promise<World> {
  const { db } = services;
  const today = services.clock().toISOString().slice(0, 10);
  await loadReferenceData(db);
  await loadTaxonomy(db, getTaxonomy());
  const a = await tenant(db, services, 'A', today);
  const b = await tenant(db, services, 'B', today);
  const rng = seededRng(13, 'security-world');
  const admin = await insertUser(db, buildUser(rng, { role: 'admin', display_name: 'Admin Person', email: 'admin@test.jobbro.dk' }));
  return {
    refs: {
      slotA: a.slot.id,
      draftSlotA: a.draft.id,
      spareSlotA: a.spare.id,
      spareApiKeyIdA: a.spareKey.key.id,
      slotB: b.slot.id,
      workplaceA: a.workplace.id,
      organisationA: a.organisation.id,
      organisationB: b.organisation.id,
      networkA: a.network.id,
      candidateA: a.candidate.id,
      candidateB: b.candidate.id,
      proposalA: a.proposal.id,
      approvedProposalA: a.approved.id,
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
      invitation: [a.organisation.name, 'InviteretAlfa Person'],
    },
  };
}

/** The markers an actor must never see: other people's candidates, other companies' drafts, and for employers the other company. */
export function forbiddenMarkers(world: World, actor: Actor): string[] {
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
