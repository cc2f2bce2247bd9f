/**
 * Dates and headcounts the database itself keeps within bounds (issue 21):
 * whatever the app misses, nothing out of range can be stored. The app's
 * ranges are relative to today (app/lib/dates.ts, written beside each
 * schema: birth dates 1900 up to today, slot and placement dates within ten
 * years of today, …); a CHECK cannot follow the clock, so every date column
 * lies within 1900-01-01..2100-12-31, the widest any field allows. The
 * orderings (a placement, course or employment not ending before it starts,
 * a next follow-up after the visit) are checked since their tables were
 * created. Arrival not before birth stays the app's check alone: a birth
 * date repaired below would break it, and the real arrival must survive.
 * FTE stays within 0..20,000.
 *
 * Rows of existing databases that already break these (possible only with
 * the app before this version, e.g. a birth date 9999-12-31): an optional
 * date out of range becomes NULL (unknown); a required one moves to the
 * nearest bound (9999-12-31 → 2100-12-31: every form refuses it, so it is
 * plainly wrong to whoever opens the record, and a candidate "born in 2100"
 * has no IGU window); FTE above 20,000 becomes 20,000. Nothing is deleted.
 * The values moved were nobody's real dates, so none is kept.
 *
 * Frozen: never import app code here.
 */
import { sql, type Kysely } from 'kysely';

const EARLIEST = '1900-01-01';
const LATEST = '2100-12-31';
const FTE_MAX = 20_000;

/** Every date column Jobbro stores, with whether it may be NULL. */
const DATE_COLUMNS: ReadonlyArray<{ table: string; column: string; nullable: boolean }> = [
  { table: 'candidates', column: 'birth_date', nullable: false },
  { table: 'candidates', column: 'arrival_date', nullable: false },
  { table: 'candidates', column: 'available_from', nullable: false },
  { table: 'candidates', column: 'waiting_since', nullable: false },
  { table: 'candidate_employments', column: 'start_date', nullable: false },
  { table: 'candidate_employments', column: 'end_date', nullable: true },
  { table: 'slots', column: 'start_date', nullable: false },
  { table: 'placements', column: 'start_date', nullable: false },
  { table: 'placements', column: 'end_date', nullable: false },
  { table: 'placements', column: 'started_on', nullable: true },
  { table: 'placements', column: 'ended_on', nullable: true },
  { table: 'placements', column: 'outcome_on', nullable: true },
  { table: 'placement_follow_ups', column: 'visited_on', nullable: false },
  { table: 'placement_follow_ups', column: 'next_follow_up', nullable: true },
  { table: 'placement_milestones', column: 'due_on', nullable: false },
  { table: 'placement_milestones', column: 'done_on', nullable: true },
  { table: 'cohorts', column: 'course_start', nullable: false },
  { table: 'cohorts', column: 'course_end', nullable: false },
  { table: 'erasure_requests', column: 'deadline', nullable: false },
];

const outOfRange = (column: string) => `(${column} < date '${EARLIEST}' or ${column} > date '${LATEST}')`;

export async function up(db: Kysely<any>): Promise<void> {
  // Repairs first, so the constraints can be added (and validated) on every existing database.
  for (const { table, column, nullable } of DATE_COLUMNS) {
    const repaired = nullable ? 'null' : `least(greatest(${column}, date '${EARLIEST}'), date '${LATEST}')`;
    await sql.raw(`update ${table} set ${column} = ${repaired} where ${outOfRange(column)}`).execute(db);
  }
  // The follow-up's own check (next after visited) predates this; a repaired visit date may break it.
  await sql.raw(`update placement_follow_ups set next_follow_up = null where next_follow_up <= visited_on`).execute(db);
  await sql.raw(`update workplaces set ordinary_employees_fte = ${FTE_MAX} where ordinary_employees_fte > ${FTE_MAX}`).execute(db);
  await sql.raw(`update workplaces set ordinary_employees_fte_12m_ago = ${FTE_MAX} where ordinary_employees_fte_12m_ago > ${FTE_MAX}`).execute(db);

  for (const { table, column } of DATE_COLUMNS) {
    await sql
      .raw(`alter table ${table} add constraint ${table}_${column}_range check (${column} between date '${EARLIEST}' and date '${LATEST}')`)
      .execute(db);
  }
  await sql
    .raw(
      `alter table workplaces add constraint workplaces_fte_max check (ordinary_employees_fte <= ${FTE_MAX} and ordinary_employees_fte_12m_ago <= ${FTE_MAX})`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`alter table workplaces drop constraint workplaces_fte_max`).execute(db);
  for (const { table, column } of DATE_COLUMNS) {
    await sql.raw(`alter table ${table} drop constraint ${table}_${column}_range`).execute(db);
  }
}
