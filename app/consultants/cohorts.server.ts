/**
 * Network cohorts: a network of jobcentres (e.g. Haderslev, Sønderborg,
 * Aabenraa and Tønder) runs a cohort for a branchepakke or course; pooled
 * candidates from every member municipality are matched to it, and each
 * home jobcentre approves (or rejects) only its own candidates.
 */
import type { Kysely } from 'kysely';
import {
  findCohort,
  selectSkillsOfCohortMembers,
  insertCohort,
  insertPooledCandidates,
  selectCohortMembers,
  selectCohortsOfNetworks,
  selectNetworksOf,
  updateCohortMembers,
  type CohortMemberRow,
  type CohortRow,
} from '../../db/queries/cohorts.js';
import type { Executor } from '../../db/client.server.js';
import type { Cefr, DB, RejectReason } from '../../db/schema.js';
import { danishDateOf } from '../privacy/deadline.js';
import { getTaxonomy } from '../taxonomy/taxonomy.js';
import { cohortScore } from './cohort-score.js';
import { Conflict, Forbidden, InvalidInput, NotFound, RuleViolation } from '../lib/errors.js';
import { asConsultant, type ConsultantUser } from './consultant.js';

export type CohortDeps = { db: Kysely<DB>; clock: () => Date };

/**
 * One pooled candidate as a consultant of the network sees them. The network
 * shares what the cohort needs — skills, Danish level, the fit score, the
 * home jobcentre and the decision — so every partner sees whom the pool
 * proposes; the name and the record's id stay with the home jobcentre, and
 * no CPR or contact detail is ever part of it (docs/domain.md, privacy).
 */
export type CohortMemberView = {
  /** Stable within the page: the candidate id for the own jobcentre's members, else a position in the cohort. */
  key: string;
  own: boolean;
  /** null for another jobcentre's candidate. */
  candidateId: string | null;
  /** null for another jobcentre's candidate. */
  name: string | null;
  jobcentreName: string;
  status: CohortMemberRow['status'];
  rejectReason: RejectReason | null;
  danishSpoken: Cefr | null;
  danishWritten: Cefr | null;
  /** Most years first. */
  skills: Array<{ uri: string; years: number | null }>;
  /** Fit to the cohort, 0–100 (cohort-score.ts). */
  score: number;
};

export type CohortOverview = {
  networks: Array<{ id: string; name: string }>;
  cohorts: Array<CohortRow & { members: CohortMemberView[] }>;
};

const skillSectors = (uri: string): readonly string[] => getTaxonomy().skillByUri.get(uri)?.sectors ?? [];

/** The cohorts of the consultant's networks, each member with skills, Danish and score; best fit first. */
export async function loadCohorts(deps: CohortDeps, user: ConsultantUser): Promise<CohortOverview> {
  const consultant = asConsultant(user);
  const today = danishDateOf(deps.clock());
  const networks = await selectNetworksOf(deps.db, consultant.jobcentreId);
  const cohorts = await selectCohortsOfNetworks(
    deps.db,
    networks.map((n) => n.id),
  );
  const cohortIds = cohorts.map((c) => c.id);
  const [members, skillRows] = await Promise.all([selectCohortMembers(deps.db, cohortIds), selectSkillsOfCohortMembers(deps.db, cohortIds)]);
  const skillsOf = new Map<string, Array<{ uri: string; years: number | null }>>();
  for (const row of skillRows) {
    const list = skillsOf.get(row.candidate_id) ?? [];
    list.push({ uri: row.skill_uri, years: row.years });
    skillsOf.set(row.candidate_id, list);
  }
  return {
    networks,
    cohorts: cohorts.map((cohort) => {
      const views = members
        .filter((m) => m.cohort_id === cohort.id)
        .map((m) => {
          const own = m.jobcentre_id === consultant.jobcentreId;
          const skills = skillsOf.get(m.candidate_id) ?? [];
          return {
            own,
            candidateId: own ? m.candidate_id : null,
            name: own ? m.candidate_name : null,
            jobcentreName: m.jobcentre_name,
            status: m.status,
            rejectReason: m.reject_reason,
            danishSpoken: m.danish_spoken,
            danishWritten: m.danish_written,
            skills,
            score: cohortScore({ sector: cohort.sector, skills, danishSpoken: m.danish_spoken, waitingSince: m.waiting_since, today }, skillSectors),
          };
        })
        // Best fit first; the query's order (jobcentre, name) breaks ties, so the positions below are stable.
        .sort((a, b) => b.score - a.score);
      return { ...cohort, members: views.map((view, index) => ({ key: view.candidateId ?? `pooled-${index + 1}`, ...view })) };
    }),
  };
}

/** @throws Forbidden (not a member of the network), InvalidInput (course ends before it starts). */
export async function createCohort(
  deps: CohortDeps,
  user: ConsultantUser,
  input: { networkId: string; title: string; sector: string; courseStart: string; courseEnd: string; seats: number },
): Promise<string> {
  const consultant = asConsultant(user);
  if (input.courseEnd < input.courseStart) throw new InvalidInput('The course ends before it starts', { courseEnd: ['before the start'] });
  const networks = await selectNetworksOf(deps.db, consultant.jobcentreId);
  if (!networks.some((n) => n.id === input.networkId)) throw new Forbidden('Only members of the network may create its cohorts');
  return insertCohort(deps.db, {
    network_id: input.networkId,
    sector: input.sector,
    title: input.title,
    course_start: input.courseStart,
    course_end: input.courseEnd,
    seats: input.seats,
    created_by: consultant.id,
  });
}

async function cohortOfMyNetwork(db: Executor, jobcentreId: string, cohortId: string): Promise<CohortRow> {
  const cohort = await findCohort(db, cohortId);
  if (!cohort) throw new NotFound('Cohort', cohortId);
  const networks = await selectNetworksOf(db, jobcentreId);
  if (!networks.some((n) => n.id === cohort.network_id)) throw new NotFound('Cohort', cohortId);
  return cohort;
}

/** Adds pooled candidates from every member jobcentre (about two per seat). Returns how many were added. */
export async function matchCohort(deps: CohortDeps, user: ConsultantUser, cohortId: string): Promise<number> {
  const consultant = asConsultant(user);
  return deps.db.transaction().execute(async (trx) => {
    const cohort = await cohortOfMyNetwork(trx, consultant.jobcentreId, cohortId);
    return insertPooledCandidates(trx, cohort, cohort.seats * 2);
  });
}

/**
 * Approves or rejects members; only the consultant's own candidates.
 * @throws Forbidden (another jobcentre's candidate), Conflict (not a member),
 *   RuleViolation `cohort.seats` (more approvals than seats).
 */
export async function decideCohortMembers(
  deps: CohortDeps,
  user: ConsultantUser,
  input: { cohortId: string; candidateIds: readonly string[] } & ({ decision: 'approve' } | { decision: 'reject'; reason: RejectReason }),
): Promise<void> {
  const consultant = asConsultant(user);
  await deps.db.transaction().execute(async (trx) => {
    const cohort = await cohortOfMyNetwork(trx, consultant.jobcentreId, input.cohortId);
    const members = await selectCohortMembers(trx, [cohort.id]);
    for (const candidateId of input.candidateIds) {
      const member = members.find((m) => m.candidate_id === candidateId);
      if (!member) throw new Conflict('The candidate is not in this cohort');
      if (member.jobcentre_id !== consultant.jobcentreId) throw new Forbidden("Only the candidate's own jobcentre decides");
    }
    if (input.decision === 'approve') {
      const newlyApproved = input.candidateIds.filter((id) => members.find((m) => m.candidate_id === id)?.status !== 'approved').length;
      if (cohort.approved + newlyApproved > cohort.seats) {
        throw new RuleViolation('cohort.seats', `the cohort has ${cohort.seats} seats and ${cohort.approved} are taken`, 'Jobbro');
      }
    }
    await updateCohortMembers(trx, cohort.id, input.candidateIds, {
      status: input.decision === 'approve' ? 'approved' : 'rejected',
      reject_reason: input.decision === 'reject' ? input.reason : null,
      decided_by: consultant.id,
      decided_at: deps.clock(),
    });
  });
}
