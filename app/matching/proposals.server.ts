/**
 * Match proposals: the matcher's top candidates per published slot, stored
 * with score, component breakdown, reasons and time. Re-matching refreshes
 * undecided proposals and removes those no longer ranked; a proposal a
 * consultant decided (approved or rejected), and one that came from a
 * candidate's interest, is never touched.
 *
 * Triggers: the outbox worker calls `rematchForIndexChanges` after applying
 * slot or candidate changes to the index; `npm run match:all` calls
 * `rematchAll`.
 */
import type { Kysely } from 'kysely';
import {
  analyzeProposals,
  countProposals,
  deleteProposalsOfUnpublishedSlots,
  deleteUndecidedProposalsById,
  deleteUndecidedProposalsOfCandidate,
  jsonbText,
  selectUndecidedProposalsOfSlots,
  selectUndecidedSlotIdsOfCandidate,
  upsertMatcherProposals,
  type MatcherProposalRow,
  type UndecidedProposalRow,
} from '../../db/queries/proposals.js';
import { selectPublishedSlotIds } from '../../db/queries/search-documents.js';
import type { DB } from '../../db/schema.js';
import type { SearchEngine } from '../../search/engine.js';
import type { IndexChange } from '../../search/outbox.server.js';
import { NotFound } from '../lib/errors.js';
import type { Reason } from './explain.js';
import { matchesForSlot, offersForCandidateFromIndex, type SlotMatchesResult } from './retrieval.server.js';

export type ProposalDeps = { db: Kysely<DB>; search: SearchEngine; clock: () => Date };

/** Proposals kept per slot. */
export const PROPOSALS_PER_SLOT = 50;

/** Reasons are stored as JSON text per reason, so the UI can translate the code and its parameters. */
export function encodeReason(reason: Reason): string {
  return JSON.stringify(reason);
}

function rowsFor(slotId: string, ranked: SlotMatchesResult['ranked']): MatcherProposalRow[] {
  return ranked.map((pair) => ({
    slot_id: slotId,
    candidate_id: pair.candidateId,
    score: pair.score,
    components: { ...pair.components },
    reasons: pair.reasons.map(encodeReason),
  }));
}

/** Ranked candidates of a slot, or null when the slot is not (or no longer) in the index. */
async function rankSlot(deps: ProposalDeps, slotId: string): Promise<SlotMatchesResult | null> {
  try {
    return await matchesForSlot(deps, slotId, { top: PROPOSALS_PER_SLOT });
  } catch (error) {
    if (error instanceof NotFound) return null;
    throw error;
  }
}

/** True when a stored undecided proposal already says what the matcher ranked now (jsonb compared as PostgreSQL prints it). */
function isUnchanged(stored: UndecidedProposalRow, row: MatcherProposalRow): boolean {
  return (
    stored.status === 'proposed' &&
    stored.score === row.score &&
    stored.componentsText === jsonbText(row.components) &&
    stored.reasonsText === jsonbText(row.reasons)
  );
}

/**
 * Stores the ranked pairs of some slots in one transaction: the slots'
 * undecided proposals are read once, only new or changed pairs are written,
 * and undecided proposals no longer ranked are deleted by id. A full
 * re-match that finds what it found last time writes nothing.
 */
async function writeSlots(deps: ProposalDeps, results: ReadonlyArray<{ slotId: string; ranked: SlotMatchesResult['ranked'] }>) {
  const rows = results.flatMap((result) => rowsFor(result.slotId, result.ranked));
  return deps.db.transaction().execute(async (trx) => {
    const stored = await selectUndecidedProposalsOfSlots(
      trx,
      results.map((result) => result.slotId),
    );
    // Slot, then candidate: no pair key strings to build for ten thousand rows a page.
    const storedBySlot = new Map<string, Map<string, UndecidedProposalRow>>();
    for (const proposal of stored) {
      let ofSlot = storedBySlot.get(proposal.slot_id);
      if (!ofSlot) storedBySlot.set(proposal.slot_id, (ofSlot = new Map()));
      ofSlot.set(proposal.candidate_id, proposal);
    }
    const ranked = new Set<UndecidedProposalRow>();
    const changed = rows.filter((row) => {
      const old = storedBySlot.get(row.slot_id)?.get(row.candidate_id);
      if (old) ranked.add(old);
      return old === undefined || !isUnchanged(old, row);
    });
    const written = await upsertMatcherProposals(trx, changed);
    const removed = await deleteUndecidedProposalsById(
      trx,
      stored.filter((proposal) => !ranked.has(proposal)).map((proposal) => proposal.id),
    );
    return { proposed: rows.length, written, removed };
  });
}

/**
 * Re-matches one slot: its top candidates become (or stay) proposals, and
 * undecided proposals no longer ranked are removed. A slot that left the
 * index (closed, filled, deleted) loses its undecided proposals.
 */
export async function rematchSlot(deps: ProposalDeps, slotId: string): Promise<{ proposed: number; removed: number }> {
  const result = await rankSlot(deps, slotId);
  const { proposed, removed } = await writeSlots(deps, [{ slotId, ranked: result?.ranked ?? [] }]);
  return { proposed, removed };
}

/**
 * Re-matches what a candidate's change touches: the slots where they hold an
 * undecided proposal, and the slots that now suit them best. A candidate no
 * longer matchable loses their undecided proposals.
 */
export async function rematchCandidate(deps: ProposalDeps, candidateId: string): Promise<{ slots: number; proposed: number; removed: number }> {
  const slotIds = new Set(await selectUndecidedSlotIdsOfCandidate(deps.db, candidateId));
  let removed = 0;
  try {
    const offers = await offersForCandidateFromIndex(deps, candidateId, { top: PROPOSALS_PER_SLOT });
    for (const offer of offers.ranked) slotIds.add(offer.slotId);
  } catch (error) {
    if (!(error instanceof NotFound)) throw error;
    removed += await deleteUndecidedProposalsOfCandidate(deps.db, candidateId);
  }
  let proposed = 0;
  for (const slotId of slotIds) {
    const result = await rematchSlot(deps, slotId);
    proposed += result.proposed;
    removed += result.removed;
  }
  return { slots: slotIds.size, proposed, removed };
}

/** Re-matches what a batch of applied index changes touches (the outbox worker's hook). */
export async function rematchForIndexChanges(deps: ProposalDeps, changes: readonly IndexChange[]): Promise<void> {
  const slots = new Set(changes.filter((change) => change.index === 'slots').map((change) => change.id));
  const candidates = new Set(changes.filter((change) => change.index === 'candidates').map((change) => change.id));
  for (const slotId of slots) await rematchSlot(deps, slotId);
  for (const candidateId of candidates) await rematchCandidate(deps, candidateId);
}

export type RematchAllSummary = {
  slots: number;
  /** Pairs ranked and stored (new, changed or already stored as they are). */
  proposed: number;
  /** Of those, the rows inserted or updated. */
  written: number;
  removed: number;
  counts: Record<'proposed' | 'approved' | 'rejected' | 'stale', number>;
  durationMs: number;
  /** True when `signal` stopped the run before every slot was re-matched. */
  stopped: boolean;
  /** Slots that could not be ranked (reported through `onSlotFailed`) and were skipped. */
  failed: number;
};

const SLOT_PAGE = 200;
/** Rows written before the statistics are refreshed again however few they knew of: about a page's worth. */
const REANALYZE_AFTER_ROWS = 5_000;

/**
 * Re-matches every published slot, a page at a time (one transaction per
 * page), then removes undecided proposals of slots no longer published.
 * An aborted `signal` stops after the current page (the bench's time box);
 * pages already written stay written.
 */
export async function rematchAll(
  deps: ProposalDeps,
  options: {
    onProgress?: (done: { slots: number; proposed: number }) => void;
    signal?: AbortSignal;
    /**
     * A slot that cannot be ranked (a value the matcher cannot read): reported
     * by id and skipped, its stored proposals left as they are, so one row never
     * stops a start or a full re-match.
     */
    onSlotFailed?: (slotId: string, error: unknown) => void;
  } = {},
): Promise<RematchAllSummary> {
  const started = performance.now();
  let after: string | null = null;
  let slots = 0;
  let proposed = 0;
  let written = 0;
  let removed = 0;
  let stopped = false;
  let failed = 0;
  let rowsAnalyzed = await analyzeProposals(deps.db);
  let writtenSinceAnalyze = 0;
  for (;;) {
    if (options.signal?.aborted) {
      stopped = true;
      break;
    }
    const page = await selectPublishedSlotIds(deps.db, after, SLOT_PAGE);
    if (page.length === 0) break;
    after = page[page.length - 1]!;
    const results: Array<{ slotId: string; ranked: SlotMatchesResult['ranked'] }> = [];
    for (const slotId of page) {
      try {
        results.push({ slotId, ranked: (await rankSlot(deps, slotId))?.ranked ?? [] });
      } catch (error) {
        failed += 1;
        if (!options.onSlotFailed) throw error;
        options.onSlotFailed(slotId, error);
      }
    }
    const stored = await writeSlots(deps, results);
    slots += page.length;
    proposed += stored.proposed;
    written += stored.written;
    removed += stored.removed;
    // A first re-match fills an empty table: with the statistics of the empty table, each page's read of the stored
    // proposals became a scan of all rows written so far (a fresh national bench: 111 s, 57 s with this).
    writtenSinceAnalyze += stored.written;
    if (writtenSinceAnalyze > Math.max(rowsAnalyzed, REANALYZE_AFTER_ROWS)) {
      rowsAnalyzed = await analyzeProposals(deps.db);
      writtenSinceAnalyze = 0;
    }
    options.onProgress?.({ slots, proposed });
  }
  if (!stopped) removed += await deleteProposalsOfUnpublishedSlots(deps.db);
  // Once more for what was just written: the consultant queue's plan depends on how proposals spread over jobcentres
  // and networks, and a first re-match starts from an empty table.
  if (written > 0 || removed > 0) await analyzeProposals(deps.db);
  const durationMs = performance.now() - started;
  return { slots, proposed, written, removed, counts: await countProposals(deps.db), durationMs, stopped, failed };
}
