/**
 * The consultant's queue: undecided proposals for their jobcentre's
 * candidates and, for slots pooled in a network they belong to, for the
 * network partners' candidates (shown, but decided by the home jobcentre).
 */
import type { Kysely } from 'kysely';
import { countQueue, selectQueue, selectQueueRequirements, type QueueFilters, type QueueRow, type QueueSort } from '../../db/queries/queue.js';
import type { DB, SlotType } from '../../db/schema.js';
import { getPostalCode } from '../geo/places.js';
import { addDays } from '../lib/dates.js';
import { distanceKm } from '../lib/geo.js';
import { compareRequirements, type Requirements } from '../workbench/requirements.js';
import type { RuleDetail } from '../rules/verdict.js';
import { approvalFailuresOf } from './decisions.server.js';
import { QUEUE_MAX_PAGE } from './schemas.js';
import { asConsultant, type ConsultantUser } from './consultant.js';

export type QueueRequest = {
  scheme?: SlotType;
  sector?: string;
  organisationId?: string;
  /** Part of the employer's name, case-insensitive. */
  organisationName?: string;
  minScore?: number;
  candidate?: string;
  minDaysWaiting?: number;
  source?: 'matcher' | 'interest';
  /** 1-based; the route bounds it (see QUEUE_MAX_PAGE in schemas.ts). */
  page?: number;
  sort?: QueueSort;
};

/**
 * One row as the queue page shows it, and nothing more: every field is
 * serialised into the page. `score` is rounded to the one decimal shown,
 * `components` to the two decimals shown.
 */
export type QueueItem = Omit<QueueRow, 'candidate_jobcentre_id' | 'candidate_jobcentre_name' | 'waiting_since' | 'components'> & {
  /** The consultant's jobcentre decides (else the candidate's home jobcentre, named in homeJobcentreName). */
  own: boolean;
  homeJobcentreName: string | null;
  daysWaiting: number;
  /** Must-have skills, Danish, distance and start side by side (skill labels are the route's). */
  requirements: Requirements | null;
  /** Approval rules the proposal would fail now (rule id and source; the page shows the rule's Danish text). */
  flags: Array<{ rule: string; message: string; source: string; detail: RuleDetail | null }>;
};

export type Queue = {
  items: QueueItem[];
  page: number;
  /** The 1-based position of the first item in the whole queue. */
  firstRow: number;
  hasNextPage: boolean;
  /** Undecided proposals matching the filters, on every page, counted up to QUEUE_COUNTED_ROWS. */
  total: number;
  /** True when there are more than `total` (the pages reach only that many). */
  totalIsAtLeast: boolean;
};

/**
 * Rows on one page of the queue. At national scale a big jobcentre sees tens
 * of thousands of undecided proposals, so the page is a top list that the
 * filters narrow and the consultant pages through; rendering and serialising
 * rows is most of a page view's cost (100 rows cost ≈ 70 ms of server CPU).
 */
export const QUEUE_PAGE_ROWS = 25;

/** The rows the queue's pages reach; the total is counted up to this and shown as "1,000+" beyond it. */
export const QUEUE_COUNTED_ROWS = QUEUE_MAX_PAGE * QUEUE_PAGE_ROWS;

const dayOf = (date: Date) => date.toISOString().slice(0, 10);
const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** One page of the queue, ranked by score (then longest waiting), with the filters applied. */
export async function loadQueue(deps: { db: Kysely<DB>; clock: () => Date }, user: ConsultantUser, request: QueueRequest): Promise<Queue> {
  const consultant = asConsultant(user);
  const today = dayOf(deps.clock());
  const filters: QueueFilters = {
    scheme: request.scheme,
    sector: request.sector,
    organisationId: request.organisationId,
    organisationName: request.organisationName?.trim() || undefined,
    minScore: request.minScore,
    candidate: request.candidate?.trim() || undefined,
    waitingSinceOnOrBefore: request.minDaysWaiting !== undefined ? addDays(today, -request.minDaysWaiting) : undefined,
    source: request.source,
  };
  const page = Math.max(1, Math.floor(request.page ?? 1));
  const offset = (page - 1) * QUEUE_PAGE_ROWS;
  // One row more than shown tells whether a next page exists without counting the whole queue.
  const [rows, total] = await Promise.all([
    selectQueue(deps.db, consultant.jobcentreId, filters, { limit: QUEUE_PAGE_ROWS + 1, offset, sort: request.sort ?? 'score' }),
    countQueue(deps.db, consultant.jobcentreId, filters, QUEUE_COUNTED_ROWS + 1),
  ]);
  const shown = rows.slice(0, QUEUE_PAGE_ROWS);
  const ids = shown.map((row) => row.proposal_id);
  const [requirementRows, failures] = await Promise.all([selectQueueRequirements(deps.db, ids), approvalFailuresOf(deps.db, ids)]);
  const requirementsOf = new Map(
    requirementRows.map((row) => {
      const candidatePlace = getPostalCode(row.candidate_postal_code);
      const workplace = getPostalCode(row.workplace_postal_code);
      return [
        row.proposal_id,
        compareRequirements({
          requiredSkills: row.required_skills,
          candidateSkills: row.candidate_skills,
          danishNeeded: { spoken: row.slot_danish_spoken, written: row.slot_danish_written, withinMonths: row.danish_within_months },
          danishHeld: { spoken: row.candidate_danish_spoken, written: row.candidate_danish_written },
          distanceKm: candidatePlace && workplace ? distanceKm(candidatePlace, workplace) : null,
          maxTravelKm: row.max_travel_km,
          startDate: row.slot_start_date,
          availableFrom: row.available_from,
        }),
      ];
    }),
  );
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  return {
    total: Math.min(total, QUEUE_COUNTED_ROWS),
    totalIsAtLeast: total > QUEUE_COUNTED_ROWS,
    items: shown.map((row) => {
      const own = row.candidate_jobcentre_id === consultant.jobcentreId;
      return {
        proposal_id: row.proposal_id,
        source: row.source,
        score: row.score === null ? null : round(row.score, 1),
        slot_title: row.slot_title,
        slot_type: row.slot_type,
        slot_start_date: row.slot_start_date,
        organisation_name: row.organisation_name,
        candidate_name: row.candidate_name,
        own,
        homeJobcentreName: own ? null : row.candidate_jobcentre_name,
        daysWaiting: Math.max(0, Math.round((todayMs - Date.parse(`${row.waiting_since}T00:00:00Z`)) / 86_400_000)),
        requirements: requirementsOf.get(row.proposal_id) ?? null,
        flags: (failures.get(row.proposal_id) ?? []).map(({ rule, message, source, detail }) => ({ rule, message, source, detail: detail ?? null })),
      };
    }),
    page,
    firstRow: offset + 1,
    hasNextPage: rows.length > QUEUE_PAGE_ROWS,
  };
}
