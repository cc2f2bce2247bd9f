/**
 * An employer's slots: create, edit, duplicate, publish, mark filled, close,
 * list and read — always within the actor's own company. Each change enqueues
 * the slot for the search index in the same transaction; the slot document
 * source decides whether it is matchable (published, company verified).
 *
 * Life cycle: draft → published → filled | closed (a draft may be closed too).
 */
import type { Kysely } from 'kysely';
import * as employers from '../../db/queries/employers.js';
import * as slots from '../../db/queries/slots.js';
import type { DB, Slot, SlotType } from '../../db/schema.js';
import { enqueueIndexChange } from '../../search/outbox.server.js';
import { Conflict, InvalidInput, NotFound, RuleViolation } from '../lib/errors.js';
import { RATIO_RULE_SOURCE, ratioRuleCapacity } from '../rules/ratio-rule.js';
import type { EmployerActor } from './organisations.server.js';
import { danishRequirement, type SlotInput, type SlotView } from './schemas.js';

type Deps = { db: Kysely<DB>; clock: () => Date };

/** The ratio rule refused more positions; carries the numbers the form shows. */
export class RatioRuleViolation extends RuleViolation {
  constructor(
    readonly capacity: number,
    readonly used: number,
  ) {
    super(
      'ratio_rule',
      `The workplace may have ${capacity} supported persons at once and already has ${used}; ${Math.max(0, capacity - used)} left`,
      RATIO_RULE_SOURCE,
    );
  }
}

const SUPPORTED_TYPES: readonly SlotType[] = ['praktik', 'loentilskud'];

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function toView(row: slots.SlotWithPipeline): SlotView {
  const { skills } = row;
  const visibility: SlotView['visibility'] =
    row.status === 'draft'
      ? 'draft'
      : row.status === 'published'
        ? row.organisation_status === 'verified'
          ? 'visible'
          : 'waiting_for_verification'
        : 'ended';
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    visibility,
    workplaceId: row.workplace_id,
    workplaceName: row.workplace_name,
    title: row.title,
    description: row.description,
    occupationUri: row.occupation_uri,
    mustSkills: skills.filter((s) => s.required).map((s) => s.skill_uri),
    niceSkills: skills.filter((s) => !s.required).map((s) => s.skill_uri),
    danishSpoken: row.danish_spoken,
    danishWritten: row.danish_written,
    danishWithinMonths: row.danish_within_months,
    languages: row.languages,
    positions: row.positions,
    startDate: row.start_date,
    weeks: row.weeks,
    hoursPerWeek: Number(row.hours_per_week),
    mentor: row.mentor,
    payBasis: row.pay_basis,
    netJobs:
      row.net_jobs_answered_at !== null && row.net_jobs_fte_now !== null && row.net_jobs_fte_12m_ago !== null && row.net_jobs_fills_vacancy !== null
        ? {
            fteNow: Number(row.net_jobs_fte_now),
            fte12mAgo: Number(row.net_jobs_fte_12m_ago),
            fillsVacancy: row.net_jobs_fills_vacancy,
            vacatedOn: row.net_jobs_vacated_on,
            answeredAt: new Date(row.net_jobs_answered_at).toISOString(),
          }
        : null,
    publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    pipeline: { found: row.found, approved: row.approved, invited: row.invited, declined: row.declined, placed: row.placed },
  };
}

async function viewOf(db: Kysely<DB>, actor: EmployerActor, slotId: string): Promise<SlotView> {
  const row = await slots.selectSlotForOrganisation(db, actor.organisationId, slotId);
  if (!row) throw new NotFound('Slot', slotId);
  return toView(row);
}

/**
 * Refuses more supported persons than the ratio rule allows at the workplace
 * (praktik and løntilskud only; see countSupportedAtWorkplace for what counts).
 * Locks the workplace so two saves cannot both take the last place.
 */
async function checkRatioRule(
  trx: Kysely<DB>,
  workplace: { id: string; ordinary_employees_fte: number },
  type: SlotType,
  positions: number,
  slotId: string | null,
): Promise<void> {
  if (!SUPPORTED_TYPES.includes(type)) return;
  await employers.lockWorkplace(trx, workplace.id);
  const capacity = ratioRuleCapacity(Number(workplace.ordinary_employees_fte));
  const used = await employers.countSupportedAtWorkplace(trx, workplace.id, slotId);
  if (used + positions > capacity) throw new RatioRuleViolation(capacity, used);
}

function columnsOf(
  input: SlotInput,
): Omit<
  Slot,
  'id' | 'organisation_id' | 'status' | 'published_at' | 'created_at' | 'updated_at' | 'sector' | 'pooled_network_id' | keyof NetJobColumns
> {
  const danish = danishRequirement(input);
  return {
    workplace_id: input.workplaceId,
    type: input.type,
    title: input.title,
    description: input.description,
    occupation_uri: input.occupationUri ?? null,
    danish_spoken: danish.spoken,
    danish_written: danish.written,
    danish_within_months: input.type === 'igu' ? (input.danishWithinMonths ?? null) : null,
    languages: input.languages,
    positions: input.positions,
    start_date: input.startDate,
    weeks: input.weeks,
    hours_per_week: input.hoursPerWeek,
    mentor: input.mentor,
    pay_basis: input.payBasis ?? null,
  };
}

type NetJobColumns = Pick<
  Slot,
  'net_jobs_fte_now' | 'net_jobs_fte_12m_ago' | 'net_jobs_fills_vacancy' | 'net_jobs_vacated_on' | 'net_jobs_answered_by' | 'net_jobs_answered_at'
>;

const NO_NET_JOB_ANSWERS: NetJobColumns = {
  net_jobs_fte_now: null,
  net_jobs_fte_12m_ago: null,
  net_jobs_fills_vacancy: null,
  net_jobs_vacated_on: null,
  net_jobs_answered_by: null,
  net_jobs_answered_at: null,
};

/**
 * The løntilskud net-job-creation answers to store, with who gave them and
 * when. Other schemes store none (the form hides the questions for them). An
 * edit that leaves the answers as they were keeps who gave them first.
 */
function netJobColumnsOf(input: SlotInput, actor: EmployerActor, now: Date, current?: Slot): NetJobColumns {
  if (input.type !== 'loentilskud' || input.netJobsFteNow === undefined || input.netJobsFte12mAgo === undefined || !input.netJobsFillsVacancy) {
    return NO_NET_JOB_ANSWERS;
  }
  const fillsVacancy = input.netJobsFillsVacancy === 'yes';
  const answers = {
    net_jobs_fte_now: input.netJobsFteNow,
    net_jobs_fte_12m_ago: input.netJobsFte12mAgo,
    net_jobs_fills_vacancy: fillsVacancy,
    net_jobs_vacated_on: fillsVacancy ? (input.netJobsVacatedOn ?? null) : null,
  };
  const unchanged =
    current?.net_jobs_answered_at != null &&
    Number(current.net_jobs_fte_now) === answers.net_jobs_fte_now &&
    Number(current.net_jobs_fte_12m_ago) === answers.net_jobs_fte_12m_ago &&
    current.net_jobs_fills_vacancy === answers.net_jobs_fills_vacancy &&
    current.net_jobs_vacated_on === answers.net_jobs_vacated_on;
  return unchanged && current
    ? { ...answers, net_jobs_answered_by: current.net_jobs_answered_by, net_jobs_answered_at: current.net_jobs_answered_at }
    : { ...answers, net_jobs_answered_by: actor.userId, net_jobs_answered_at: now };
}

function skillsOf(input: SlotInput): Array<{ skill_uri: string; required: boolean }> {
  return [
    ...[...new Set(input.mustSkills)].map((uri) => ({ skill_uri: uri, required: true })),
    ...[...new Set(input.niceSkills)].filter((uri) => !input.mustSkills.includes(uri)).map((uri) => ({ skill_uri: uri, required: false })),
  ];
}

async function workplaceFor(trx: Kysely<DB>, actor: EmployerActor, workplaceId: string) {
  const workplace = await employers.selectWorkplace(trx, actor.organisationId, workplaceId);
  if (!workplace) throw new InvalidInput('Unknown workplace', { workplaceId: ['workplaceUnknown'] });
  return { id: workplace.id, ordinary_employees_fte: Number(workplace.ordinary_employees_fte) };
}

function assertStartNotPast(input: SlotInput, now: Date): void {
  if (input.startDate < isoDay(now)) throw new InvalidInput('The start date is in the past', { startDate: ['startInPast'] });
}

/**
 * Creates a slot, as a draft or published at once.
 * @throws InvalidInput (unknown workplace, start in the past), RatioRuleViolation.
 */
export async function createSlot(deps: Deps, actor: EmployerActor, input: SlotInput, options: { publish: boolean }): Promise<SlotView> {
  const now = deps.clock();
  assertStartNotPast(input, now);
  const id = await deps.db.transaction().execute(async (trx) => {
    const workplace = await workplaceFor(trx, actor, input.workplaceId);
    // Drafts are checked too, so the form refuses early; publishing checks again.
    await checkRatioRule(trx, workplace, input.type, input.positions, null);
    const slot = await slots.insertSlot(trx, {
      ...columnsOf(input),
      ...netJobColumnsOf(input, actor, now),
      organisation_id: actor.organisationId,
      status: options.publish ? 'published' : 'draft',
      published_at: options.publish ? now : null,
      created_at: now,
      updated_at: now,
    });
    await slots.replaceSlotSkills(trx, slot.id, skillsOf(input));
    await enqueueIndexChange(trx, { index: 'slots', id: slot.id, operation: 'upsert' });
    return slot.id;
  });
  return viewOf(deps.db, actor, id);
}

/**
 * Replaces a draft or published slot's content (a filled or closed slot is final).
 * @throws NotFound, Conflict, InvalidInput, RatioRuleViolation.
 */
export async function updateSlot(deps: Deps, actor: EmployerActor, slotId: string, input: SlotInput): Promise<SlotView> {
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const current = await slots.lockSlot(trx, actor.organisationId, slotId);
    if (!current) throw new NotFound('Slot', slotId);
    if (current.status === 'filled' || current.status === 'closed') throw new Conflict(`A ${current.status} slot can no longer be edited`);
    if (input.startDate !== current.start_date) assertStartNotPast(input, now);
    const workplace = await workplaceFor(trx, actor, input.workplaceId);
    await checkRatioRule(trx, workplace, input.type, input.positions, slotId);
    await slots.updateSlot(trx, actor.organisationId, slotId, {
      ...columnsOf(input),
      ...netJobColumnsOf(input, actor, now, current),
      updated_at: now,
    });
    await slots.replaceSlotSkills(trx, slotId, skillsOf(input));
    await enqueueIndexChange(trx, { index: 'slots', id: slotId, operation: 'upsert' });
  });
  return viewOf(deps.db, actor, slotId);
}

export type SlotTransition = 'publish' | 'fill' | 'close';

const ALLOWED: Record<SlotTransition, ReadonlyArray<Slot['status']>> = {
  publish: ['draft'],
  fill: ['published'],
  close: ['draft', 'published', 'filled'],
};
const TARGET: Record<SlotTransition, Slot['status']> = { publish: 'published', fill: 'filled', close: 'closed' };

/**
 * Moves a slot along its life cycle. Publishing checks the ratio rule again,
 * because other slots may have taken the workplace's places since.
 * @throws NotFound, Conflict (not allowed from the current status), RatioRuleViolation.
 */
export async function changeSlotStatus(deps: Deps, actor: EmployerActor, slotId: string, transition: SlotTransition): Promise<SlotView> {
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const current = await slots.lockSlot(trx, actor.organisationId, slotId);
    if (!current) throw new NotFound('Slot', slotId);
    if (!ALLOWED[transition].includes(current.status)) throw new Conflict(`A ${current.status} slot cannot be ${TARGET[transition]}`);
    if (transition === 'publish') {
      const workplace = await workplaceFor(trx, actor, current.workplace_id);
      await checkRatioRule(trx, workplace, current.type, current.positions, slotId);
    }
    await slots.updateSlot(trx, actor.organisationId, slotId, {
      status: TARGET[transition],
      updated_at: now,
      ...(transition === 'publish' ? { published_at: now } : {}),
    });
    await enqueueIndexChange(trx, { index: 'slots', id: slotId, operation: 'upsert' });
  });
  return viewOf(deps.db, actor, slotId);
}

/** Copies a slot into a new draft (start date moved to today when it has passed). */
export async function duplicateSlot(deps: Deps, actor: EmployerActor, slotId: string): Promise<SlotView> {
  const now = deps.clock();
  const id = await deps.db.transaction().execute(async (trx) => {
    const source = await slots.lockSlot(trx, actor.organisationId, slotId);
    if (!source) throw new NotFound('Slot', slotId);
    const { id: _id, status: _status, published_at: _published, created_at: _created, updated_at: _updated, ...content } = source;
    const copy = await slots.insertSlot(trx, {
      ...content,
      hours_per_week: Number(content.hours_per_week),
      start_date: content.start_date < isoDay(now) ? isoDay(now) : content.start_date,
      status: 'draft',
      published_at: null,
      created_at: now,
      updated_at: now,
    });
    const skills = await slots.selectSkillsOfSlots(trx, [source.id]);
    await slots.replaceSlotSkills(
      trx,
      copy.id,
      skills.map(({ skill_uri, required }) => ({ skill_uri, required })),
    );
    await enqueueIndexChange(trx, { index: 'slots', id: copy.id, operation: 'upsert' });
    return copy.id;
  });
  return viewOf(deps.db, actor, id);
}

/** The company's slots, newest first. */
export async function listSlots(
  deps: { db: Kysely<DB> },
  actor: EmployerActor,
  filter: { status?: Slot['status']; limit?: number; offset?: number } = {},
): Promise<SlotView[]> {
  const rows = await slots.selectSlotsForOrganisation(deps.db, actor.organisationId, filter);
  return rows.map(toView);
}

/** One slot of the company. @throws NotFound for a slot of another company too. */
export async function getSlot(deps: { db: Kysely<DB> }, actor: EmployerActor, slotId: string): Promise<SlotView> {
  return viewOf(deps.db, actor, slotId);
}
