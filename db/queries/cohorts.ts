/**
 * SQL for network cohorts (a branchepakke or course run by a network of
 * jobcentres): the cohorts of a jobcentre's networks, their members, and
 * the pooled candidates of every member jobcentre who fit a cohort.
 */
import { sql } from 'kysely';
import type { Executor } from '../client.server.js';
import type { Cefr, RejectReason } from '../schema.js';

export type CohortRow = {
  id: string;
  network_id: string;
  network_name: string;
  sector: string;
  title: string;
  course_start: string;
  course_end: string;
  seats: number;
  approved: number;
};

export async function selectNetworksOf(db: Executor, jobcentreId: string): Promise<Array<{ id: string; name: string }>> {
  return db
    .selectFrom('jobcentre_networks')
    .innerJoin('jobcentre_network_members', 'jobcentre_network_members.network_id', 'jobcentre_networks.id')
    .select(['jobcentre_networks.id', 'jobcentre_networks.name'])
    .where('jobcentre_network_members.jobcentre_id', '=', jobcentreId)
    .orderBy('jobcentre_networks.name')
    .execute();
}

export async function selectCohortsOfNetworks(db: Executor, networkIds: readonly string[]): Promise<CohortRow[]> {
  if (networkIds.length === 0) return [];
  return db
    .selectFrom('cohorts')
    .innerJoin('jobcentre_networks', 'jobcentre_networks.id', 'cohorts.network_id')
    .select([
      'cohorts.id',
      'cohorts.network_id',
      'jobcentre_networks.name as network_name',
      'cohorts.sector',
      'cohorts.title',
      'cohorts.course_start',
      'cohorts.course_end',
      'cohorts.seats',
      sql<number>`(select count(*)::int from cohort_members m where m.cohort_id = cohorts.id and m.status = 'approved')`.as('approved'),
    ])
    .where('cohorts.network_id', 'in', [...networkIds])
    .orderBy('cohorts.course_start')
    .execute();
}

export async function findCohort(db: Executor, cohortId: string): Promise<CohortRow | undefined> {
  return db
    .selectFrom('cohorts')
    .innerJoin('jobcentre_networks', 'jobcentre_networks.id', 'cohorts.network_id')
    .select([
      'cohorts.id',
      'cohorts.network_id',
      'jobcentre_networks.name as network_name',
      'cohorts.sector',
      'cohorts.title',
      'cohorts.course_start',
      'cohorts.course_end',
      'cohorts.seats',
      sql<number>`(select count(*)::int from cohort_members m where m.cohort_id = cohorts.id and m.status = 'approved')`.as('approved'),
    ])
    .where('cohorts.id', '=', cohortId)
    .forUpdate('cohorts')
    .executeTakeFirst();
}

export async function insertCohort(
  db: Executor,
  row: { network_id: string; sector: string; title: string; course_start: string; course_end: string; seats: number; created_by: string },
): Promise<string> {
  return (await db.insertInto('cohorts').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export type CohortMemberRow = {
  cohort_id: string;
  candidate_id: string;
  candidate_name: string;
  jobcentre_id: string;
  jobcentre_name: string;
  status: 'proposed' | 'approved' | 'rejected';
  reject_reason: RejectReason | null;
  danish_spoken: Cefr | null;
  danish_written: Cefr | null;
  waiting_since: string;
};

export async function selectCohortMembers(db: Executor, cohortIds: readonly string[]): Promise<CohortMemberRow[]> {
  if (cohortIds.length === 0) return [];
  return db
    .selectFrom('cohort_members')
    .innerJoin('candidates', 'candidates.id', 'cohort_members.candidate_id')
    .innerJoin('jobcentres', 'jobcentres.id', 'candidates.jobcentre_id')
    .select([
      'cohort_members.cohort_id',
      'candidates.id as candidate_id',
      'candidates.full_name as candidate_name',
      'jobcentres.id as jobcentre_id',
      'jobcentres.name as jobcentre_name',
      'cohort_members.status',
      'cohort_members.reject_reason',
      'candidates.danish_spoken',
      'candidates.danish_written',
      'candidates.waiting_since',
    ])
    .where('cohort_members.cohort_id', 'in', [...cohortIds])
    .orderBy('jobcentres.name')
    .orderBy('candidates.full_name')
    .execute();
}

/** The skills (ESCO URI, years) of every member of the cohorts, for the members' rows. */
export async function selectSkillsOfCohortMembers(
  db: Executor,
  cohortIds: readonly string[],
): Promise<Array<{ candidate_id: string; skill_uri: string; years: number | null }>> {
  if (cohortIds.length === 0) return [];
  return db
    .selectFrom('candidate_skills')
    .select(['candidate_skills.candidate_id', 'candidate_skills.skill_uri', 'candidate_skills.years'])
    .where('candidate_skills.candidate_id', 'in', (eb) =>
      eb
        .selectFrom('cohort_members')
        .select('cohort_members.candidate_id')
        .where('cohort_members.cohort_id', 'in', [...cohortIds]),
    )
    .orderBy('candidate_skills.candidate_id')
    .orderBy('candidate_skills.years', (ob) => ob.desc().nullsLast())
    .orderBy('candidate_skills.skill_uri')
    .execute();
}

/**
 * Adds, as proposed members, the active candidates of every jobcentre in the
 * cohort's network who want the cohort's sector and are available by the
 * course start; longest waiting first, up to `limit`. Returns how many.
 */
export async function insertPooledCandidates(db: Executor, cohort: CohortRow, limit: number): Promise<number> {
  const rows = await db
    .selectFrom('candidates')
    .innerJoin('jobcentre_network_members', 'jobcentre_network_members.jobcentre_id', 'candidates.jobcentre_id')
    .select('candidates.id')
    .where('jobcentre_network_members.network_id', '=', cohort.network_id)
    .where('candidates.status', '=', 'active')
    .where(sql<boolean>`${cohort.sector} = any(candidates.ambition_sectors)`)
    .where('candidates.available_from', '<=', cohort.course_start)
    .where('candidates.id', 'not in', (eb) => eb.selectFrom('cohort_members').select('candidate_id').where('cohort_id', '=', cohort.id))
    .orderBy('candidates.waiting_since')
    .orderBy('candidates.id')
    .limit(limit)
    .execute();
  if (rows.length === 0) return 0;
  await db
    .insertInto('cohort_members')
    .values(rows.map((row) => ({ cohort_id: cohort.id, candidate_id: row.id })))
    .execute();
  return rows.length;
}

export async function updateCohortMembers(
  db: Executor,
  cohortId: string,
  candidateIds: readonly string[],
  change: { status: 'approved' | 'rejected'; reject_reason: RejectReason | null; decided_by: string; decided_at: Date },
): Promise<void> {
  await db
    .updateTable('cohort_members')
    .set(change)
    .where('cohort_id', '=', cohortId)
    .where('candidate_id', 'in', [...candidateIds])
    .execute();
}
