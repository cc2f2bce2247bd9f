/**
 * Approved matches of the consultant's jobcentre as a board by stage, with
 * what is due this week on top; every date the forms send obeys the
 * placement date rules (app/placements/date-rules.ts).
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import { formProblem } from '~/consultants/form-errors.server';
import { placementFormSchema } from '~/consultants/schemas';
import { fieldErrorsOf } from '~/candidates/profile-schemas';
import { InvalidInput } from '~/lib/errors';
import { formDataToObject, readFormData } from '~/lib/http.server';
import { addDays } from '~/lib/dates';
import { BOARD_COLUMNS, dueThisWeek, endOfWeek, groupByColumn } from '~/placements/board';
import { maxEndDate } from '~/placements/date-rules';
import {
  createPlacement,
  loadPipeline,
  recordEmployerAnswer,
  recordPlacementEvent,
  type PipelineItem,
  type PlacementEvent,
} from '~/placements/placements.server';
import { danishDateOf } from '~/privacy/deadline';
import { resolveLocale } from '~/i18n/i18next.server';
import { EmployerDecisionNote } from '~/notifications/employer-decision-note';
import { employerDecisionsOf } from '~/notifications/employer-decisions.server';
import { RuleProblem } from '~/workbench/rule-problem';
import workbenchStyles from '~/workbench/workbench.css';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: workbenchStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  const items = await loadPipeline(context.services, user);
  return {
    items,
    today: danishDateOf(context.services.clock()),
    employerDecisions: await employerDecisionsOf(
      context.services,
      items.map((item) => item.proposal_id),
    ),
    lng: await resolveLocale(request, context),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  // Refused fields are answered on this page, beside the forms, not on an error page.
  const parsed = placementFormSchema.safeParse(formDataToObject(await readFormData(request)));
  if (!parsed.success) return formProblem(new InvalidInput('Check the fields', fieldErrorsOf(parsed.error.issues)));
  const form = parsed.data;
  try {
    if (form.intent === 'create') {
      await createPlacement(context.services, user, { proposalId: form.proposalId, startDate: form.startDate, endDate: form.endDate });
    } else if (form.intent === 'employerAnswer') {
      await recordEmployerAnswer(context.services, user, { proposalId: form.proposalId, decision: form.decision });
    } else {
      const event: PlacementEvent =
        form.intent === 'followUp'
          ? { kind: 'followUp', on: form.on, note: form.note ?? null, nextFollowUp: form.nextFollowUp ?? null }
          : form.intent === 'endEarly'
            ? { kind: 'endEarly', on: form.on, reason: form.reason }
            : form.intent === 'outcome'
              ? { kind: 'outcome', on: form.on, outcome: form.outcome }
              : form.intent === 'milestone'
                ? { kind: 'milestone', on: form.on, milestone: form.kind }
                : form.intent === 'extend'
                  ? { kind: 'extend', newEnd: form.newEnd, reason: form.reason }
                  : { kind: form.intent, on: form.on };
      await recordPlacementEvent(context.services, user, form.placementId, event);
    }
  } catch (error) {
    return formProblem(error);
  }
  return { ok: true as const };
}

export default function ConsultantPlacements() {
  const { t } = useTranslation('consultant');
  const { t: tw } = useTranslation('workbench');
  const { items, today, employerDecisions, lng } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const due = dueThisWeek(items, today);
  const columns = groupByColumn(items);
  return (
    <div className="workbench">
      <h1>{t('placements.title')}</h1>
      {result && !result.ok && !result.problem.fields ? <RuleProblem problem={result.problem} /> : null}
      {result && !result.ok && result.problem.fields ? (
        <div role="alert">
          <p>{result.problem.message}</p>
          {result.problem.fields ? (
            <ul>
              {Object.entries(result.problem.fields).map(([field, messages]) => (
                <li key={field} data-field={field}>
                  {t(`trust:fields.${field}`, { defaultValue: field })}: {messages.join(' ')}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {result?.ok ? <p role="status">{t('placements.saved')}</p> : null}
      <section aria-labelledby="due-this-week" className="due-week">
        <h2 id="due-this-week">{tw('board.dueThisWeek', { count: due.length })}</h2>
        {due.length === 0 ? <p>{tw('board.nothingDue')}</p> : null}
        <ul>
          {due.map((task) => (
            <li
              key={`${task.item.proposal_id}-${task.kind}-${task.milestone ?? ''}`}
              className={task.on !== null && task.on < today ? 'due-week__late' : undefined}
            >
              <a href={`#p-${task.item.proposal_id}`}>{task.item.candidate_name}</a>{' '}
              {tw(`board.due.${task.kind}`, { date: task.on ?? '', milestone: task.milestone ? t(`milestone.${task.milestone}`) : '' })}
              {' · '}
              {task.item.slot_title}, {task.item.organisation_name}
            </li>
          ))}
        </ul>
      </section>
      {items.length === 0 ? <p>{t('placements.none')}</p> : null}
      <div className="board">
        {BOARD_COLUMNS.map((column) => (
          <section key={column} className="board__column" aria-labelledby={`column-${column}`}>
            <h2 id={`column-${column}`}>
              {tw(`board.column.${column}`)} <span className="board__count">{columns[column].length}</span>
            </h2>
            {column === 'closed' && columns.closed.length > 0 ? (
              <details>
                <summary>{tw('board.showClosed', { count: columns.closed.length })}</summary>
                {columns.closed.map((item) => (
                  <PlacementCard
                    key={item.proposal_id}
                    item={item}
                    today={today}
                    decisionNote={<EmployerDecisionNote decision={employerDecisions[item.proposal_id]} lng={lng} />}
                  />
                ))}
              </details>
            ) : (
              columns[column].map((item) => (
                <PlacementCard
                  key={item.proposal_id}
                  item={item}
                  today={today}
                  decisionNote={<EmployerDecisionNote decision={employerDecisions[item.proposal_id]} lng={lng} />}
                />
              ))
            )}
          </section>
        ))}
      </div>
    </div>
  );
}

type Item = PipelineItem;

function PlacementCard({ item, today, decisionNote }: { item: Item; today: string; decisionNote: ReactNode }) {
  const { t } = useTranslation('consultant');
  // Forms only for milestones that fall due this week or earlier; the rest say from when.
  const weekEnd = endOfWeek(today);
  const { t: tw } = useTranslation('workbench');
  const placementId = item.placement_id;
  return (
    <article className="board__card" aria-labelledby={`h-${item.proposal_id}`} id={`p-${item.proposal_id}`}>
      <h3 id={`h-${item.proposal_id}`}>
        <a href={`/consultant/candidates/${item.candidate_id}`}>{item.candidate_name}</a> – {item.slot_title}, {item.organisation_name}
      </h3>
      <p className="board__meta">
        {t(`scheme.${item.slot_type}`)} · <strong>{t(`placements.stage.${item.stage}`)}</strong>
        {item.outcome ? ` · ${t(`outcome.${item.outcome}`)} (${item.outcome_on})` : ''}
      </p>
      {decisionNote}
      {item.start_date ? (
        <p className="board__meta">{t('placements.period', { start: item.started_on ?? item.start_date, end: item.ended_on ?? item.end_date })}</p>
      ) : null}
      {item.ended_reason ? <p className="board__meta">{tw('board.endedReason', { reason: item.ended_reason })}</p> : null}
      {item.next_follow_up && item.stage === 'started' ? (
        <p className="board__meta">{t('placements.nextFollowUp', { date: item.next_follow_up })}</p>
      ) : null}
      {item.extensions > 0 ? <p className="board__meta">{tw('board.extended', { count: item.extensions })}</p> : null}
      {item.milestones.length > 0 ? (
        <ul className="board__milestones">
          {item.milestones.map((m) => (
            <li key={m.kind}>
              {t(`milestone.${m.kind}`)}:{' '}
              {m.done_on ? t('placements.milestoneDone', { date: m.done_on }) : tw('board.milestoneFrom', { date: m.due_on })}
              {!m.done_on && placementId && (item.stage === 'started' || item.stage === 'ended') && m.due_on <= weekEnd ? (
                <Form method="post" className="board__form">
                  <input type="hidden" name="intent" value="milestone" />
                  <input type="hidden" name="placementId" value={placementId} />
                  <input type="hidden" name="kind" value={m.kind} />
                  <label>
                    {tw('board.milestoneOn', { milestone: t(`milestone.${m.kind}`) })}
                    <input type="date" name="on" required defaultValue={today} max={today} />
                  </label>
                  <button type="submit" className="button button--quiet">
                    {t('placements.markDone')}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {item.stage === 'awaiting_employer' ? (
        <Form method="post">
          <input type="hidden" name="intent" value="employerAnswer" />
          <input type="hidden" name="proposalId" value={item.proposal_id} />
          <p>{t('placements.employerAnswerLead')}</p>
          <button type="submit" name="decision" value="invite" className="button">
            {t('placements.employerInvited')}
          </button>{' '}
          <button type="submit" name="decision" value="decline" className="button button--quiet">
            {t('placements.employerDeclined')}
          </button>
        </Form>
      ) : null}
      {item.stage === 'ready' ? (
        <Form method="post" className="board__form">
          <input type="hidden" name="intent" value="create" />
          <input type="hidden" name="proposalId" value={item.proposal_id} />
          <label>
            {t('placements.startDate')}
            <input type="date" name="startDate" required defaultValue={item.slot_start_date < today ? today : item.slot_start_date} />
          </label>
          <label>
            {t('placements.endDate')}
            <input type="date" name="endDate" required defaultValue={defaultEnd(item, today)} />
          </label>
          <button type="submit" className="button">
            {t('placements.create')}
          </button>
        </Form>
      ) : null}
      {placementId && item.stage === 'planned' ? (
        <EventForm placementId={placementId} intent="start" label={t('placements.recordStart')} today={today} />
      ) : null}
      {placementId && item.stage === 'started' ? (
        <details className="board__actions">
          <summary>{tw('board.actions')}</summary>
          <Form method="post" className="board__form">
            <input type="hidden" name="intent" value="followUp" />
            <input type="hidden" name="placementId" value={placementId} />
            <label>
              {t('placements.visitedOn')}
              <input type="date" name="on" required defaultValue={today} max={today} />
            </label>
            <label>
              {t('placements.note')}
              <input type="text" name="note" maxLength={2000} />
            </label>
            <label>
              {t('placements.nextFollowUpLabel')}
              <input type="date" name="nextFollowUp" defaultValue={addDays(today, 28)} />
            </label>
            <button type="submit" className="button button--quiet">
              {t('placements.recordFollowUp')}
            </button>
          </Form>
          <EventForm placementId={placementId} intent="complete" label={t('placements.recordCompleted')} today={today} />
          <Form method="post" className="board__form">
            <input type="hidden" name="intent" value="endEarly" />
            <input type="hidden" name="placementId" value={placementId} />
            <label>
              {t('placements.on')}
              <input type="date" name="on" required defaultValue={today} max={today} />
            </label>
            <label>
              {t('placements.endedReason')}
              <input type="text" name="reason" required maxLength={1000} />
            </label>
            <button type="submit" className="button button--quiet">
              {t('placements.recordEndedEarly')}
            </button>
          </Form>
          {item.slot_type !== 'igu' ? <ExtendForm item={item} placementId={placementId} /> : null}
        </details>
      ) : null}
      {placementId && item.stage === 'ended' && !item.outcome ? (
        <Form method="post" className="board__form">
          <input type="hidden" name="intent" value="outcome" />
          <input type="hidden" name="placementId" value={placementId} />
          <label>
            {t('placements.outcomeOn')}
            <input type="date" name="on" required defaultValue={today} max={today} />
          </label>
          <label>
            {t('placements.outcome')}
            <select name="outcome" defaultValue="ordinary_job">
              {(['ordinary_job', 'education', 'back_to_programme'] as const).map((o) => (
                <option key={o} value={o}>
                  {t(`outcome.${o}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button">
            {t('placements.recordOutcome')}
          </button>
        </Form>
      ) : null}
    </article>
  );
}

/** The longest the scheme allows without an extension, capped by the slot's own length. */
function defaultEnd(item: Item, today: string): string {
  const start = item.slot_start_date < today ? today : item.slot_start_date;
  const bySlot = addDays(start, item.slot_weeks * 7 - 1);
  const byRule = maxEndDate(item.slot_type, start, false);
  return bySlot < byRule ? bySlot : byRule;
}

function ExtendForm({ item, placementId }: { item: Item; placementId: string }) {
  const { t: tw } = useTranslation('workbench');
  const start = item.start_date ?? item.slot_start_date;
  return (
    <Form method="post" className="board__form">
      <input type="hidden" name="intent" value="extend" />
      <input type="hidden" name="placementId" value={placementId} />
      <label>
        {tw('board.newEnd')}
        <input type="date" name="newEnd" required max={maxEndDate(item.slot_type, start, true)} />
      </label>
      <label>
        {tw('board.extensionReason')}
        <input type="text" name="reason" required maxLength={1000} />
      </label>
      <button type="submit" className="button button--quiet">
        {tw('board.extend')}
      </button>
    </Form>
  );
}

function EventForm({ placementId, intent, label, today }: { placementId: string; intent: 'start' | 'complete'; label: string; today: string }) {
  const { t } = useTranslation('consultant');
  return (
    <Form method="post" className="board__form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="placementId" value={placementId} />
      <label>
        {t('placements.on')}
        <input type="date" name="on" required defaultValue={today} max={today} />
      </label>
      <button type="submit" className="button">
        {label}
      </button>
    </Form>
  );
}
