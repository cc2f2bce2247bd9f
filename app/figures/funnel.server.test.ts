/**
 * The figures' funnel against the placements it counts (issue 24, item 8),
 * over the demo's year of history (item 9) in a real database: the history
 * is written through the database's placement date constraints, the funnel's
 * steps add up from the stages, and each step equals what the placements
 * table says when counted directly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedHistory } from '../../db/seed/history.js';
import { loadTaxonomy } from '../../db/seed/load-taxonomy.js';
import { getTaxonomy } from '../taxonomy/taxonomy.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import {
  addEmployer,
  buildConsultantWorld,
  consultantClock as clock,
  CONSULTANT_TODAY as TODAY,
  type ConsultantWorld,
} from '../../tests/setup/test-world.js';
import { loadFigures } from './figures.server.js';
import { FUNNEL } from './kpi.js';

describe.each(databaseKinds)('the funnel and the year of history (%s)', (kind) => {
  let database: TestDatabase;
  let world: ConsultantWorld;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await buildConsultantWorld(database.db, 31);
    await loadTaxonomy(database.db, getTaxonomy());
    for (let i = 0; i < 6; i++) await addEmployer(world, { fte: 40 });
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  it('seeds a year of placements in every stage, scheme and outcome, once', async () => {
    const created = await seedHistory(world.db, { seed: 7, today: TODAY });
    expect(created).toBeGreaterThan(40);
    expect(await seedHistory(world.db, { seed: 7, today: TODAY })).toBe(0);
    const placements = await world.db.selectFrom('placements').select(['type', 'status', 'outcome']).execute();
    expect(new Set(placements.map((p) => p.type))).toEqual(new Set(['igu', 'praktik', 'loentilskud']));
    expect(new Set(placements.map((p) => p.status))).toEqual(new Set(['planned', 'started', 'ended_early', 'completed']));
    expect(new Set(placements.map((p) => p.outcome))).toEqual(new Set([null, 'ordinary_job', 'education', 'back_to_programme']));
    const bonuses = await world.db
      .selectFrom('placement_milestones')
      .select('kind')
      .where('done_on', 'is not', null)
      .where('kind', 'in', ['bonus_6m', 'bonus_24m'])
      .execute();
    expect(new Set(bonuses.map((b) => b.kind))).toEqual(new Set(['bonus_6m', 'bonus_24m']));
    // A realistic queue: no one outside a running placement has waited a year for an offer (the history once
    // gave every one of its people 400–450 days, so they topped the queue's "waited" column).
    const waits = await world.db
      .selectFrom('candidates')
      .select(['candidates.waiting_since'])
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('placements')
              .select('placements.id')
              .whereRef('placements.candidate_id', '=', 'candidates.id')
              .where('placements.status', 'in', ['planned', 'started']),
          ),
        ),
      )
      .execute();
    const daysWaited = waits.map((w) => (Date.parse(`${TODAY}T00:00:00Z`) - Date.parse(`${w.waiting_since}T00:00:00Z`)) / 86_400_000);
    expect(daysWaited.length).toBeGreaterThan(40);
    expect(Math.max(...daysWaited)).toBeLessThanOrEqual(300);
    // History slots still open carry must-have skills, so the queue compares them.
    const openHistorySkills = await world.db
      .selectFrom('slot_skills')
      .innerJoin('slots', 'slots.id', 'slot_skills.slot_id')
      .select('slot_skills.skill_uri')
      .where('slots.status', '=', 'published')
      .where('slot_skills.required', '=', true)
      .execute();
    expect(openHistorySkills.length).toBeGreaterThan(0);
    // A network cohort with pooled members, some decided by their home jobcentre.
    const members = await world.db.selectFrom('cohort_members').select('status').execute();
    expect(new Set(members.map((m) => m.status))).toEqual(new Set(['proposed', 'approved', 'rejected']));
    const rejected = await world.db.selectFrom('match_decisions').select(['reject_reason', 'note']).where('decision', '=', 'rejected').execute();
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.every((r) => r.reject_reason !== null)).toBe(true);
  });

  it('adds up: each funnel step is the stages from it on, and equals the placements counted directly', async () => {
    const figures = await loadFigures({ db: world.db, clock }, world.consultants.aabenraa, 'jobcentre');
    const step = (key: (typeof FUNNEL)[number]) => figures.funnel.find((f) => f.key === key)?.value ?? -1;
    const stage = (key: string) => figures.stages.find((s) => s.key === key)?.value ?? -1;
    expect(figures.funnel.map((f) => f.key)).toEqual([...FUNNEL]);
    // The first step is everyone the stages count; no step is larger than the one before.
    expect(step('registered')).toBe(figures.stages.reduce((sum, s) => sum + s.value, 0));
    for (let i = 1; i < figures.funnel.length; i++) expect(figures.funnel[i]!.value).toBeLessThanOrEqual(figures.funnel[i - 1]!.value);
    expect(step('placed')).toBe(stage('in_placement') + stage('placement_ended') + stage('ordinary_job') + stage('education'));
    expect(step('outcome')).toBe(stage('ordinary_job') + stage('education'));

    // The same numbers, counted straight from the placements of Aabenraa's candidates.
    const rows = await world.db
      .selectFrom('placements')
      .innerJoin('candidates', 'candidates.id', 'placements.candidate_id')
      .select(['placements.candidate_id', 'placements.type', 'placements.outcome', 'placements.outcome_on'])
      .where('candidates.jobcentre_id', '=', world.jobcentres.aabenraa)
      .where('candidates.status', '<>', 'archived')
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(step('placed')).toBe(new Set(rows.map((r) => r.candidate_id)).size);
    const withOutcome = new Set(rows.filter((r) => r.outcome === 'ordinary_job' || r.outcome === 'education').map((r) => r.candidate_id));
    expect(step('outcome')).toBe(withOutcome.size);
    // Every placement is counted once in the scheme and outcome charts.
    expect(figures.byScheme.reduce((sum, c) => sum + c.value, 0)).toBe(rows.length);
    expect(figures.byOutcome.reduce((sum, c) => sum + c.value, 0)).toBe(rows.length);
    expect(figures.byOutcome.find((c) => c.key === 'ordinary_job')?.value).toBe(rows.filter((r) => r.outcome === 'ordinary_job').length);
  });
});
