/** Approved matches of the consultant's jobcentre, from consent to outcome, with follow-up reminders. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import { formProblem } from '~/consultants/form-errors.server';
import { placementFormSchema } from '~/consultants/schemas';
import { fieldErrorsOf } from '~/candidates/profile-schemas';
import { InvalidInput } from '~/lib/errors';
import { formDataToObject, readFormData } from '~/lib/http.server';
import { createPlacement, loadPipeline, recordEmployerAnswer, recordPlacementEvent, type PlacementEvent } from '~/placements/placements.server';
import { addDays } from '~/lib/dates';
import { resolveLocale } from '~/i18n/i18next.server';
import { EmployerDecisionNote } from '~/notifications/employer-decision-note';
import { employerDecisionsOf } from '~/notifications/employer-decisions.server';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  const items = await loadPipeline(context.services, user);
  return {
    items,
    today: context.services.clock().toISOString().slice(0, 10),
    employerDecisions: await employerDecisionsOf(context.services, items.map((item) => item.proposal_id)),
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
  const { items, today, employerDecisions, lng } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const due = items.filter((item) => item.followUpDue);
  return (
    <>
      <h1>{t('placements.title')}</h1>
      {result && !result.ok ? (
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
      {due.length > 0 ? (
        <section aria-labelledby="reminders" className="notice">
          <h2 id="reminders">{t('placements.reminders')}</h2>
          <ul>
            {due.map((item) => (
              <li key={item.proposal_id}>{t('placements.followUpDue', { candidate: item.candidate_name, date: item.next_follow_up })}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {items.length === 0 ? <p>{t('placements.none')}</p> : null}
      {items.map((item) => (
        <section key={item.proposal_id} className="card" aria-labelledby={`p-${item.proposal_id}`}>
          <h2 id={`p-${item.proposal_id}`}>
            {item.candidate_name} – {item.slot_title}, {item.organisation_name}
          </h2>
          <p>
            {t(`scheme.${item.slot_type}`)} · <strong>{t(`placements.stage.${item.stage}`)}</strong>
            {item.outcome ? ` · ${t(`outcome.${item.outcome}`)} (${item.outcome_on})` : ''}
          </p>
          <EmployerDecisionNote decision={employerDecisions[item.proposal_id]} lng={lng} />
          {item.start_date ? <p>{t('placements.period', { start: item.start_date, end: item.end_date })}</p> : null}
          {item.next_follow_up ? <p>{t('placements.nextFollowUp', { date: item.next_follow_up })}</p> : null}
          {item.milestones.length > 0 ? (
            <ul>
              {item.milestones.map((m) => (
                <li key={m.kind}>
                  {t(`milestone.${m.kind}`)}: {m.done_on ? t('placements.milestoneDone', { date: m.done_on }) : t('placements.milestoneDue', { date: m.due_on })}
                  {!m.done_on && item.placement_id ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="milestone" />
                      <input type="hidden" name="placementId" value={item.placement_id} />
                      <input type="hidden" name="kind" value={m.kind} />
                      <input type="hidden" name="on" value={today} />
                      <button type="submit" className="button button--quiet">{t('placements.markDone')}</button>
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
              <button type="submit" name="decision" value="invite" className="button">{t('placements.employerInvited')}</button>{' '}
              <button type="submit" name="decision" value="decline" className="button button--quiet">{t('placements.employerDeclined')}</button>
            </Form>
          ) : null}
          {item.stage === 'ready' ? (
            <Form method="post">
              <input type="hidden" name="intent" value="create" />
              <input type="hidden" name="proposalId" value={item.proposal_id} />
              <label>
                {t('placements.startDate')}
                <input type="date" name="startDate" required defaultValue={item.slot_start_date} />
              </label>
              <label>
                {t('placements.endDate')}
                <input type="date" name="endDate" required defaultValue={addDays(item.slot_start_date, item.slot_weeks * 7 - 1)} />
              </label>
              <button type="submit" className="button">{t('placements.create')}</button>
            </Form>
          ) : null}
          {item.placement_id && item.stage === 'planned' ? (
            <EventForm placementId={item.placement_id} intent="start" label={t('placements.recordStart')} today={today} />
          ) : null}
          {item.placement_id && item.stage === 'started' ? (
            <>
              <Form method="post">
                <input type="hidden" name="intent" value="followUp" />
                <input type="hidden" name="placementId" value={item.placement_id} />
                <label>
                  {t('placements.visitedOn')}
                  <input type="date" name="on" required defaultValue={today} />
                </label>
                <label>
                  {t('placements.note')}
                  <input type="text" name="note" maxLength={2000} />
                </label>
                <label>
                  {t('placements.nextFollowUpLabel')}
                  <input type="date" name="nextFollowUp" defaultValue={addDays(today, 28)} />
                </label>
                <button type="submit" className="button button--quiet">{t('placements.recordFollowUp')}</button>
              </Form>
              <EventForm placementId={item.placement_id} intent="complete" label={t('placements.recordCompleted')} today={today} />
              <Form method="post">
                <input type="hidden" name="intent" value="endEarly" />
                <input type="hidden" name="placementId" value={item.placement_id} />
                <input type="hidden" name="on" value={today} />
                <label>
                  {t('placements.endedReason')}
                  <input type="text" name="reason" required maxLength={1000} />
                </label>
                <button type="submit" className="button button--quiet">{t('placements.recordEndedEarly')}</button>
              </Form>
            </>
          ) : null}
          {item.placement_id && item.stage === 'ended' && !item.outcome ? (
            <Form method="post">
              <input type="hidden" name="intent" value="outcome" />
              <input type="hidden" name="placementId" value={item.placement_id} />
              <label>
                {t('placements.outcomeOn')}
                <input type="date" name="on" required defaultValue={today} />
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
              <button type="submit" className="button">{t('placements.recordOutcome')}</button>
            </Form>
          ) : null}
        </section>
      ))}
    </>
  );
}

function EventForm({ placementId, intent, label, today }: { placementId: string; intent: 'start' | 'complete'; label: string; today: string }) {
  const { t } = useTranslation('consultant');
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="placementId" value={placementId} />
      <label>
        {t('placements.on')}
        <input type="date" name="on" required defaultValue={today} />
      </label>
      <button type="submit" className="button">{label}</button>
    </Form>
  );
}
