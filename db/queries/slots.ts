/**
 * SQL for an employer's slots. Reads and writes are scoped by
 * `organisation_id`: a slot of another company is simply not found.
 */
import { sql } from 'kysely';
import type { Executor } from '../client.server.js';
import type { NewSlot, Slot, SlotUpdate } from '../schema.js';

export type SlotWithPipeline = Slot & {
  workplace_name: string;
  organisation_status: 'unverified' | 'verified' | 'suspended';
  /** Proposals the matcher (or a candidate's interest) produced and that are not stale. */
  found: number;
  approved: number;
  invited: number;
  declined: number;
  placed: number;
  /** The slot's skills, required first, then by URI. */
  skills: Array<{ skill_uri: string; required: boolean }>;
};

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Only a uuid can be a slot id; anything else would make PostgreSQL throw. */
export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}

function pipelineQuery(db: Executor, organisationId: string) {
  return db
    .selectFrom('slots')
    .innerJoin('workplaces', 'workplaces.id', 'slots.workplace_id')
    .innerJoin('organisations', 'organisations.id', 'slots.organisation_id')
    .selectAll('slots')
    .select([
      'workplaces.name as workplace_name',
      'organisations.status as organisation_status',
      sql<string>`(select count(*) from match_proposals mp where mp.slot_id = slots.id and mp.status <> 'stale')`.as('found'),
      sql<string>`(select count(*) from match_proposals mp where mp.slot_id = slots.id and mp.status = 'approved')`.as('approved'),
      sql<string>`(select count(*) from match_proposals mp join employer_decisions d on d.proposal_id = mp.id
        where mp.slot_id = slots.id and mp.status = 'approved' and d.decision = 'invite')`.as('invited'),
      sql<string>`(select count(*) from match_proposals mp join employer_decisions d on d.proposal_id = mp.id
        where mp.slot_id = slots.id and mp.status = 'approved' and d.decision = 'decline')`.as('declined'),
      sql<string>`(select count(*) from placements p where p.slot_id = slots.id)`.as('placed'),
      // In the same query: one round trip less per slot list (on the embedded database, one message to its thread).
      sql<
        Array<{ skill_uri: string; required: boolean }>
      >`(select coalesce(json_agg(json_build_object('skill_uri', ss.skill_uri, 'required', ss.required)
        order by ss.required desc, ss.skill_uri), '[]') from slot_skills ss where ss.slot_id = slots.id)`.as('skills'),
    ])
    .where('slots.organisation_id', '=', organisationId);
}

type PipelineRow = Awaited<ReturnType<ReturnType<typeof pipelineQuery>['execute']>>[number];

function withCounts(row: PipelineRow): SlotWithPipeline {
  return {
    ...row,
    found: Number(row.found),
    approved: Number(row.approved),
    invited: Number(row.invited),
    declined: Number(row.declined),
    placed: Number(row.placed),
  };
}

/** The organisation's slots, newest first, with their pipeline counts. */
export async function selectSlotsForOrganisation(
  db: Executor,
  organisationId: string,
  options: { status?: Slot['status']; limit?: number; offset?: number } = {},
): Promise<SlotWithPipeline[]> {
  let query = pipelineQuery(db, organisationId).orderBy('slots.created_at', 'desc').orderBy('slots.id');
  if (options.status) query = query.where('slots.status', '=', options.status);
  const rows = await query
    .limit(options.limit ?? 200)
    .offset(options.offset ?? 0)
    .execute();
  return rows.map(withCounts);
}

/** One slot, only when it belongs to the organisation. */
export async function selectSlotForOrganisation(db: Executor, organisationId: string, slotId: string): Promise<SlotWithPipeline | undefined> {
  if (!isUuid(slotId)) return undefined;
  const row = await pipelineQuery(db, organisationId).where('slots.id', '=', slotId).executeTakeFirst();
  return row ? withCounts(row) : undefined;
}

/** Locks the slot row for an update, scoped by organisation. */
export async function lockSlot(db: Executor, organisationId: string, slotId: string): Promise<Slot | undefined> {
  if (!isUuid(slotId)) return undefined;
  return db.selectFrom('slots').selectAll().where('id', '=', slotId).where('organisation_id', '=', organisationId).forUpdate().executeTakeFirst();
}

export async function insertSlot(db: Executor, row: NewSlot): Promise<Slot> {
  return db.insertInto('slots').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateSlot(db: Executor, organisationId: string, slotId: string, changes: SlotUpdate): Promise<Slot> {
  return db
    .updateTable('slots')
    .set(changes)
    .where('id', '=', slotId)
    .where('organisation_id', '=', organisationId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function selectSkillsOfSlots(
  db: Executor,
  slotIds: readonly string[],
): Promise<Array<{ slot_id: string; skill_uri: string; required: boolean }>> {
  if (slotIds.length === 0) return [];
  return db
    .selectFrom('slot_skills')
    .select(['slot_id', 'skill_uri', 'required'])
    .where('slot_id', 'in', [...slotIds])
    .orderBy('slot_id')
    .orderBy('required', 'desc')
    .orderBy('skill_uri')
    .execute();
}

export async function replaceSlotSkills(
  db: Executor,
  slotId: string,
  skills: ReadonlyArray<{ skill_uri: string; required: boolean }>,
): Promise<void> {
  await db.deleteFrom('slot_skills').where('slot_id', '=', slotId).execute();
  if (skills.length === 0) return;
  await db
    .insertInto('slot_skills')
    .values(skills.map((skill) => ({ slot_id: slotId, ...skill })))
    .execute();
}
