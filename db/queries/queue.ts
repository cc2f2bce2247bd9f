/**
 * SQL for the consultant's queue and decisions: the proposals a jobcentre
 * may see (its own candidates, and candidates of network partners for
 * slots pooled in a network the jobcentre belongs to), the facts the
 * approval rules need, and the decision history (labelled data).
 */
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../client.server.js';
import type { Cefr, MatchProposal, RejectReason, ResidenceBasis, SlotType } from '../schema.js';
import { containsPattern } from './like.js';
import { reusableQuery } from './reusable-query.js';

/** Whose candidates a consultant may see: their jobcentre, and the networks it belongs to. */
export type QueueScope = { jobcentreId: string; networkIds: readonly string[] };

export type QueueFilters = {
  scheme?: SlotType;
  sector?: string;
  organisationId?: string;
  /** Part of the employer's (organisation's) name, case-insensitive. */
  organisationName?: string;
  minScore?: number;
  /** Part of the candidate's name, case-insensitive. */
  candidate?: string;
  /** Waiting since on or before this date (the "days waited" filter, resolved by the caller). */
  waitingSinceOnOrBefore?: string;
  source?: 'matcher' | 'interest';
};

/** One queue row: only what the queue page shows (the proposal page reads the rest). */
export type QueueRow = {
  proposal_id: string;
  source: 'matcher' | 'interest';
  score: number | null;
  components: Record<string, number>;
  slot_title: string;
  slot_type: SlotType;
  slot_start_date: string;
  organisation_name: string;
  candidate_name: string;
  candidate_jobcentre_id: string;
  /** Null for the asking jobcentre's own candidates. */
  candidate_jobcentre_name: string | null;
  waiting_since: string;
};

export async function selectNetworkIdsOf(db: Executor, jobcentreId: string): Promise<string[]> {
  const rows = await db.selectFrom('jobcentre_network_members').select('network_id').where('jobcentre_id', '=', jobcentreId).execute();
  return rows.map((row) => row.network_id);
}

/**
 * The visibility rule as SQL over `candidates` and `slots`, for a scope whose
 * networks the caller has read already: the jobcentre's own candidates, or
 * the slot is pooled in one of the jobcentre's networks and the candidate's
 * jobcentre is a member of that same network. (The queue's list reads the
 * same rule from copies on each proposal; see selectQueue.)
 */
function visibleToScope(scope: QueueScope): Expression<SqlBool> {
  if (scope.networkIds.length === 0) return sql<SqlBool>`candidates.jobcentre_id = ${scope.jobcentreId}`;
  return sql<SqlBool>`(candidates.jobcentre_id = ${scope.jobcentreId} or (
    slots.pooled_network_id in (${sql.join(scope.networkIds)})
    and exists (select 1 from jobcentre_network_members m
                where m.network_id = slots.pooled_network_id and m.jobcentre_id = candidates.jobcentre_id)))`;
}

/**
 * Undecided proposals visible to the jobcentre's consultants, best first
 * (interest and matcher proposals together): `limit` rows after skipping
 * `offset`.
 *
 * Two kinds of rows, each read in queue order from an index of its own and
 * cut at `offset + limit`, then merged: the jobcentre's own candidates
 * (match_proposals_queue_jobcentre_idx), and, per network the jobcentre
 * belongs to, partners' candidates on slots pooled in it
 * (match_proposals_queue_network_idx, a LATERAL subquery per network so each
 * stays in index order). The work follows the rows a page shows, not the
 * share of all proposals that are the jobcentre's: one index over all
 * proposals made the smallest jobcentre's first page ≈ 20 times slower than
 * the largest's.
 *
 * OFFSET rather than keyset paging: the order (score, then longest waiting,
 * then id) has a nullable score, which makes a keyset condition awkward, and
 * page numbers are what the page shows; the caller bounds the page
 * (QUEUE_MAX_PAGE).
 *
 * Employer and jobcentre names are subqueries on the page's rows only.
 */
export type QueueSort = 'score' | 'waited' | 'start';

export async function selectQueue(
  db: Executor,
  jobcentreId: string,
  filters: QueueFilters,
  page: { limit: number; offset: number; sort?: QueueSort },
): Promise<QueueRow[]> {
  return queueQuery(db, { limit: page.limit, offset: page.offset, sort: page.sort ?? 'score' }, [
    jobcentreId,
    filters.scheme,
    filters.sector,
    filters.organisationId,
    filters.organisationName ? containsPattern(filters.organisationName) : undefined,
    filters.minScore,
    filters.candidate ? containsPattern(filters.candidate) : undefined,
    filters.waitingSinceOnOrBefore,
    filters.source,
  ]);
}

/** selectQueue's values, in this order; patterns are ILIKE patterns. */
type QueueValues = readonly [
  jobcentreId: string,
  scheme: SlotType | undefined,
  sector: string | undefined,
  organisationId: string | undefined,
  organisationPattern: string | undefined,
  minScore: number | undefined,
  candidatePattern: string | undefined,
  waitingSinceOnOrBefore: string | undefined,
  source: QueueFilters['source'],
];

// Built and compiled once per page and set of filters (reusable-query.ts): ≈ 8 % of the queue page's CPU otherwise.
const queueQuery = reusableQuery(
  (db: Executor, page: { limit: number; offset: number; sort: QueueSort }, values: QueueValues) => {
    const [jobcentreId, scheme, sector, organisationId, organisationPattern, minScore, candidatePattern, waitingSinceOnOrBefore, source] = values;
    // The limits are written into the statement, not passed as parameters: the embedded database prepares statements
    // it sees often, and a plan made for an unknown LIMIT may sort a whole network's proposals instead of reading the
    // index in order (≈ 40 texts, one per page number).
    const wanted = page.offset + page.limit;
    const fromProposals = () => db.selectFrom('match_proposals');
    /** Proposals passing the filters, in queue order, with what the page shows. */
    const rowsWhere = (query: ReturnType<typeof fromProposals>) => {
      let filtered = query
        .innerJoin('slots', 'slots.id', 'match_proposals.slot_id')
        .innerJoin('candidates', 'candidates.id', 'match_proposals.candidate_id')
        .select([
          'match_proposals.id as proposal_id',
          'match_proposals.source',
          'match_proposals.score',
          sql<Record<string, number>>`match_proposals.components`.as('components'),
          'slots.title as slot_title',
          'slots.type as slot_type',
          'slots.start_date as slot_start_date',
          'slots.organisation_id',
          'candidates.full_name as candidate_name',
          'candidates.jobcentre_id as candidate_jobcentre_id',
          'candidates.waiting_since',
        ])
        // Literals, not parameters: the indexes hold only undecided proposals, and a prepared statement's generic plan
        // may use such a partial index only when the query itself says `status = 'proposed'`.
        .where('match_proposals.status', '=', sql.lit('proposed'))
        // Only confirmed candidates: a self-registration waits for its jobcentre before it is in any queue (issue 21.10).
        .where('candidates.status', '=', sql.lit('active' as const))
        .where('candidates.confirmed_at', 'is not', null);
      if (scheme) filtered = filtered.where('slots.type', '=', scheme);
      if (sector) filtered = filtered.where('slots.sector', '=', sector);
      if (organisationId) filtered = filtered.where('slots.organisation_id', '=', organisationId);
      if (organisationPattern) {
        filtered = filtered.where('slots.organisation_id', 'in', (eb) =>
          eb
            .selectFrom('organisations')
            .select('organisations.id')
            .where(sql<SqlBool>`organisations.name ilike ${organisationPattern}`),
        );
      }
      if (minScore !== undefined) filtered = filtered.where('match_proposals.score', '>=', minScore);
      if (candidatePattern) filtered = filtered.where(sql<SqlBool>`candidates.full_name ilike ${candidatePattern}`);
      if (waitingSinceOnOrBefore) filtered = filtered.where('candidates.waiting_since', '<=', waitingSinceOnOrBefore);
      if (source) filtered = filtered.where('match_proposals.source', '=', source);
      // Each branch is cut at `wanted` rows in the page's own order, so the merge below sees every row it can show.
      const ordered =
        page.sort === 'waited'
          ? filtered.orderBy('candidates.waiting_since').orderBy(sql`match_proposals.score desc nulls last`)
          : page.sort === 'start'
            ? filtered.orderBy('slots.start_date').orderBy(sql`match_proposals.score desc nulls last`)
            : filtered.orderBy(sql`match_proposals.score desc nulls last`).orderBy('candidates.waiting_since');
      return ordered.orderBy('match_proposals.id').limit(sql.lit(wanted));
    };

    const own = rowsWhere(fromProposals().where('match_proposals.candidate_jobcentre_id', '=', jobcentreId));
    const partners = db
      .selectFrom('jobcentre_network_members as mine')
      .innerJoinLateral(
        () =>
          rowsWhere(
            fromProposals()
              .where(sql<SqlBool>`match_proposals.slot_pooled_network_id = mine.network_id`)
              .where('match_proposals.candidate_jobcentre_id', '<>', jobcentreId)
              .where(({ exists, selectFrom }) =>
                exists(
                  selectFrom('jobcentre_network_members as theirs')
                    .select(sql`1`.as('one'))
                    .where(sql<SqlBool>`theirs.network_id = mine.network_id`)
                    .whereRef('theirs.jobcentre_id', '=', 'match_proposals.candidate_jobcentre_id'),
                ),
              ),
          ).as('pooled'),
        (join) => join.onTrue(),
      )
      .selectAll('pooled')
      .where('mine.jobcentre_id', '=', jobcentreId);
    const visible = db.selectFrom(own.as('own')).selectAll('own').unionAll(partners);

    return db
      .selectFrom(visible.as('visible'))
      .select((eb) => [
        'visible.proposal_id',
        'visible.source',
        'visible.score',
        'visible.components',
        'visible.slot_title',
        'visible.slot_type',
        'visible.slot_start_date',
        eb
          .selectFrom('organisations')
          .select('organisations.name')
          .whereRef('organisations.id', '=', 'visible.organisation_id')
          .$asScalar()
          .as('organisation_name'),
        'visible.candidate_name',
        'visible.candidate_jobcentre_id',
        // Named only for partners' candidates, the one case the page shows it.
        eb
          .case()
          .when('visible.candidate_jobcentre_id', '=', jobcentreId)
          .then(null)
          .else(eb.selectFrom('jobcentres').select('jobcentres.name').whereRef('jobcentres.id', '=', 'visible.candidate_jobcentre_id').$asScalar())
          .end()
          .as('candidate_jobcentre_name'),
        'visible.waiting_since',
      ])
      .orderBy(
        page.sort === 'waited'
          ? sql`visible.waiting_since, visible.score desc nulls last`
          : page.sort === 'start'
            ? sql`visible.slot_start_date, visible.score desc nulls last`
            : sql`visible.score desc nulls last, visible.waiting_since`,
      )
      .orderBy('visible.proposal_id')
      .limit(sql.lit(page.limit))
      .offset(sql.lit(page.offset));
  },
  (page) => `${page.limit} ${page.offset} ${page.sort}`,
);

/**
 * How many undecided proposals the queue holds for the jobcentre with these
 * filters, counted up to `atMost` (the page shows "1,000+" beyond what its
 * pages reach): the same filters and visibility rule as selectQueue, counted
 * per kind of row so that each count reads its own index (the jobcentre's
 * candidates; partners' candidates on pooled slots) and stops at `atMost`.
 */
export async function countQueue(db: Executor, jobcentreId: string, filters: QueueFilters, atMost: number): Promise<number> {
  // One OR over both kinds made PostgreSQL scan every proposal (no index serves it), and an exact count of a
  // national-scale queue (≈ 60,000 rows for a jobcentre in a network) took ≈ 0.6–0.9 s a page: under load the
  // queue page then gave no answer within 10 s (docs/performance.md).
  const body = countedRows(filters);
  const own = sql<{ n: number | string }>`
    select count(*) as n from (
      select 1 from match_proposals ${body.lookups}
      where match_proposals.candidate_jobcentre_id = ${jobcentreId} and ${body.conditions}
      limit ${sql.lit(atMost)}) counted`;
  // Per network the jobcentre is in, as selectQueue reads partners' rows: the network's index in order, cut at `atMost`.
  const partners = sql<{ n: number | string }>`
    select count(*) as n from (
      select 1 from jobcentre_network_members mine
      cross join lateral (
        select 1 from match_proposals ${body.lookups}
        where match_proposals.slot_pooled_network_id = mine.network_id
          and match_proposals.candidate_jobcentre_id <> ${jobcentreId}
          and exists (select 1 from jobcentre_network_members theirs
                      where theirs.network_id = mine.network_id and theirs.jobcentre_id = match_proposals.candidate_jobcentre_id)
          and ${body.conditions}
        limit ${sql.lit(atMost)}) pooled
      where mine.jobcentre_id = ${jobcentreId}
      limit ${sql.lit(atMost)}) counted`;
  const [ownRows, partnerRows] = await Promise.all([own.execute(db), partners.execute(db)]);
  return Math.min(Number(ownRows.rows[0]?.n ?? 0) + Number(partnerRows.rows[0]?.n ?? 0), atMost);
}

/**
 * What countQueue's two counts share: each proposal's candidate (and, when a
 * filter asks about it, its slot) looked up by key one row at a time — the
 * `offset 0` keeps PostgreSQL from making them joins, which for a count cut
 * at 1,001 rows hashed every candidate and slot in the country (30–90 ms a
 * count on the load test's data) — and the rows selectQueue shows: undecided,
 * of confirmed active candidates, passing the filters.
 */
function countedRows(filters: QueueFilters): { lookups: RawBuilder<unknown>; conditions: RawBuilder<SqlBool> } {
  const needsSlot = Boolean(filters.scheme || filters.sector || filters.organisationId || filters.organisationName);
  const lookups = sql`
    cross join lateral (select c.status, c.confirmed_at, c.full_name, c.waiting_since from candidates c
                        where c.id = match_proposals.candidate_id offset 0) candidates
    ${needsSlot ? sql`cross join lateral (select s.type, s.sector, s.organisation_id from slots s where s.id = match_proposals.slot_id offset 0) slots` : sql``}`;
  const conditions: Array<RawBuilder<unknown>> = [
    // Literals, as in selectQueue: the partial indexes hold only undecided proposals.
    sql`match_proposals.status = 'proposed'`,
    sql`candidates.status = 'active'`,
    sql`candidates.confirmed_at is not null`,
  ];
  if (filters.scheme) conditions.push(sql`slots.type = ${filters.scheme}`);
  if (filters.sector) conditions.push(sql`slots.sector = ${filters.sector}`);
  if (filters.organisationId) conditions.push(sql`slots.organisation_id = ${filters.organisationId}`);
  if (filters.organisationName) {
    conditions.push(sql`slots.organisation_id in (select o.id from organisations o where o.name ilike ${containsPattern(filters.organisationName)})`);
  }
  if (filters.minScore !== undefined) conditions.push(sql`match_proposals.score >= ${filters.minScore}`);
  if (filters.candidate) conditions.push(sql`candidates.full_name ilike ${containsPattern(filters.candidate)}`);
  if (filters.waitingSinceOnOrBefore) conditions.push(sql`candidates.waiting_since <= ${filters.waitingSinceOnOrBefore}`);
  if (filters.source) conditions.push(sql`match_proposals.source = ${filters.source}`);
  return { lookups, conditions: sql<SqlBool>`${sql.join(conditions, sql` and `)}` };
}

export type QueueRequirementsRow = {
  proposal_id: string;
  required_skills: string[];
  candidate_skills: string[];
  slot_danish_spoken: Cefr | null;
  slot_danish_written: Cefr | null;
  danish_within_months: number | null;
  candidate_danish_spoken: Cefr | null;
  candidate_danish_written: Cefr | null;
  workplace_postal_code: string;
  candidate_postal_code: string;
  max_travel_km: number;
  slot_start_date: string;
  available_from: string;
};

/** What the queue compares side by side for each of a page's proposals: must-have skills, Danish, distance, start. */
export async function selectQueueRequirements(db: Executor, proposalIds: readonly string[]): Promise<QueueRequirementsRow[]> {
  if (proposalIds.length === 0) return [];
  return db
    .selectFrom('match_proposals')
    .innerJoin('slots', 'slots.id', 'match_proposals.slot_id')
    .innerJoin('workplaces', 'workplaces.id', 'slots.workplace_id')
    .innerJoin('candidates', 'candidates.id', 'match_proposals.candidate_id')
    .select([
      'match_proposals.id as proposal_id',
      sql<string[]>`array(select ss.skill_uri from slot_skills ss where ss.slot_id = slots.id and ss.required order by ss.skill_uri)`.as(
        'required_skills',
      ),
      sql<string[]>`array(select cs.skill_uri from candidate_skills cs where cs.candidate_id = candidates.id)`.as('candidate_skills'),
      'slots.danish_spoken as slot_danish_spoken',
      'slots.danish_written as slot_danish_written',
      'slots.danish_within_months',
      'candidates.danish_spoken as candidate_danish_spoken',
      'candidates.danish_written as candidate_danish_written',
      'workplaces.postal_code as workplace_postal_code',
      'candidates.postal_code as candidate_postal_code',
      'candidates.max_travel_km',
      'slots.start_date as slot_start_date',
      'candidates.available_from',
    ])
    .where('match_proposals.id', 'in', [...proposalIds])
    .execute();
}

export type ProposalContext = {
  proposal_id: string;
  status: MatchProposal['status'];
  source: 'matcher' | 'interest';
  score: number | null;
  components: Record<string, number>;
  reasons: string[];
  slot_id: string;
  slot_type: SlotType;
  slot_sector: string | null;
  slot_start_date: string;
  slot_weeks: number;
  slot_hours_per_week: number;
  slot_title: string;
  pooled_network_id: string | null;
  /** Løntilskud net job creation answers (all null when not answered). */
  net_jobs_fte_now: number | null;
  net_jobs_fte_12m_ago: number | null;
  net_jobs_fills_vacancy: boolean | null;
  net_jobs_vacated_on: string | null;
  workplace_id: string;
  ordinary_employees_fte: number;
  organisation_id: string;
  organisation_name: string;
  organisation_status: 'unverified' | 'verified' | 'suspended';
  cvr: string;
  candidate_id: string;
  candidate_name: string;
  candidate_jobcentre_id: string;
  birth_date: string;
  arrival_date: string;
  residence_basis: ResidenceBasis;
  available_from: string;
  candidate_status: 'pending' | 'active' | 'inactive' | 'archived';
  candidate_confirmed_at: Date | null;
};

function proposalContextQuery(db: Executor) {
  return db
    .selectFrom('match_proposals')
    .innerJoin('slots', 'slots.id', 'match_proposals.slot_id')
    .innerJoin('workplaces', 'workplaces.id', 'slots.workplace_id')
    .innerJoin('organisations', 'organisations.id', 'slots.organisation_id')
    .innerJoin('candidates', 'candidates.id', 'match_proposals.candidate_id')
    .select([
      'match_proposals.id as proposal_id',
      'match_proposals.status',
      'match_proposals.source',
      'match_proposals.score',
      sql<Record<string, number>>`match_proposals.components`.as('components'),
      sql<string[]>`match_proposals.reasons`.as('reasons'),
      'slots.id as slot_id',
      'slots.type as slot_type',
      'slots.sector as slot_sector',
      'slots.start_date as slot_start_date',
      'slots.weeks as slot_weeks',
      'slots.hours_per_week as slot_hours_per_week',
      'slots.title as slot_title',
      'slots.pooled_network_id',
      'slots.net_jobs_fte_now',
      'slots.net_jobs_fte_12m_ago',
      'slots.net_jobs_fills_vacancy',
      'slots.net_jobs_vacated_on',
      'workplaces.id as workplace_id',
      'workplaces.ordinary_employees_fte',
      'organisations.id as organisation_id',
      'organisations.name as organisation_name',
      'organisations.status as organisation_status',
      'organisations.cvr',
      'candidates.id as candidate_id',
      'candidates.full_name as candidate_name',
      'candidates.jobcentre_id as candidate_jobcentre_id',
      'candidates.birth_date',
      'candidates.arrival_date',
      'candidates.residence_basis',
      'candidates.available_from',
      'candidates.status as candidate_status',
      'candidates.confirmed_at as candidate_confirmed_at',
    ]);
}

/** Everything the approval rules need about one proposal; `lock` takes a row lock on the proposal. */
export async function findProposalContext(db: Executor, proposalId: string, lock = false): Promise<ProposalContext | undefined> {
  let query = proposalContextQuery(db).where('match_proposals.id', '=', proposalId);
  if (lock) query = query.forUpdate('match_proposals');
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  return {
    ...row,
    ordinary_employees_fte: Number(row.ordinary_employees_fte),
    slot_hours_per_week: Number(row.slot_hours_per_week),
    net_jobs_fte_now: row.net_jobs_fte_now === null ? null : Number(row.net_jobs_fte_now),
    net_jobs_fte_12m_ago: row.net_jobs_fte_12m_ago === null ? null : Number(row.net_jobs_fte_12m_ago),
  };
}

/** `findProposalContext` for a page of proposals in one query (no locks: for showing, not deciding). */
export async function selectProposalContexts(db: Executor, proposalIds: readonly string[]): Promise<ProposalContext[]> {
  if (proposalIds.length === 0) return [];
  const rows = await proposalContextQuery(db)
    .where('match_proposals.id', 'in', [...proposalIds])
    .execute();
  return rows.map((row) => ({
    ...row,
    ordinary_employees_fte: Number(row.ordinary_employees_fte),
    slot_hours_per_week: Number(row.slot_hours_per_week),
  }));
}

/** Is the candidate visible to the scope (own, or pooled through a shared network for this slot)? */
export async function proposalVisibleTo(db: Executor, scope: QueueScope, proposalId: string): Promise<boolean> {
  const row = await db
    .selectFrom('match_proposals')
    .innerJoin('slots', 'slots.id', 'match_proposals.slot_id')
    .innerJoin('candidates', 'candidates.id', 'match_proposals.candidate_id')
    .select('match_proposals.id')
    .where('match_proposals.id', '=', proposalId)
    .where(visibleToScope(scope))
    .executeTakeFirst();
  return row !== undefined;
}

export async function selectEmploymentsOfCandidate(
  db: Executor,
  candidateId: string,
): Promise<Array<{ cvr: string; kind: 'ordinary' | 'praktik' | 'loentilskud' | 'igu'; start_date: string; end_date: string | null }>> {
  return db
    .selectFrom('candidate_employments')
    .select(['cvr', 'kind', 'start_date', 'end_date'])
    .where('candidate_id', '=', candidateId)
    .orderBy('start_date')
    .execute();
}

export async function selectPlacementPeriodsOfCandidate(
  db: Executor,
  candidateId: string,
): Promise<
  Array<{
    slot_id: string;
    type: SlotType;
    start_date: string;
    end_date: string;
    ended_on: string | null;
    status: 'planned' | 'started' | 'ended_early' | 'completed';
  }>
> {
  return db
    .selectFrom('placements')
    .select(['slot_id', 'type', 'start_date', 'end_date', 'ended_on', 'status'])
    .where('candidate_id', '=', candidateId)
    .orderBy('start_date')
    .execute();
}

/** `selectEmploymentsOfCandidate` for several candidates in one query. */
export async function selectEmploymentsOfCandidates(
  db: Executor,
  candidateIds: readonly string[],
): Promise<
  Array<{ candidate_id: string; cvr: string; kind: 'ordinary' | 'praktik' | 'loentilskud' | 'igu'; start_date: string; end_date: string | null }>
> {
  if (candidateIds.length === 0) return [];
  return db
    .selectFrom('candidate_employments')
    .select(['candidate_id', 'cvr', 'kind', 'start_date', 'end_date'])
    .where('candidate_id', 'in', [...candidateIds])
    .orderBy('candidate_id')
    .orderBy('start_date')
    .execute();
}

/** `selectPlacementPeriodsOfCandidate` for several candidates in one query. */
export async function selectPlacementPeriodsOfCandidates(
  db: Executor,
  candidateIds: readonly string[],
): Promise<
  Array<{
    candidate_id: string;
    slot_id: string;
    type: SlotType;
    start_date: string;
    end_date: string;
    ended_on: string | null;
    status: 'planned' | 'started' | 'ended_early' | 'completed';
  }>
> {
  if (candidateIds.length === 0) return [];
  return db
    .selectFrom('placements')
    .select(['candidate_id', 'slot_id', 'type', 'start_date', 'end_date', 'ended_on', 'status'])
    .where('candidate_id', 'in', [...candidateIds])
    .orderBy('candidate_id')
    .orderBy('start_date')
    .execute();
}

/**
 * `countSupportedPersonsAtWorkplace` for several workplaces in two queries,
 * counting every approved proposal (no proposal left out: for undecided
 * proposals, which are not among the approved ones anyway).
 */
export async function countSupportedPersonsAtWorkplaces(db: Executor, workplaceIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (workplaceIds.length === 0) return counts;
  const placed = await db
    .selectFrom('placements')
    .innerJoin('slots', 'slots.id', 'placements.slot_id')
    .select(['slots.workplace_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('slots.workplace_id', 'in', [...workplaceIds])
    .where('placements.type', 'in', ['praktik', 'loentilskud'])
    .where('placements.status', 'in', ['planned', 'started'])
    .groupBy('slots.workplace_id')
    .execute();
  const approved = await db
    .selectFrom('match_proposals')
    .innerJoin('slots', 'slots.id', 'match_proposals.slot_id')
    .leftJoin('placements', 'placements.proposal_id', 'match_proposals.id')
    .leftJoin('employer_decisions', 'employer_decisions.proposal_id', 'match_proposals.id')
    .select(['slots.workplace_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('slots.workplace_id', 'in', [...workplaceIds])
    .where('slots.type', 'in', ['praktik', 'loentilskud'])
    .where('match_proposals.status', '=', 'approved')
    .where('placements.id', 'is', null)
    .where((eb) => eb.or([eb('employer_decisions.decision', 'is', null), eb('employer_decisions.decision', '<>', 'decline')]))
    .groupBy('slots.workplace_id')
    .execute();
  for (const row of [...placed, ...approved]) counts.set(row.workplace_id, (counts.get(row.workplace_id) ?? 0) + Number(row.n));
  return counts;
}

/** Serialises ratio-rule checks at one workplace (two approvals at once must not both take the last place). */
export async function lockWorkplaceRow(db: Executor, workplaceId: string): Promise<void> {
  await db.selectFrom('workplaces').select('id').where('id', '=', workplaceId).forUpdate().execute();
}

/**
 * Supported persons (praktik and løntilskud) at a workplace now: planned or
 * started placements, plus approved proposals that have no placement yet and
 * that the employer has not declined. The proposal being decided is left out.
 */
export async function countSupportedPersonsAtWorkplace(db: Executor, workplaceId: string, excludeProposalId: string): Promise<number> {
  const placed = await db
    .selectFrom('placements')
    .innerJoin('slots', 'slots.id', 'placements.slot_id')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('slots.workplace_id', '=', workplaceId)
    .where('placements.type', 'in', ['praktik', 'loentilskud'])
    .where('placements.status', 'in', ['planned', 'started'])
    .executeTakeFirstOrThrow();
  const approved = await db
    .selectFrom('match_proposals')
    .innerJoin('slots', 'slots.id', 'match_proposals.slot_id')
    .leftJoin('placements', 'placements.proposal_id', 'match_proposals.id')
    .leftJoin('employer_decisions', 'employer_decisions.proposal_id', 'match_proposals.id')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('slots.workplace_id', '=', workplaceId)
    .where('slots.type', 'in', ['praktik', 'loentilskud'])
    .where('match_proposals.status', '=', 'approved')
    .where('match_proposals.id', '<>', excludeProposalId)
    .where('placements.id', 'is', null)
    .where((eb) => eb.or([eb('employer_decisions.decision', 'is', null), eb('employer_decisions.decision', '<>', 'decline')]))
    .executeTakeFirstOrThrow();
  return Number(placed.n) + Number(approved.n);
}

export async function markProposalDecided(
  db: Executor,
  proposalId: string,
  decision: { status: 'approved' | 'rejected'; decidedBy: string; decidedAt: Date; rejectReason: RejectReason | null; note: string | null },
): Promise<void> {
  await db
    .updateTable('match_proposals')
    .set({
      status: decision.status,
      decided_by: decision.decidedBy,
      decided_at: decision.decidedAt,
      reject_reason: decision.rejectReason,
      decision_note: decision.note,
    })
    .where('id', '=', proposalId)
    .execute();
}

export type NewMatchDecision = {
  proposal_id: string;
  slot_id: string;
  candidate_id: string;
  jobcentre_id: string;
  source: 'matcher' | 'interest';
  slot_type: SlotType;
  sector: string | null;
  decision: 'approved' | 'rejected';
  reject_reason: RejectReason | null;
  note: string | null;
  score: number | null;
  components: Record<string, number>;
  reasons: string[];
  decided_by: string;
  decided_at: Date;
};

/** Appends a decision to the labelled history (never updated afterwards). */
export async function insertMatchDecision(db: Executor, row: NewMatchDecision): Promise<void> {
  await db
    .insertInto('match_decisions')
    .values({ ...row, components: JSON.stringify(row.components), reasons: JSON.stringify(row.reasons) })
    .execute();
}

export type MatchDecisionRow = {
  decided_at: Date;
  decision: 'approved' | 'rejected';
  reject_reason: RejectReason | null;
  note: string | null;
  source: 'matcher' | 'interest';
  slot_type: SlotType;
  sector: string | null;
  score: number | null;
  components: Record<string, number>;
};

/** The labelled decisions of a jobcentre (or all, for evaluation), oldest first. */
export async function selectMatchDecisions(db: Executor, jobcentreId: string | null): Promise<MatchDecisionRow[]> {
  let query = db
    .selectFrom('match_decisions')
    .select(['decided_at', 'decision', 'reject_reason', 'note', 'source', 'slot_type', 'sector', 'score', 'components'])
    .orderBy('decided_at')
    .orderBy('id');
  if (jobcentreId) query = query.where('jobcentre_id', '=', jobcentreId);
  return query.execute();
}
