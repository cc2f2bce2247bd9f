/**
 * A year of the demo jobcentres' work (issue 24, item 9), so every page and
 * figure shows realistic content on a fresh clone: past slots, approved and
 * rejected matches with reasons, and placements in every stage — approved
 * and waiting for consent or the employer, planned, under way (with
 * follow-ups and paid IGU bonuses), ended early, completed, each scheme and
 * each outcome (ordinary job, education, back to the programme).
 *
 * Deterministic: the same seed and `today` give the same rows (stable ids),
 * and a second run adds nothing. Every date keeps the placement date rules
 * that migration 2026-12-07T12-workbench enforces (docs in
 * app/placements/date-rules.ts): approval on or before the start, praktik
 * ≤ 13 weeks, løntilskud ≤ 12 months, IGU two years, completion after the
 * start, outcome on or after the end, IGU bonuses from 6 and 24 months after
 * the actual start.
 *
 * Kept in its own file so the seed can be split without touching it.
 */
import { sql, type Kysely } from 'kysely';
import { addDays, addMonths, minDate } from './seed-dates.js';
import type { Executor } from '../client.server.js';
import type { DB, PlacementOutcome, RejectReason, SlotType } from '../schema.js';
import { buildCandidate, stableUuid } from './factories.js';
import { seededRng, type Rng } from './random.js';

/** The jobcentres whose history is seeded: Aabenraa (the demo consultant's) and its network partners. */
export const HISTORY_MUNICIPALITIES = ['580', '540', '510'] as const;
const HISTORY_POSTAL_CODES: Record<(typeof HISTORY_MUNICIPALITIES)[number], string> = { '580': '6200', '540': '6400', '510': '6100' };

type Stage =
  'awaiting_consent' | 'awaiting_employer' | 'ready' | 'planned' | 'started' | 'ended_early' | 'completed_no_outcome' | 'completed' | 'rejected';

type Story = { stage: Stage; type: SlotType; outcome?: PlacementOutcome };

/**
 * One jobcentre's year, in the order its candidates are taken. Every scheme
 * reaches every stage somewhere; outcomes cover ordinary job, education and
 * back to the programme, including after an early end.
 */
const STORIES: readonly Story[] = [
  { stage: 'completed', type: 'praktik', outcome: 'ordinary_job' },
  { stage: 'completed', type: 'loentilskud', outcome: 'ordinary_job' },
  { stage: 'started', type: 'igu' },
  { stage: 'ended_early', type: 'praktik', outcome: 'back_to_programme' },
  { stage: 'completed', type: 'praktik', outcome: 'education' },
  { stage: 'started', type: 'praktik' },
  { stage: 'planned', type: 'loentilskud' },
  { stage: 'rejected', type: 'praktik' },
  { stage: 'completed', type: 'igu', outcome: 'ordinary_job' },
  { stage: 'awaiting_consent', type: 'igu' },
  { stage: 'ended_early', type: 'igu', outcome: 'education' },
  { stage: 'started', type: 'loentilskud' },
  { stage: 'completed_no_outcome', type: 'praktik' },
  { stage: 'rejected', type: 'igu' },
  { stage: 'awaiting_employer', type: 'praktik' },
  { stage: 'completed', type: 'loentilskud', outcome: 'back_to_programme' },
  { stage: 'started', type: 'igu' },
  { stage: 'ended_early', type: 'loentilskud', outcome: 'ordinary_job' },
  { stage: 'planned', type: 'praktik' },
  { stage: 'ready', type: 'loentilskud' },
  { stage: 'rejected', type: 'loentilskud' },
  { stage: 'completed', type: 'praktik', outcome: 'ordinary_job' },
  { stage: 'planned', type: 'igu' },
  { stage: 'ended_early', type: 'praktik' },
];

const REJECTIONS: ReadonlyArray<{ reason: RejectReason; note: string | null }> = [
  { reason: 'danish_too_low', note: 'Dansk A1 – skal have modul 2 først' },
  { reason: 'distance', note: 'Ingen bus om morgenen fra Bov' },
  { reason: 'candidate_declined', note: 'Vil hellere have rengøring end køkken' },
  { reason: 'skills', note: null },
  { reason: 'not_ready', note: 'Skal først afslutte sprogskolens modul' },
];

const EARLY_END_REASONS = ['Flyttede til en anden kommune', 'Sygdom i familien', 'Passede ikke til arbejdstiderne', 'Fik ordinært job et andet sted'];
const FOLLOW_UP_NOTES = ['Går godt, mentor er tilfreds', 'Har brug for mere hjælp med sproget', 'Trives, møder stabilt', 'Aftalt ekstra dansktimer'];
const TITLES: Record<SlotType, readonly string[]> = {
  igu: ['Køkkenmedhjælper (IGU)', 'Lagermedarbejder (IGU)', 'Social- og sundhedshjælper (IGU)'],
  praktik: ['Rengøringsassistent', 'Butiksmedhjælper', 'Køkkenmedhjælper', 'Lagermedhjælper'],
  loentilskud: ['Pakkeriarbejder', 'Servicemedarbejder', 'Produktionsmedarbejder'],
};

const at = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);

/** Dates of one story: approval, planned start and end, actual start and end, outcome. */
type Timeline = { approved: string; start: string; end: string; started: string | null; ended: string | null; outcomeOn: string | null };

function timelineOf(rng: Rng, story: Story, today: string): Timeline {
  const maxEnd = (start: string) =>
    story.type === 'praktik'
      ? addDays(start, 13 * 7 - 1)
      : story.type === 'loentilskud'
        ? addDays(addMonths(start, rng.pick([6, 9, 12])), -1)
        : addDays(addMonths(start, 24), -1);
  switch (story.stage) {
    case 'awaiting_consent':
    case 'awaiting_employer':
    case 'ready':
    case 'rejected': {
      const approved = addDays(today, -rng.int(3, 20));
      const start = addDays(today, rng.int(14, 45));
      return { approved, start, end: maxEnd(start), started: null, ended: null, outcomeOn: null };
    }
    case 'planned': {
      const approved = addDays(today, -rng.int(5, 25));
      const start = addDays(today, rng.int(7, 30));
      return { approved, start, end: maxEnd(start), started: null, ended: null, outcomeOn: null };
    }
    case 'started': {
      // IGUs under way long enough for the 6-month bonus; others a few weeks in.
      const start = story.type === 'igu' ? addDays(today, -rng.int(200, 320)) : addDays(today, -rng.int(20, 60));
      const approved = addDays(start, -rng.int(10, 30));
      return { approved, start, end: maxEnd(start), started: start, ended: null, outcomeOn: null };
    }
    case 'ended_early': {
      const start = addDays(today, -rng.int(150, 300));
      const approved = addDays(start, -rng.int(10, 30));
      const ended = addDays(start, rng.int(20, 80));
      return {
        approved,
        start,
        end: maxEnd(start),
        started: start,
        ended,
        outcomeOn: story.outcome ? minDate(addDays(ended, rng.int(1, 30)), today) : null,
      };
    }
    case 'completed_no_outcome':
    case 'completed': {
      // An IGU that completed has run two years: it began more than two years ago (the one story older than a year).
      const start = story.type === 'igu' ? addDays(addMonths(today, -24), -rng.int(20, 40)) : addDays(today, -rng.int(120, 340));
      const approved = addDays(start, -rng.int(10, 30));
      const end = maxEnd(start);
      const ended = end < today ? end : addDays(today, -1);
      return {
        approved,
        start,
        end,
        started: start,
        ended,
        outcomeOn: story.stage === 'completed' ? minDate(addDays(ended, rng.int(0, 30)), today) : null,
      };
    }
  }
}

/**
 * Seeds the history once per database (the first story's slot id marks it
 * done). Needs the demo data: seeded candidates of the history jobcentres
 * and seeded employers' workplaces.
 * @returns the number of placements created (0 when already seeded).
 */
export async function seedHistory(db: Kysely<DB>, context: { seed: number; today: string }): Promise<number> {
  const marker = stableUuid(context.seed, 'history-slot', 0);
  const done = await db.selectFrom('slots').select('id').where('id', '=', marker).executeTakeFirst();
  if (done) return 0;
  let placements = 0;
  await db.transaction().execute(async (trx) => {
    const workplaces = await trx
      .selectFrom('workplaces')
      .innerJoin('organisations', 'organisations.id', 'workplaces.organisation_id')
      .select([
        'workplaces.id as workplace_id',
        'organisations.id as organisation_id',
        'organisations.sector',
        'organisations.is_private',
        'organisations.cvr',
      ])
      .where('organisations.status', '=', 'verified')
      // The demo employer's own workplace stays free for the demo journey.
      .where('organisations.contact_email', '<>', 'employer@demo.jobbro.dk')
      .orderBy('workplaces.p_number')
      .execute();
    if (workplaces.length === 0) return;
    let index = 0;
    for (const municipality of HISTORY_MUNICIPALITIES) {
      const jobcentre = await trx.selectFrom('jobcentres').select('id').where('municipality_code', '=', municipality).executeTakeFirst();
      if (!jobcentre) continue;
      const consultant = await trx
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'consultant')
        .where('jobcentre_id', '=', jobcentre.id)
        .orderBy('email')
        .executeTakeFirst();
      const rng = seededRng(context.seed, `history-${municipality}`);
      const postalCode = HISTORY_POSTAL_CODES[municipality];
      for (const story of STORIES) {
        // Each story is its own person, who came to the jobcentre before it began.
        const candidateId = stableUuid(context.seed, 'history-candidate', index);
        await trx
          .insertInto('candidates')
          .values({
            ...buildCandidate(rng, { jobcentre_id: jobcentre.id }, { today: context.today }),
            id: candidateId,
            status: 'active',
            confirmed_at: at(addDays(context.today, -rng.int(380, 420))),
            postal_code: postalCode,
            // IGU is for refugees and those family-reunified to them, in Denmark under 20 years, aged 18–49.
            ...(story.type === 'igu'
              ? {
                  residence_basis: 'refugee' as const,
                  arrival_date: addDays(context.today, -rng.int(700, 1400)),
                  birth_date: addDays(context.today, -rng.int(22, 40) * 365),
                }
              : {}),
            // Set from the story's dates in writeStory (a wait ends with an offer and starts again after a placement).
            waiting_since: context.today,
            available_from: addDays(context.today, -rng.int(380, 400)),
          })
          .execute();
        const workplace = workplaces[rng.int(0, workplaces.length - 1)];
        if (!workplace) break;
        placements += await writeStory(trx, rng, {
          seed: context.seed,
          index: index++,
          story,
          today: context.today,
          candidateId,
          workplace,
          consultantId: consultant?.id ?? null,
          jobcentreId: jobcentre.id,
        });
      }
    }
    await seedNetworkCohort(trx, context);
  });
  return placements;
}

async function writeStory(
  trx: Executor,
  rng: Rng,
  input: {
    seed: number;
    index: number;
    story: Story;
    today: string;
    candidateId: string;
    workplace: { workplace_id: string; organisation_id: string; sector: string | null; is_private: boolean };
    consultantId: string | null;
    jobcentreId: string;
  },
): Promise<number> {
  const { story, today, index } = input;
  const time = timelineOf(rng, story, today);
  // The wait for a company-based offer: the weeks before this offer was approved, or, for someone whose
  // placement has ended, the days since it ended (back in the programme). Not the 400+ days a person
  // who came to the jobcentre a year ago would show had no one ever made them an offer.
  const waitingSince =
    time.ended !== null && time.ended < today ? minDate(addDays(time.ended, rng.int(1, 10)), today) : addDays(time.approved, -rng.int(14, 60));
  await trx.updateTable('candidates').set({ waiting_since: waitingSince }).where('id', '=', input.candidateId).execute();
  const slotId = stableUuid(input.seed, 'history-slot', index);
  const weeks = story.type === 'igu' ? 104 : story.type === 'praktik' ? 13 : 52;
  const future = time.start > today;
  await trx
    .insertInto('slots')
    .values({
      id: slotId,
      organisation_id: input.workplace.organisation_id,
      workplace_id: input.workplace.workplace_id,
      type: story.type,
      // A slot whose person has a placement is filled; one still waiting for consent or the employer stays published.
      status: future && ['awaiting_consent', 'awaiting_employer', 'ready', 'rejected'].includes(story.stage) ? 'published' : 'filled',
      title: rng.pick(TITLES[story.type]),
      description: 'Opslag fra det seneste år.',
      sector: input.workplace.sector,
      danish_spoken: 'A2',
      positions: 1,
      start_date: time.start,
      weeks,
      hours_per_week: story.type === 'loentilskud' ? 37 : 30,
      published_at: at(addDays(time.approved, -rng.int(5, 20))),
    })
    .execute();
  // Must-haves as employers set them: essential skills of an occupation in the employer's sector.
  const essentials = await trx
    .selectFrom('occupation_skills')
    .innerJoin('occupations', 'occupations.uri', 'occupation_skills.occupation_uri')
    .select(['occupation_skills.occupation_uri', 'occupation_skills.skill_uri'])
    .where('occupation_skills.relation', '=', 'essential')
    .where('occupations.sector', '=', input.workplace.sector ?? '')
    .orderBy('occupation_skills.occupation_uri')
    .orderBy('occupation_skills.skill_uri')
    .execute();
  const occupations = [...new Set(essentials.map((row) => row.occupation_uri))];
  const occupation = occupations.length > 0 ? rng.pick(occupations) : null;
  const mustHaves = essentials.filter((row) => row.occupation_uri === occupation).slice(0, 2);
  if (mustHaves.length > 0) {
    await trx
      .insertInto('slot_skills')
      .values(mustHaves.map((row) => ({ slot_id: slotId, skill_uri: row.skill_uri, required: true })))
      .execute();
  }
  const score = Math.round((55 + rng.int(0, 40) + rng.int(0, 9) / 10) * 10) / 10;
  const components = JSON.stringify({ requiredSkills: 1, niceSkills: 0.5, danish: 0.8, distance: 0.7, ambitions: 0.6, waiting: 0.5, languages: 0 });
  const reasons = JSON.stringify([
    JSON.stringify({ code: 'skills.required_all', params: { total: 2 } }),
    JSON.stringify({ code: 'waiting.days', params: { days: rng.int(20, 200) } }),
  ]);
  const rejected = story.stage === 'rejected' ? REJECTIONS[index % REJECTIONS.length] : undefined;
  const decidedAt = at(time.approved, 9 + (index % 6));
  const proposalId = stableUuid(input.seed, 'history-proposal', index);
  await trx
    .insertInto('match_proposals')
    .values({
      id: proposalId,
      slot_id: slotId,
      candidate_id: input.candidateId,
      source: index % 5 === 0 ? 'interest' : 'matcher',
      score,
      components,
      reasons,
      computed_at: at(addDays(time.approved, -2)),
      status: rejected ? 'rejected' : 'approved',
      decided_by: input.consultantId,
      decided_at: decidedAt,
      reject_reason: rejected?.reason ?? null,
      decision_note: rejected?.note ?? null,
    })
    .execute();
  await trx
    .insertInto('match_decisions')
    .values({
      proposal_id: proposalId,
      slot_id: slotId,
      candidate_id: input.candidateId,
      jobcentre_id: input.jobcentreId,
      source: index % 5 === 0 ? 'interest' : 'matcher',
      slot_type: story.type,
      sector: input.workplace.sector,
      decision: rejected ? 'rejected' : 'approved',
      reject_reason: rejected?.reason ?? null,
      note: rejected ? rejected.note : 'Godkendt efter samtale med kandidaten',
      score,
      components,
      reasons,
      decided_by: input.consultantId,
      decided_at: decidedAt,
    })
    .execute();
  if (rejected || story.stage === 'awaiting_consent') return 0;

  const consentAt = at(addDays(time.approved, 1), 12);
  await trx
    .insertInto('consents')
    .values({
      candidate_id: input.candidateId,
      slot_id: slotId,
      organisation_id: input.workplace.organisation_id,
      granted: true,
      recorded_at: consentAt,
    })
    .execute();
  if (story.stage === 'awaiting_employer') return 0;
  await trx
    .insertInto('employer_decisions')
    .values({ proposal_id: proposalId, decision: 'invite', reason: null, note: 'Samtale aftalt', decided_at: at(addDays(time.approved, 2), 13) })
    .execute();
  if (story.stage === 'ready') return 0;

  const placementId = stableUuid(input.seed, 'history-placement', index);
  const status =
    story.stage === 'planned' ? 'planned' : story.stage === 'started' ? 'started' : story.stage === 'ended_early' ? 'ended_early' : 'completed';
  await trx
    .insertInto('placements')
    .values({
      id: placementId,
      proposal_id: proposalId,
      slot_id: slotId,
      candidate_id: input.candidateId,
      type: story.type,
      start_date: time.start,
      end_date: time.end,
      status,
      started_on: time.started,
      ended_on: time.ended,
      ended_reason: story.stage === 'ended_early' ? (EARLY_END_REASONS[index % EARLY_END_REASONS.length] ?? null) : null,
      outcome: story.outcome && time.outcomeOn ? story.outcome : null,
      outcome_on: story.outcome ? time.outcomeOn : null,
      created_by: input.consultantId,
      created_at: at(addDays(time.approved, 3)),
    })
    .execute();

  if (time.started) {
    // Monthly follow-up visits while it ran, the last one naming the next.
    const last = time.ended ?? today;
    for (let visit = addDays(time.started, 14), n = 0; visit <= last && n < 14; visit = addDays(visit, 30), n++) {
      const next = addDays(visit, 30);
      await trx
        .insertInto('placement_follow_ups')
        .values({
          placement_id: placementId,
          visited_on: visit,
          note: FOLLOW_UP_NOTES[(index + n) % FOLLOW_UP_NOTES.length] ?? '',
          next_follow_up: next,
          recorded_by: input.consultantId,
        })
        .execute();
    }
  }

  if (story.type === 'igu') {
    const milestones: Array<{
      placement_id: string;
      kind: 'school_part' | 'bonus_6m' | 'bonus_24m';
      due_on: string;
      done_on: string | null;
      recorded_by: string | null;
    }> = [
      {
        placement_id: placementId,
        kind: 'school_part',
        due_on: time.end,
        done_on: status === 'completed' ? time.ended : null,
        recorded_by: input.consultantId,
      },
    ];
    if (input.workplace.is_private) {
      const sixMonths = addMonths(time.started ?? time.start, 6);
      const twoYears = addMonths(time.started ?? time.start, 24);
      const lastedSix = time.started !== null && sixMonths <= today && (time.ended === null || time.ended >= addDays(sixMonths, -1));
      // One IGU under way per jobcentre (its second) has the 6-month bonus due but not yet recorded: the board's "this week".
      const recorded = lastedSix && !(status === 'started' && index % STORIES.length === 16);
      milestones.push({
        placement_id: placementId,
        kind: 'bonus_6m',
        due_on: sixMonths,
        done_on: recorded ? addDays(sixMonths, rng.int(0, 10)) : null,
        recorded_by: input.consultantId,
      });
      const completedTwoYears = status === 'completed' && twoYears <= today;
      milestones.push({
        placement_id: placementId,
        kind: 'bonus_24m',
        due_on: twoYears,
        done_on: completedTwoYears ? (addDays(twoYears, 5) <= today ? addDays(twoYears, 5) : twoYears) : null,
        recorded_by: input.consultantId,
      });
    }
    // A bonus "done" in the future would be a recording error: keep only what has happened.
    for (const milestone of milestones) if (milestone.done_on !== null && milestone.done_on > today) milestone.done_on = null;
    await trx.insertInto('placement_milestones').values(milestones).execute();
  }
  return 1;
}

/**
 * A kitchen branchepakke run by the first history jobcentre's network, with
 * pooled candidates from every member jobcentre: a few decided by their home
 * jobcentre, the rest waiting for it, so the cohort page has content.
 */
async function seedNetworkCohort(trx: Executor, context: { seed: number; today: string }): Promise<void> {
  const home = await trx
    .selectFrom('jobcentres')
    .innerJoin('jobcentre_network_members', 'jobcentre_network_members.jobcentre_id', 'jobcentres.id')
    .select(['jobcentres.id', 'jobcentre_network_members.network_id'])
    .where('jobcentres.municipality_code', '=', HISTORY_MUNICIPALITIES[0])
    .orderBy('jobcentre_network_members.network_id')
    .executeTakeFirst();
  if (!home) return;
  const consultant = await trx
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'consultant')
    .where('jobcentre_id', '=', home.id)
    .orderBy('email')
    .executeTakeFirst();
  const courseStart = addDays(context.today, 21);
  const cohortId = stableUuid(context.seed, 'history-cohort', 0);
  await trx
    .insertInto('cohorts')
    .values({
      id: cohortId,
      network_id: home.network_id,
      sector: 'kitchen',
      title: 'Branchepakke køkken – introduktionskursus og praktik',
      course_start: courseStart,
      course_end: addDays(courseStart, 8 * 7 - 1),
      seats: 12,
      created_by: consultant?.id ?? null,
    })
    .execute();
  const pool = await trx
    .selectFrom('candidates')
    .innerJoin('jobcentre_network_members', 'jobcentre_network_members.jobcentre_id', 'candidates.jobcentre_id')
    .select(['candidates.id', 'candidates.jobcentre_id'])
    .where('jobcentre_network_members.network_id', '=', home.network_id)
    .where('candidates.status', '=', 'active')
    .where(sql<boolean>`'kitchen' = any(candidates.ambition_sectors)`)
    .where('candidates.available_from', '<=', courseStart)
    .orderBy('candidates.waiting_since')
    .orderBy('candidates.id')
    .limit(16)
    .execute();
  if (pool.length === 0) return;
  let ownDecided = 0;
  await trx
    .insertInto('cohort_members')
    .values(
      pool.map((member) => {
        // The home jobcentre has approved two of its own and turned one down; the partners have not answered yet.
        const decision = member.jobcentre_id === home.id && consultant ? ownDecided++ : -1;
        if (decision === 0 || decision === 1) {
          return {
            cohort_id: cohortId,
            candidate_id: member.id,
            status: 'approved' as const,
            decided_by: consultant?.id ?? null,
            decided_at: at(context.today, 9),
          };
        }
        if (decision === 2) {
          return {
            cohort_id: cohortId,
            candidate_id: member.id,
            status: 'rejected' as const,
            reject_reason: 'not_ready' as const,
            decided_by: consultant?.id ?? null,
            decided_at: at(context.today, 9),
          };
        }
        return { cohort_id: cohortId, candidate_id: member.id };
      }),
    )
    .execute();
}
