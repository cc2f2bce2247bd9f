/**
 * Løntilskud: net job creation (merbeskæftigelse, issue 26). The employer
 * answers, per løntilskud slot, what the rule needs: the workplace's
 * ordinary headcount (FTE) now and 12 months ago, whether the post fills a
 * job someone left and, if so, the day it was vacated (the rule compares it
 * with the placement's start date, which the employer may set months after
 * answering). Who answered and when is kept beside the answers.
 *
 * Bounds as in 2026-12-07T09-date-checks: FTE within 0..20,000 with two
 * decimals, the day within 1900-01-01..2100-12-31. The answers come as one
 * set (all or none), a vacated day exactly when the post fills a vacated
 * job, and only on løntilskud slots. Slots created before this have no
 * answers (NULL): the approval check reports them as unanswered.
 *
 * Frozen: never import app code here.
 */
import { sql, type Kysely } from 'kysely';

const FTE_MAX = 20_000;

export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `alter table slots
         add column net_jobs_fte_now numeric(8, 2) check (net_jobs_fte_now between 0 and ${FTE_MAX}),
         add column net_jobs_fte_12m_ago numeric(8, 2) check (net_jobs_fte_12m_ago between 0 and ${FTE_MAX}),
         add column net_jobs_fills_vacancy boolean,
         add column net_jobs_vacated_on date check (net_jobs_vacated_on between date '1900-01-01' and date '2100-12-31'),
         add column net_jobs_answered_by uuid references users(id) on delete set null,
         add column net_jobs_answered_at timestamptz,
         add constraint slots_net_jobs_complete check (
           (net_jobs_answered_at is null and net_jobs_fte_now is null and net_jobs_fte_12m_ago is null and net_jobs_fills_vacancy is null)
           or (net_jobs_answered_at is not null and net_jobs_fte_now is not null and net_jobs_fte_12m_ago is not null and net_jobs_fills_vacancy is not null)),
         add constraint slots_net_jobs_vacated_on check ((net_jobs_vacated_on is not null) = coalesce(net_jobs_fills_vacancy, false)),
         add constraint slots_net_jobs_loentilskud_only check (type = 'loentilskud' or net_jobs_answered_at is null)`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `alter table slots
         drop constraint slots_net_jobs_loentilskud_only,
         drop constraint slots_net_jobs_vacated_on,
         drop constraint slots_net_jobs_complete,
         drop column net_jobs_answered_at,
         drop column net_jobs_answered_by,
         drop column net_jobs_vacated_on,
         drop column net_jobs_fills_vacancy,
         drop column net_jobs_fte_12m_ago,
         drop column net_jobs_fte_now`,
    )
    .execute(db);
}
