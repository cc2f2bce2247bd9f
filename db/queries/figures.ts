/**
 * SQL behind the figures pages: plain rows for the pure KPI functions in
 * app/figures/kpi.ts. `jobcentreIds` null means every jobcentre (admins).
 */
import { sql } from 'kysely';
import type { Executor } from '../client.server.js';
import type { PlacementOutcome, RejectReason, SlotType } from '../schema.js';

export type CandidateFactRow = {
  candidate_id: string;
  municipality_code: string;
  registered_on: string;
  arrival_date: string;
  has_proposal: boolean;
  first_offer_on: string | null;
  placement_status: 'planned' | 'started' | 'ended_early' | 'completed' | null;
  outcome: PlacementOutcome | null;
  ordinary_work_from: string | null;
};

export async function selectCandidateFacts(db: Executor, jobcentreIds: readonly string[] | null): Promise<CandidateFactRow[]> {
  let query = db
    .selectFrom('candidates')
    .innerJoin('jobcentres', 'jobcentres.id', 'candidates.jobcentre_id')
    .select([
      'candidates.id as candidate_id',
      'jobcentres.municipality_code',
      sql<string>`to_char(candidates.created_at at time zone 'UTC', 'YYYY-MM-DD')`.as('registered_on'),
      'candidates.arrival_date',
      sql<boolean>`exists (select 1 from match_proposals mp where mp.candidate_id = candidates.id)`.as('has_proposal'),
      sql<string | null>`(select to_char(min(mp.decided_at) at time zone 'UTC', 'YYYY-MM-DD') from match_proposals mp
        where mp.candidate_id = candidates.id and mp.status = 'approved')`.as('first_offer_on'),
      sql<'planned' | 'started' | 'ended_early' | 'completed' | null>`(select p.status from placements p
        where p.candidate_id = candidates.id order by p.start_date desc, p.created_at desc limit 1)`.as('placement_status'),
      sql<PlacementOutcome | null>`(select p.outcome from placements p
        where p.candidate_id = candidates.id and p.outcome is not null order by p.outcome_on desc limit 1)`.as('outcome'),
      sql<string | null>`(select to_char(min(d), 'YYYY-MM-DD') from (
          select e.start_date as d from candidate_employments e where e.candidate_id = candidates.id and e.kind = 'ordinary' and e.start_date >= candidates.arrival_date
          union all
          select p.outcome_on from placements p where p.candidate_id = candidates.id and p.outcome = 'ordinary_job'
        ) work)`.as('ordinary_work_from'),
    ])
    .where('candidates.status', '<>', 'archived');
  if (jobcentreIds)
    query = query.where('candidates.jobcentre_id', 'in', jobcentreIds.length ? [...jobcentreIds] : ['00000000-0000-0000-0000-000000000000']);
  return query.execute();
}

export type PlacementFactRow = { type: SlotType; sector: string | null; outcome: PlacementOutcome | null; municipality_code: string };

/** `since`: only placements starting on or after that day (null: all). */
export async function selectPlacementFacts(
  db: Executor,
  jobcentreIds: readonly string[] | null,
  since: string | null = null,
): Promise<PlacementFactRow[]> {
  let query = db
    .selectFrom('placements')
    .innerJoin('slots', 'slots.id', 'placements.slot_id')
    .innerJoin('candidates', 'candidates.id', 'placements.candidate_id')
    .innerJoin('jobcentres', 'jobcentres.id', 'candidates.jobcentre_id')
    .select(['placements.type', 'slots.sector', 'placements.outcome', 'jobcentres.municipality_code']);
  if (jobcentreIds)
    query = query.where('candidates.jobcentre_id', 'in', jobcentreIds.length ? [...jobcentreIds] : ['00000000-0000-0000-0000-000000000000']);
  if (since) query = query.where('placements.start_date', '>=', since);
  // Placements of erased candidates still count, from their pseudonymous trace (ADR 0005).
  let erased = db
    .selectFrom('erased_placements')
    .innerJoin('jobcentres', 'jobcentres.id', 'erased_placements.jobcentre_id')
    .select(['erased_placements.type', 'erased_placements.sector', 'erased_placements.outcome', 'jobcentres.municipality_code']);
  if (jobcentreIds)
    erased = erased.where('erased_placements.jobcentre_id', 'in', jobcentreIds.length ? [...jobcentreIds] : ['00000000-0000-0000-0000-000000000000']);
  // The erased trace keeps no start date: its creation stands in for it.
  if (since) erased = erased.where(sql<boolean>`erased_placements.created_at >= ${since}::date`);
  return [...(await query.execute()), ...(await erased.execute())];
}

export async function selectDecisionFacts(
  db: Executor,
  jobcentreIds: readonly string[] | null,
  since: string | null = null,
): Promise<Array<{ decision: 'approved' | 'rejected'; reject_reason: RejectReason | null }>> {
  let query = db.selectFrom('match_decisions').select(['decision', 'reject_reason']);
  if (jobcentreIds) query = query.where('jobcentre_id', 'in', jobcentreIds.length ? [...jobcentreIds] : ['00000000-0000-0000-0000-000000000000']);
  if (since) query = query.where(sql<boolean>`decided_at >= ${since}::date`);
  return query.execute();
}

/**
 * Each organisation's latest activity: a slot published or a placement
 * created. With jobcentres, only organisations with a placement of their
 * candidates or a workplace in their municipalities.
 */
export async function selectEmployerActivity(
  db: Executor,
  jobcentreIds: readonly string[] | null,
): Promise<Array<{ organisation_id: string; last_active_on: string | null }>> {
  let query = db.selectFrom('organisations').select([
    'organisations.id as organisation_id',
    sql<string | null>`to_char(greatest(
        (select max(s.published_at) from slots s where s.organisation_id = organisations.id),
        (select max(p.created_at) from placements p join slots s on s.id = p.slot_id where s.organisation_id = organisations.id),
        (select max(p.created_at) from erased_placements p join slots s on s.id = p.slot_id where s.organisation_id = organisations.id)
      ) at time zone 'UTC', 'YYYY-MM-DD')`.as('last_active_on'),
  ]);
  if (jobcentreIds) {
    const ids = jobcentreIds.length ? [...jobcentreIds] : ['00000000-0000-0000-0000-000000000000'];
    query = query.where(
      sql<boolean>`exists (select 1 from workplaces w join postal_codes pc on pc.code = w.postal_code
        join jobcentres j on j.municipality_code = pc.municipality_code
        where w.organisation_id = organisations.id and j.id in (${sql.join(ids)}))`,
    );
  }
  return query.execute();
}

export async function selectNetworkJobcentreIds(db: Executor, jobcentreId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('jobcentre_network_members as mine')
    .innerJoin('jobcentre_network_members as other', 'other.network_id', 'mine.network_id')
    .select('other.jobcentre_id')
    .distinct()
    .where('mine.jobcentre_id', '=', jobcentreId)
    .execute();
  const ids = new Set(rows.map((row) => row.jobcentre_id));
  ids.add(jobcentreId);
  return [...ids];
}
