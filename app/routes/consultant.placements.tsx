/**
 * Approved matches of the consultant's jobcentre as a board by stage, with
 * what is due this week on top; every date the forms send obeys the
 * placement date rules (app/placements/date-rules.ts). Each card's forms
 * answer beside their own fields: a date a rule refuses shows the rule
 * there, and what was typed is kept. Works without JavaScript.
 */
import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react';
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { requireUser } from '~/auth/session.server';
import { problemOf, type FormProblem } from '~/consultants/form-errors.server';
import { FieldError, useFieldErrorText } from '~/consultants/form-ui';
import { placementFormSchema } from '~/consultants/schemas';
import { InvalidInput, RuleViolation, httpStatusOf } from '~/lib/errors';
import { parseSubmission } from '~/lib/form-submission';
import { readFormData, refuseTamperedForm } from '~/lib/http.server';
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
import { formatDay } from '~/i18n/formats';
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

type PlacementForm = z.output<typeof placementFormSchema>;
type PlacementFormInput = z.input<typeof placementFormSchema>;

/** The fields a person sets; the rest (intent, ids, the milestone's kind) no one types. */
const VISIBLE_FIELDS = new Set(['startDate', 'endDate', 'on', 'note', 'nextFollowUp', 'reason', 'outcome', 'newEnd']);

/** Which form was sent: `<intent>-<proposal or placement id>`, a milestone's with its kind (a card has one form per milestone). */
function formIdOf(form: { intent?: unknown; proposalId?: unknown; placementId?: unknown; kind?: unknown }): string {
  const intent = String(form.intent);
  if (intent === 'create' || intent === 'employerAnswer') return `${intent}-${String(form.proposalId)}`;
  if (intent === 'milestone') return `${intent}-${String(form.placementId)}-${String(form.kind)}`;
  return `${intent}-${String(form.placementId)}`;
}

/** Marks the field whose date a placement date rule refused; the rule's own text (the answer's `problem`) is shown there. */
const RULE_REFUSED = 'rule';

/** The field a placement date rule speaks of: the form's date, the end for a scheme's maximum, the reason an extension lacks. */
function fieldOfRule(form: PlacementForm, error: RuleViolation): string | null {
  switch (form.intent) {
    case 'employerAnswer':
      return null;
    case 'create':
      return error.rule.endsWith('.max_end') ? 'endDate' : 'startDate';
    case 'extend':
      return error.detail?.key === 'dates.extension_reason' ? 'reason' : 'newEnd';
    default:
      return 'on';
  }
}

/** The answer to one form: Conform's result for it and, when the domain refused, what it said. */
type BoardAnswer = { ok: boolean; formId: string; result: SubmissionResult<string[]>; problem: FormProblem | null };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  const submission = parseSubmission(await readFormData(request), placementFormSchema);
  if (submission.status !== 'success') {
    refuseTamperedForm(submission.error, VISIBLE_FIELDS);
    return data<BoardAnswer>({ ok: false, formId: formIdOf(submission.payload), result: submission.reply(), problem: null }, { status: 400 });
  }
  const form = submission.value;
  const formId = formIdOf(form);
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
    const problem = problemOf(error);
    const ruleField = error instanceof RuleViolation ? fieldOfRule(form, error) : null;
    const fieldErrors = error instanceof InvalidInput ? error.fields : ruleField ? { [ruleField]: [RULE_REFUSED] } : null;
    const result = fieldErrors ? submission.reply({ fieldErrors }) : submission.reply();
    return data<BoardAnswer>({ ok: false, formId, result, problem }, { status: httpStatusOf(error) });
  }
  // The sent form starts afresh (its card has usually moved on to the next stage).
  return data<BoardAnswer>({ ok: true, formId, result: submission.reply({ resetForm: true }), problem: null });
}

export default function ConsultantPlacements() {
  const { t } = useTranslation('consultant');
  const { t: tw } = useTranslation('workbench');
  const { items, today, employerDecisions, lng } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const due = dueThisWeek(items, today);
  const columns = groupByColumn(items);
  // A form no longer on the board (its card moved on meanwhile) is answered at the top of the page.
  const unplaced = answer && !answer.ok && !items.some((item) => formsOf(item, today).has(answer.formId)) ? answer : null;
  return (
    <div className="workbench">
      <h1>{t('placements.title')}</h1>
      {unplaced ? <UnplacedAnswer answer={unplaced} /> : null}
      {answer?.ok ? <p role="status">{t('placements.saved')}</p> : null}
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
              {tw(`board.due.${task.kind}`, {
                date: task.on ? formatDay(lng, task.on) : '',
                milestone: task.milestone ? t(`milestone.${task.milestone}`) : '',
              })}
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
                    lng={lng}
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
                  lng={lng}
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

/** A refusal for a form the board no longer shows: the rule, or the refused fields with their messages. */
function UnplacedAnswer({ answer }: { answer: NonNullable<ReturnType<typeof useActionData<typeof action>>> }) {
  const { t } = useTranslation('forms');
  const errorText = useFieldErrorText();
  const fields = Object.entries(answer.result.error ?? {}).filter(([, messages]) => messages && !messages.includes(RULE_REFUSED));
  if (answer.problem && fields.length === 0) return <RuleProblem problem={answer.problem} />;
  return (
    <div role="alert" className="alert">
      <p>{t('consultant.checkFields')}</p>
      <ul>
        {fields.map(([field, messages]) => (
          <li key={field} data-field={field}>
            {t(`trust:fields.${field}`, { defaultValue: field })}: {(messages ?? []).map(errorText).join(' ')}
          </li>
        ))}
      </ul>
    </div>
  );
}

type Item = PipelineItem;

/**
 * The forms a card shows at its stage, by form id. The card renders from
 * this list, and the page uses it to tell whether a refused form is still
 * on the board to answer beside its fields.
 */
function formsOf(item: Item, today: string): Set<string> {
  const ids = new Set<string>();
  const placementId = item.placement_id;
  const add = (intent: PlacementForm['intent'], kind?: string) => ids.add(formIdOf({ intent, proposalId: item.proposal_id, placementId, kind }));
  if (item.stage === 'awaiting_employer') add('employerAnswer');
  if (item.stage === 'ready') add('create');
  if (!placementId) return ids;
  // Forms only for milestones that fall due this week or earlier; the rest say from when.
  const weekEnd = endOfWeek(today);
  if (item.stage === 'started' || item.stage === 'ended')
    for (const m of item.milestones) if (!m.done_on && m.due_on <= weekEnd) add('milestone', m.kind);
  if (item.stage === 'planned') add('start');
  if (item.stage === 'started') {
    add('followUp');
    add('complete');
    add('endEarly');
    if (item.slot_type !== 'igu') add('extend');
  }
  if (item.stage === 'ended' && !item.outcome) add('outcome');
  return ids;
}

function PlacementCard({ item, today, lng, decisionNote }: { item: Item; today: string; lng: string; decisionNote: ReactNode }) {
  const { t } = useTranslation('consultant');
  const day = (isoDay: string) => formatDay(lng, isoDay);
  const { t: tw } = useTranslation('workbench');
  const answer = useActionData<typeof action>();
  const forms = formsOf(item, today);
  const proposalId = item.proposal_id;
  const placementId = item.placement_id ?? '';
  const id = (intent: PlacementForm['intent'], kind?: string) => formIdOf({ intent, proposalId, placementId, kind });
  const shows = (intent: PlacementForm['intent'], kind?: string) => forms.has(id(intent, kind));
  // The actions of a started placement sit behind a disclosure: open it when one of them was refused, so the answer is seen.
  const actionAnswered =
    !!answer && !answer.ok && (['followUp', 'complete', 'endEarly', 'extend'] as const).some((intent) => answer.formId === id(intent));
  return (
    <article className="board__card" aria-labelledby={`h-${proposalId}`} id={`p-${proposalId}`}>
      <h3 id={`h-${proposalId}`}>
        <a href={`/consultant/candidates/${item.candidate_id}`}>{item.candidate_name}</a> – {item.slot_title}, {item.organisation_name}
      </h3>
      <p className="board__meta">
        {t(`scheme.${item.slot_type}`)} · <strong>{t(`placements.stage.${item.stage}`)}</strong>
        {item.outcome ? ` · ${t(`outcome.${item.outcome}`)} (${item.outcome_on ? day(item.outcome_on) : ''})` : ''}
      </p>
      {decisionNote}
      {item.start_date ? (
        <p className="board__meta">
          {t('placements.period', { start: day(item.started_on ?? item.start_date), end: day(item.ended_on ?? item.end_date ?? '') })}
        </p>
      ) : null}
      {item.ended_reason ? <p className="board__meta">{tw('board.endedReason', { reason: item.ended_reason })}</p> : null}
      {item.next_follow_up && item.stage === 'started' ? (
        <p className="board__meta">{t('placements.nextFollowUp', { date: item.next_follow_up ? day(item.next_follow_up) : '' })}</p>
      ) : null}
      {item.extensions > 0 ? <p className="board__meta">{tw('board.extended', { count: item.extensions })}</p> : null}
      {item.milestones.length > 0 ? (
        <ul className="board__milestones">
          {item.milestones.map((m) => (
            <li key={m.kind}>
              {t(`milestone.${m.kind}`)}:{' '}
              {m.done_on ? t('placements.milestoneDone', { date: day(m.done_on) }) : tw('board.milestoneFrom', { date: day(m.due_on) })}
              {shows('milestone', m.kind) ? (
                <BoardForm className="board__form" id={id('milestone', m.kind)} defaultValue={{ on: today }}>
                  {(fields, problem) => (
                    <>
                      <input type="hidden" name="intent" value="milestone" />
                      <input type="hidden" name="placementId" value={placementId} />
                      <input type="hidden" name="kind" value={m.kind} />
                      <BoardField field={fields.on} label={tw('board.milestoneOn', { milestone: t(`milestone.${m.kind}`) })} problem={problem}>
                        <input {...getInputProps(fields.on, { type: 'date' })} required max={today} />
                      </BoardField>
                      <button type="submit" className="button button--quiet">
                        {t('placements.markDone')}
                      </button>
                    </>
                  )}
                </BoardForm>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {shows('employerAnswer') ? (
        <BoardForm id={id('employerAnswer')}>
          {() => (
            <>
              <input type="hidden" name="intent" value="employerAnswer" />
              <input type="hidden" name="proposalId" value={proposalId} />
              <p>{t('placements.employerAnswerLead')}</p>
              <button type="submit" name="decision" value="invite" className="button">
                {t('placements.employerInvited')}
              </button>{' '}
              <button type="submit" name="decision" value="decline" className="button button--quiet">
                {t('placements.employerDeclined')}
              </button>
            </>
          )}
        </BoardForm>
      ) : null}
      {shows('create') ? (
        <BoardForm
          className="board__form"
          id={id('create')}
          defaultValue={{ startDate: item.slot_start_date < today ? today : item.slot_start_date, endDate: defaultEnd(item, today) }}
        >
          {(fields, problem) => (
            <>
              <input type="hidden" name="intent" value="create" />
              <input type="hidden" name="proposalId" value={proposalId} />
              <BoardField field={fields.startDate} label={t('placements.startDate')} problem={problem}>
                <input {...getInputProps(fields.startDate, { type: 'date' })} required />
              </BoardField>
              <BoardField field={fields.endDate} label={t('placements.endDate')} problem={problem}>
                <input {...getInputProps(fields.endDate, { type: 'date' })} required />
              </BoardField>
              <button type="submit" className="button">
                {t('placements.create')}
              </button>
            </>
          )}
        </BoardForm>
      ) : null}
      {shows('start') ? (
        <EventForm id={id('start')} placementId={placementId} intent="start" label={t('placements.recordStart')} today={today} />
      ) : null}
      {shows('followUp') ? (
        <details className="board__actions" open={actionAnswered || undefined}>
          <summary>{tw('board.actions')}</summary>
          <BoardForm className="board__form" id={id('followUp')} defaultValue={{ on: today, nextFollowUp: addDays(today, 28) }}>
            {(fields, problem) => (
              <>
                <input type="hidden" name="intent" value="followUp" />
                <input type="hidden" name="placementId" value={placementId} />
                <BoardField field={fields.on} label={t('placements.visitedOn')} problem={problem}>
                  <input {...getInputProps(fields.on, { type: 'date' })} required max={today} />
                </BoardField>
                <BoardField field={fields.note} label={t('placements.note')} problem={problem}>
                  <input {...getInputProps(fields.note, { type: 'text' })} maxLength={2000} />
                </BoardField>
                <BoardField field={fields.nextFollowUp} label={t('placements.nextFollowUpLabel')} problem={problem}>
                  <input {...getInputProps(fields.nextFollowUp, { type: 'date' })} />
                </BoardField>
                <button type="submit" className="button button--quiet">
                  {t('placements.recordFollowUp')}
                </button>
              </>
            )}
          </BoardForm>
          {shows('complete') ? (
            <EventForm id={id('complete')} placementId={placementId} intent="complete" label={t('placements.recordCompleted')} today={today} />
          ) : null}
          {shows('endEarly') ? (
            <BoardForm className="board__form" id={id('endEarly')} defaultValue={{ on: today }}>
              {(fields, problem) => (
                <>
                  <input type="hidden" name="intent" value="endEarly" />
                  <input type="hidden" name="placementId" value={placementId} />
                  <BoardField field={fields.on} label={t('placements.on')} problem={problem}>
                    <input {...getInputProps(fields.on, { type: 'date' })} required max={today} />
                  </BoardField>
                  <BoardField field={fields.reason} label={t('placements.endedReason')} problem={problem}>
                    <input {...getInputProps(fields.reason, { type: 'text' })} required maxLength={1000} />
                  </BoardField>
                  <button type="submit" className="button button--quiet">
                    {t('placements.recordEndedEarly')}
                  </button>
                </>
              )}
            </BoardForm>
          ) : null}
          {shows('extend') ? <ExtendForm id={id('extend')} item={item} placementId={placementId} /> : null}
        </details>
      ) : null}
      {shows('outcome') ? (
        <BoardForm className="board__form" id={id('outcome')} defaultValue={{ on: today, outcome: 'ordinary_job' }}>
          {(fields, problem) => (
            <>
              <input type="hidden" name="intent" value="outcome" />
              <input type="hidden" name="placementId" value={placementId} />
              <BoardField field={fields.on} label={t('placements.outcomeOn')} problem={problem}>
                <input {...getInputProps(fields.on, { type: 'date' })} required max={today} />
              </BoardField>
              <BoardField field={fields.outcome} label={t('placements.outcome')} problem={problem}>
                <select {...getSelectProps(fields.outcome)}>
                  {(['ordinary_job', 'education', 'back_to_programme'] as const).map((o) => (
                    <option key={o} value={o}>
                      {t(`outcome.${o}`)}
                    </option>
                  ))}
                </select>
              </BoardField>
              <button type="submit" className="button">
                {t('placements.recordOutcome')}
              </button>
            </>
          )}
        </BoardForm>
      ) : null}
    </article>
  );
}

type BoardFields = ReturnType<typeof useForm<PlacementFormInput>>[1];

/**
 * One form of a card, on Conform: the action's answer when this form was
 * sent (errors beside the fields, what was typed), and a refusal that names
 * no field (the placement moved on meanwhile) at the form's top.
 */
function BoardForm({
  id,
  defaultValue,
  className,
  children,
}: {
  id: string;
  defaultValue?: Record<string, string>;
  className?: string;
  children: (fields: BoardFields, problem: FormProblem | null) => ReactNode;
}) {
  const answer = useActionData<typeof action>();
  const answered = answer?.formId === id ? answer : undefined;
  const [form, fields] = useForm<PlacementFormInput>({ id, lastResult: answered?.result, defaultValue });
  const problem = answered?.problem ?? null;
  const namesAField = Object.values(answered?.result.error ?? {}).some((messages) => messages && messages.length > 0);
  return (
    <Form method="post" className={className} {...getFormProps(form)}>
      {problem && !namesAField ? <RuleProblem problem={problem} /> : null}
      {children(fields, problem)}
    </Form>
  );
}

/** A labelled control with its messages under it; a date a placement rule refused shows the rule's text there. */
function BoardField({
  field,
  label,
  problem,
  children,
}: {
  field: { id: string; errorId: string; errors: string[] | undefined };
  label: string;
  problem: FormProblem | null;
  children: ReactNode;
}) {
  return (
    <div className="board__field">
      <label htmlFor={field.id}>{label}</label>
      {children}
      {problem && field.errors?.includes(RULE_REFUSED) ? (
        <RuleProblem problem={problem} id={field.errorId} />
      ) : (
        <FieldError id={field.errorId} errors={field.errors} />
      )}
    </div>
  );
}

/** The longest the scheme allows without an extension, capped by the slot's own length. */
function defaultEnd(item: Item, today: string): string {
  const start = item.slot_start_date < today ? today : item.slot_start_date;
  const bySlot = addDays(start, item.slot_weeks * 7 - 1);
  const byRule = maxEndDate(item.slot_type, start, false);
  return bySlot < byRule ? bySlot : byRule;
}

function ExtendForm({ id, item, placementId }: { id: string; item: Item; placementId: string }) {
  const { t: tw } = useTranslation('workbench');
  const start = item.start_date ?? item.slot_start_date;
  return (
    <BoardForm className="board__form" id={id}>
      {(fields, problem) => (
        <>
          <input type="hidden" name="intent" value="extend" />
          <input type="hidden" name="placementId" value={placementId} />
          <BoardField field={fields.newEnd} label={tw('board.newEnd')} problem={problem}>
            <input {...getInputProps(fields.newEnd, { type: 'date' })} required max={maxEndDate(item.slot_type, start, true)} />
          </BoardField>
          <BoardField field={fields.reason} label={tw('board.extensionReason')} problem={problem}>
            <input {...getInputProps(fields.reason, { type: 'text' })} required maxLength={1000} />
          </BoardField>
          <button type="submit" className="button button--quiet">
            {tw('board.extend')}
          </button>
        </>
      )}
    </BoardForm>
  );
}

function EventForm({
  id,
  placementId,
  intent,
  label,
  today,
}: {
  id: string;
  placementId: string;
  intent: 'start' | 'complete';
  label: string;
  today: string;
}) {
  const { t } = useTranslation('consultant');
  return (
    <BoardForm className="board__form" id={id} defaultValue={{ on: today }}>
      {(fields, problem) => (
        <>
          <input type="hidden" name="intent" value={intent} />
          <input type="hidden" name="placementId" value={placementId} />
          <BoardField field={fields.on} label={t('placements.on')} problem={problem}>
            <input {...getInputProps(fields.on, { type: 'date' })} required max={today} />
          </BoardField>
          <button type="submit" className="button">
            {label}
          </button>
        </>
      )}
    </BoardForm>
  );
}
