/**
 * SQL for match proposals. The matcher writes only its own undecided rows
 * (source 'matcher', status 'proposed' or 'stale'); a consultant's decision
 * (approved, rejected) and proposals that came from a candidate's interest
 * are never overwritten or deleted here. `computed_at` is the database's
 * now() at the write.
 */
import { sql } from 'kysely';
import type { Executor } from '../client.server.js';
import type { MatchProposal } from '../schema.js';

export type MatcherProposalRow = {
  slot_id: string;
  candidate_id: string;
  score: number;
  components: Record<string, number>;
  reasons: string[];
};

/**
 * Rows per statement. A batch travels as ONE JSON parameter unpacked by
 * `jsonb_to_recordset`, not as 7 parameters a row: PGlite binds and parses
 * thousands of parameters slowly, while one JSON text is parsed natively.
 */
const INSERT_BATCH = 2_000;
const UNDECIDED = ['proposed', 'stale'] as const;

function recordsetJson(rows: ReadonlyArray<Pick<MatcherProposalRow, 'slot_id' | 'candidate_id'> & Partial<MatcherProposalRow>>): string {
  return JSON.stringify(rows);
}

/**
 * Inserts or refreshes matcher proposals; decided and interest proposals for
 * the same pair stay as they are. An undecided proposal whose score,
 * components and reasons did not change, and which is not stale, is left
 * alone (its `computed_at` keeps the time it last changed): a re-match that
 * ranks the same candidates the same way rewrites nothing. Returns the
 * number of rows inserted or updated.
 */
export async function upsertMatcherProposals(db: Executor, rows: readonly MatcherProposalRow[]): Promise<number> {
  let written = 0;
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    const batch = recordsetJson(rows.slice(start, start + INSERT_BATCH));
    const result = await sql<{ n: number | string }>`
      with written as (
      insert into match_proposals (slot_id, candidate_id, source, score, components, reasons, status, candidate_jobcentre_id, slot_pooled_network_id)
      select r.slot_id, r.candidate_id, 'matcher', r.score, r.components, r.reasons, 'proposed', c.jobcentre_id, s.pooled_network_id
      from jsonb_to_recordset(cast(${batch} as jsonb))
        as r(slot_id uuid, candidate_id uuid, score double precision, components jsonb, reasons jsonb)
      -- The queue's copies (ADR 0008) in the same statement: the row trigger then skips its lookup, a third of a full re-match's writing (ADR 0014).
      join candidates c on c.id = r.candidate_id
      join slots s on s.id = r.slot_id
      on conflict (slot_id, candidate_id) do update set
        score = excluded.score,
        components = excluded.components,
        reasons = excluded.reasons,
        computed_at = excluded.computed_at,
        status = 'proposed'
      where match_proposals.source = 'matcher'
        and match_proposals.status in ('proposed', 'stale')
        and (match_proposals.status <> 'proposed'
          or match_proposals.score is distinct from excluded.score
          or match_proposals.components <> excluded.components
          or match_proposals.reasons <> excluded.reasons)
      returning 1)
      select count(*) as n from written`.execute(db);
    written += Number(result.rows[0]?.n ?? 0);
  }
  return written;
}

/**
 * An undecided matcher proposal as stored, its jsonb columns as PostgreSQL
 * prints them (compare with `jsonbText`).
 */
export type UndecidedProposalRow = {
  id: string;
  slot_id: string;
  candidate_id: string;
  status: 'proposed' | 'stale';
  score: number | null;
  componentsText: string;
  reasonsText: string;
};

/**
 * The undecided matcher proposals of `slotIds`, as ONE text value, a line
 * per proposal and a tab between fields (PGlite builds a JavaScript object
 * per result row slowly; one value arrives whole). The jsonb columns come as
 * their text: a re-match compares them with `jsonbText` of what it ranked
 * and writes only what changed. Sending every row for PostgreSQL to compare
 * cost three times as much, and building JSON of the stored jsonb (to parse
 * in JavaScript) twice as much, per 200 slots. jsonb text holds no raw tab
 * or line break (strings escape them), nor do uuids, statuses and numbers.
 */
export async function selectUndecidedProposalsOfSlots(db: Executor, slotIds: readonly string[]): Promise<UndecidedProposalRow[]> {
  if (slotIds.length === 0) return [];
  const result = await sql<{ rows: string | null }>`
    select string_agg(concat_ws(E'\t', id, slot_id, candidate_id, status, coalesce(score::text, ''), components::text, reasons::text), E'\n') as rows
    from match_proposals
    where slot_id = any(${sql.val([...slotIds])}::uuid[]) and source = 'matcher' and status in ('proposed', 'stale')`.execute(db);
  const text = result.rows[0]?.rows;
  if (!text) return [];
  return text.split('\n').map((line) => {
    const [id, slot_id, candidate_id, status, score, componentsText, reasonsText] = line.split('\t');
    if (reasonsText === undefined || (status !== 'proposed' && status !== 'stale')) {
      throw new Error(`Unexpected proposal line from match_proposals: ${line.slice(0, 200)}`);
    }
    return {
      id: id!,
      slot_id: slot_id!,
      candidate_id: candidate_id!,
      status,
      score: score === '' ? null : Number(score),
      componentsText: componentsText!,
      reasonsText,
    };
  });
}

/** A number as jsonb prints it: the digits JSON.stringify sent, in plain decimal notation (numeric keeps no exponent). */
function jsonbNumber(value: number): string {
  // JSON sends NaN and ±Infinity as null; for finite numbers String() is JSON.stringify's text.
  if (!Number.isFinite(value)) return 'null';
  const text = String(value);
  if (!text.includes('e')) return text;
  const [, sign = '', first = '', rest = '', power = '0'] = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text) ?? [];
  const digits = `${first}${rest}`;
  const point = 1 + Number(power);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** jsonb orders object keys by length in bytes, then bytewise. */
function jsonbKeyOrder(a: string, b: string): number {
  return Buffer.byteLength(a) - Buffer.byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** Key orders by the object's own key list (a re-match prints ten thousand components objects of one shape a page). */
const keyOrders = new Map<string, string[]>();

function jsonbKeys(names: string[]): string[] {
  const shape = JSON.stringify(names);
  let order = keyOrders.get(shape);
  if (!order) {
    order = [...names].sort(jsonbKeyOrder);
    if (keyOrders.size < 1_000) keyOrders.set(shape, order);
  }
  return order;
}

const isLeftOut = (item: unknown) => item === undefined || typeof item === 'function' || typeof item === 'symbol';

/**
 * The text PostgreSQL prints (`::text`) for the jsonb made from `value` sent
 * as JSON: object keys in jsonb's order, ", " and ": " between items, numbers
 * without exponents, strings escaped as JSON.stringify escapes them. For
 * plain data (objects, arrays, strings, numbers, booleans, null).
 * Equal text means equal jsonb; should a form ever differ, the pair only
 * counts as changed, and the upsert (which compares the jsonb itself) writes nothing.
 */
export function jsonbText(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return jsonbNumber(value);
  if (typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      if (i > 0) text += ', ';
      text += isLeftOut(item) ? 'null' : jsonbText(item);
    }
    return `${text}]`;
  }
  if (typeof value === 'object') {
    const record: Record<string, unknown> = { ...value };
    let text = '{';
    for (const name of jsonbKeys(Object.keys(record).filter((key) => !isLeftOut(record[key])))) {
      if (text.length > 1) text += ', ';
      text += `${JSON.stringify(name)}: ${jsonbText(record[name])}`;
    }
    return `${text}}`;
  }
  return 'null';
}

/** Deletes the given proposals if they are still undecided matcher proposals (a decision made meanwhile wins). */
export async function deleteUndecidedProposalsById(db: Executor, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .deleteFrom('match_proposals')
    .where(sql<boolean>`id = any(${sql.val([...ids])}::uuid[])`)
    .where('source', '=', 'matcher')
    .where('status', 'in', [...UNDECIDED])
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Refreshes the planner's statistics of match_proposals and returns the
 * number of rows they now count. PGlite runs no autovacuum, so without it the
 * planner keeps the estimates of an empty table and scans the whole table
 * (and a status index) for a page of slots instead of using the
 * (slot_id, candidate_id) index; a full re-match calls it first, again
 * whenever it has written as many rows as the statistics knew of, and after
 * writing.
 */
export async function analyzeProposals(db: Executor): Promise<number> {
  await sql`analyze match_proposals`.execute(db);
  const result = await sql<{
    rows: number;
  }>`select greatest(reltuples, 0)::float8 as rows from pg_class where oid = 'match_proposals'::regclass`.execute(db);
  return Number(result.rows[0]?.rows ?? 0);
}

/** Deletes the undecided matcher proposals of a candidate (no longer matchable). */
export async function deleteUndecidedProposalsOfCandidate(db: Executor, candidateId: string): Promise<number> {
  const result = await db
    .deleteFrom('match_proposals')
    .where('candidate_id', '=', candidateId)
    .where('source', '=', 'matcher')
    .where('status', 'in', [...UNDECIDED])
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes undecided matcher proposals of slots that are no longer published. */
export async function deleteProposalsOfUnpublishedSlots(db: Executor): Promise<number> {
  const result = await db
    .deleteFrom('match_proposals')
    .where('source', '=', 'matcher')
    .where('status', 'in', [...UNDECIDED])
    .where('slot_id', 'not in', (eb) => eb.selectFrom('slots').select('id').where('status', '=', 'published'))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Slots where the candidate has an undecided matcher proposal. */
export async function selectUndecidedSlotIdsOfCandidate(db: Executor, candidateId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('match_proposals')
    .select('slot_id')
    .where('candidate_id', '=', candidateId)
    .where('source', '=', 'matcher')
    .where('status', 'in', [...UNDECIDED])
    .execute();
  return rows.map((row) => row.slot_id);
}

export type ProposalRow = Pick<
  MatchProposal,
  'id' | 'slot_id' | 'candidate_id' | 'source' | 'score' | 'components' | 'reasons' | 'computed_at' | 'status' | 'decided_at'
>;

const proposalColumns = ['id', 'slot_id', 'candidate_id', 'source', 'score', 'components', 'reasons', 'computed_at', 'status', 'decided_at'] as const;

/** Proposals of a slot, best score first; optionally only some statuses. */
export async function selectProposalsOfSlot(db: Executor, slotId: string, statuses?: ReadonlyArray<MatchProposal['status']>): Promise<ProposalRow[]> {
  let query = db
    .selectFrom('match_proposals')
    .select([...proposalColumns])
    .where('slot_id', '=', slotId)
    .orderBy(sql`score desc nulls last`)
    .orderBy('candidate_id');
  if (statuses) query = query.where('status', 'in', [...statuses]);
  return query.execute();
}

export async function countProposals(db: Executor): Promise<Record<MatchProposal['status'], number>> {
  const rows = await db
    .selectFrom('match_proposals')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<MatchProposal['status'], number> = { proposed: 0, approved: 0, rejected: 0, stale: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/** What the routes need to authorise: the slot's organisation, and a candidate's jobcentre and user. */
export async function selectSlotOwner(db: Executor, slotId: string): Promise<{ organisation_id: string } | undefined> {
  return db.selectFrom('slots').select('organisation_id').where('id', '=', slotId).executeTakeFirst();
}

export async function selectCandidateOwner(db: Executor, candidateId: string): Promise<{ jobcentre_id: string; user_id: string | null } | undefined> {
  return db.selectFrom('candidates').select(['jobcentre_id', 'user_id']).where('id', '=', candidateId).executeTakeFirst();
}

/** Networks a jobcentre pools candidates in. */
export async function selectNetworkIdsOfJobcentre(db: Executor, jobcentreId: string): Promise<string[]> {
  const rows = await db.selectFrom('jobcentre_network_members').select('network_id').where('jobcentre_id', '=', jobcentreId).execute();
  return rows.map((row) => row.network_id);
}
