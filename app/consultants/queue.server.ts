/**
 * The consultant's queue: undecided proposals for their jobcentre's
 * candidates and, for slots pooled in a network they belong to, for the
 * network partners' candidates (shown, but decided by the home jobcentre).
 */
import type { Kysely } from 'kysely';
import { selectNetworkIdsOf, selectQueue, selectQueueFacets, type QueueFilters, type QueueRow, type QueueScope } from '../../db/queries/queue.js';
import type { DB, SlotType } from '../../db/schema.js';
import { addDays } from '../lib/dates.js';
import { asConsultant, type ConsultantUser } from './consultant.js';

export type QueueRequest = {
  scheme?: SlotType;
  sector?: string;
  organisationId?: string;
  minScore?: number;
  candidate?: string;
  minDaysWaiting?: number;
  source?: 'matcher' | 'interest';
};

export type QueueItem = QueueRow & { own: boolean; daysWaiting: number };

export type Queue = {
  items: QueueItem[];
  facets: { organisations: Array<{ id: string; name: string }>; sectors: string[] };
};

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The filter menus list every employer and sector in the scope's whole queue,
 * which at national scale means reading tens of thousands of proposals; a
 * page view should not pay that each time. They are kept per database and
 * scope for a short while (a menu may list an employer whose last proposal
 * was decided a minute ago; choosing it then shows an empty queue). The
 * promise is kept, so concurrent page views share one query.
 */
const FACETS_FRESH_MS = 60_000;

/**
 * Rows on one page of the queue. At national scale a big jobcentre sees tens
 * of thousands of undecided proposals, so the page is always a top list that
 * the filters narrow; 200 rows made a 475 kB page costing ≈ 120 ms of server
 * time per view, 100 halve that.
 */
export const QUEUE_PAGE_ROWS = 100;
type Facets = Queue['facets'];
const facetsCache = new WeakMap<Kysely<DB>, Map<string, { at: number; facets: Promise<Facets> }>>();

function facetsFor(db: Kysely<DB>, scope: QueueScope): Promise<Facets> {
  const key = `${scope.jobcentreId}|${[...scope.networkIds].sort().join(',')}`;
  const byScope = facetsCache.get(db) ?? new Map<string, { at: number; facets: Promise<Facets> }>();
  facetsCache.set(db, byScope);
  const now = performance.now();
  const cached = byScope.get(key);
  if (cached && now - cached.at < FACETS_FRESH_MS) return cached.facets;
  const facets = selectQueueFacets(db, scope);
  byScope.set(key, { at: now, facets });
  // A failed query is not kept: the next page view asks again.
  facets.catch(() => byScope.delete(key));
  return facets;
}

/** The queue, ranked by score (then longest waiting), with the filters applied. */
export async function loadQueue(deps: { db: Kysely<DB>; clock: () => Date }, user: ConsultantUser, request: QueueRequest): Promise<Queue> {
  const consultant = asConsultant(user);
  const today = dayOf(deps.clock());
  const scope = { jobcentreId: consultant.jobcentreId, networkIds: await selectNetworkIdsOf(deps.db, consultant.jobcentreId) };
  const filters: QueueFilters = {
    scheme: request.scheme,
    sector: request.sector,
    organisationId: request.organisationId,
    minScore: request.minScore,
    candidate: request.candidate?.trim() || undefined,
    waitingSinceOnOrBefore: request.minDaysWaiting !== undefined ? addDays(today, -request.minDaysWaiting) : undefined,
    source: request.source,
  };
  const [rows, facets] = await Promise.all([selectQueue(deps.db, scope, filters, QUEUE_PAGE_ROWS), facetsFor(deps.db, scope)]);
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  return {
    items: rows.map((row) => ({
      ...row,
      own: row.candidate_jobcentre_id === consultant.jobcentreId,
      daysWaiting: Math.max(0, Math.round((todayMs - Date.parse(`${row.waiting_since}T00:00:00Z`)) / 86_400_000)),
    })),
    facets,
  };
}
