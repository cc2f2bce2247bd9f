/**
 * SQL for the consultant's what-if on a slot (app/workbench/what-if.server.ts):
 * which slots a jobcentre may try changes on, the slot's heading, and the
 * names and stored proposals of the candidates a ranking shows. Reads only.
 */
import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../client.server.js';
import type { MatchProposal, SlotType } from '../schema.js';
import type { QueueScope } from './queue.js';

export type WhatIfSlotRow = {
  id: string;
  title: string;
  type: SlotType;
  organisation_name: string;
};

/**
 * The slot, when the jobcentre may look at its candidates: the slot's
 * workplace lies in the jobcentre's municipality, the slot is pooled in one
 * of the jobcentre's networks, or the jobcentre sees one of its proposals
 * (the queue's visibility rule: its own candidate, or a network partner's on
 * a slot pooled in that network). Undefined otherwise, and for an unknown id.
 */
export async function selectWhatIfSlot(db: Executor, scope: QueueScope, slotId: string): Promise<WhatIfSlotRow | undefined> {
  const pooledInScope =
    scope.networkIds.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`slots.pooled_network_id in (${sql.join(scope.networkIds)})`;
  return db
    .selectFrom('slots')
    .innerJoin('workplaces', 'workplaces.id', 'slots.workplace_id')
    .innerJoin('organisations', 'organisations.id', 'slots.organisation_id')
    .select(['slots.id', 'slots.title', 'slots.type', 'organisations.name as organisation_name'])
    .where('slots.id', '=', slotId)
    .where(
      sql<SqlBool>`(
        exists (select 1 from postal_codes p join jobcentres j on j.municipality_code = p.municipality_code
                where p.code = workplaces.postal_code and j.id = ${scope.jobcentreId})
        or ${pooledInScope}
        or exists (select 1 from match_proposals mp join candidates c on c.id = mp.candidate_id
                   where mp.slot_id = slots.id and (c.jobcentre_id = ${scope.jobcentreId} or (${pooledInScope}
                     and exists (select 1 from jobcentre_network_members m
                                 where m.network_id = slots.pooled_network_id and m.jobcentre_id = c.jobcentre_id)))))`,
    )
    .executeTakeFirst();
}

export type WhatIfCandidateRow = { id: string; full_name: string; jobcentre_id: string };

/** Names of the candidates a ranking shows (the index holds no names). */
export async function selectCandidateNames(db: Executor, candidateIds: readonly string[]): Promise<WhatIfCandidateRow[]> {
  if (candidateIds.length === 0) return [];
  return db
    .selectFrom('candidates')
    .select(['id', 'full_name', 'jobcentre_id'])
    .where('id', 'in', [...candidateIds])
    .execute();
}

export type WhatIfProposalRow = { id: string; candidate_id: string; status: MatchProposal['status'] };

/** The slot's stored proposals of some candidates, for links and status next to the ranking. */
export async function selectSlotProposalsOf(db: Executor, slotId: string, candidateIds: readonly string[]): Promise<WhatIfProposalRow[]> {
  if (candidateIds.length === 0) return [];
  return db
    .selectFrom('match_proposals')
    .select(['id', 'candidate_id', 'status'])
    .where('slot_id', '=', slotId)
    .where('candidate_id', 'in', [...candidateIds])
    .execute();
}
