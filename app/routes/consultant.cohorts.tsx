/**
 * Network cohorts for branchepakker and courses: create, fill with pooled
 * candidates, approve your own. Every pooled candidate shows skills, Danish
 * level and fit score; another jobcentre's candidate is shown without name.
 */
import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react';
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { requireUser } from '~/auth/session.server';
import { RejectReasonSelect } from '~/consultants/reject-reason-select';
import { createCohort, decideCohortMembers, loadCohorts, matchCohort } from '~/consultants/cohorts.server';
import { formProblem } from '~/consultants/form-errors.server';
import { FieldError } from '~/consultants/form-ui';
import { cohortFormSchema } from '~/consultants/schemas';
import { InvalidInput } from '~/lib/errors';
import { parseSubmission } from '~/lib/form-submission';
import { readFormData, refuseTamperedForm } from '~/lib/http.server';
import { sectorChoices, sectorLabel, skillLabel } from '~/candidates/labels.server';
import { resolveLocale } from '~/i18n/i18next.server';
import workbenchStyles from '~/workbench/workbench.css';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: workbenchStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  const [overview, lng] = await Promise.all([loadCohorts(context.services, user), resolveLocale(request, context)]);
  // Labels and numbers are made here, once, so the browser renders the same text the server did.
  const number = new Intl.NumberFormat(lng, { maximumFractionDigits: 1 });
  return {
    networks: overview.networks,
    sectors: sectorChoices(lng),
    cohorts: overview.cohorts.map((cohort) => ({
      ...cohort,
      sectorLabel: sectorLabel(cohort.sector, lng),
      members: cohort.members.map(({ skills, ...member }) => ({
        ...member,
        skills: skills.map((skill) => ({
          uri: skill.uri,
          years: skill.years,
          yearsText: skill.years === null ? null : number.format(skill.years),
          label: skillLabel(skill.uri, lng),
        })),
      })),
    })),
  };
}

/** The fields a person sets (the new cohort's, the members ticked); a refused intent, id or reject reason (no one types them) is a tampered form. */
const VISIBLE_FIELDS = new Set(['networkId', 'title', 'sector', 'courseStart', 'courseEnd', 'seats', 'candidateId']);

/** Which form was sent: the new-cohort form, or a cohort's members form (approve and reject) or its match button. */
function formIdOf(intent: unknown, cohortId: unknown): string {
  if (intent === 'create') return 'create';
  return `${intent === 'match' ? 'match' : 'members'}-${String(cohortId)}`;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  const submission = parseSubmission(await readFormData(request), cohortFormSchema);
  if (submission.status !== 'success') {
    refuseTamperedForm(submission.error, VISIBLE_FIELDS);
    const formId = formIdOf(submission.payload.intent, submission.payload.cohortId);
    return data({ ok: false as const, formId, result: submission.reply() }, { status: 400 });
  }
  const form = submission.value;
  const formId = formIdOf(form.intent, form.intent === 'create' ? null : form.cohortId);
  try {
    if (form.intent === 'create') await createCohort(context.services, user, form);
    else if (form.intent === 'match') await matchCohort(context.services, user, form.cohortId);
    else if (form.intent === 'approve')
      await decideCohortMembers(context.services, user, { cohortId: form.cohortId, candidateIds: form.candidateId, decision: 'approve' });
    else
      await decideCohortMembers(context.services, user, {
        cohortId: form.cohortId,
        candidateIds: form.candidateId,
        decision: 'reject',
        reason: form.reason,
      });
  } catch (error) {
    if (error instanceof InvalidInput && Object.keys(error.fields).length > 0) {
      return data({ ok: false as const, formId, result: submission.reply({ fieldErrors: error.fields }) }, { status: 400 });
    }
    return formProblem(error);
  }
  // The sent form starts afresh: the new cohort is listed above it, the decided members show their status.
  return { ok: true as const, formId, result: submission.reply({ resetForm: true }) };
}

type CreateInput = Extract<z.input<typeof cohortFormSchema>, { intent: 'create' }>;
type MembersInput = Extract<z.input<typeof cohortFormSchema>, { intent: 'approve' }>;

/** The action's answer for the form `id`, when it was that form that was sent. */
function useLastResult(id: string) {
  const answer = useActionData<typeof action>();
  return answer && 'formId' in answer && answer.formId === id ? answer.result : undefined;
}

export default function ConsultantCohorts() {
  const { t } = useTranslation('consultant');
  const { networks, sectors, cohorts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>{t('cohorts.title')}</h1>
      <p>{t('cohorts.lead')}</p>
      {result && 'problem' in result ? <p role="alert">{result.problem.message}</p> : null}
      {cohorts.length === 0 ? <p>{t('cohorts.none')}</p> : null}
      {cohorts.map((cohort) => (
        <section key={cohort.id} className="card" aria-labelledby={`c-${cohort.id}`}>
          <h2 id={`c-${cohort.id}`}>{cohort.title}</h2>
          <p>
            {cohort.network_name} · {cohort.sectorLabel} · {cohort.course_start} – {cohort.course_end} ·{' '}
            {t('cohorts.seatsTaken', { approved: cohort.approved, seats: cohort.seats })}
          </p>
          <Form method="post">
            <input type="hidden" name="cohortId" value={cohort.id} />
            <button type="submit" name="intent" value="match" className="button button--quiet">
              {t('cohorts.match')}
            </button>
          </Form>
          {cohort.members.length > 0 ? <MembersForm cohort={cohort} /> : null}
        </section>
      ))}
      {networks.length > 0 ? <CreateCohortForm networks={networks} sectors={sectors} /> : null}
    </>
  );
}

type Cohort = ReturnType<typeof useLoaderData<typeof loader>>['cohorts'][number];

/** The cohort's pooled candidates; the consultant ticks their own and approves or rejects them. */
function MembersForm({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation('consultant');
  const { t: tw } = useTranslation('workbench');
  const id = formIdOf('approve', cohort.id);
  const [form, fields] = useForm<MembersInput>({ id, lastResult: useLastResult(id) });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="cohortId" value={cohort.id} />
      <div className="table-scroll">
        <table className="cohort-members">
          <caption>{t('cohorts.members')}</caption>
          <thead>
            <tr>
              <th scope="col">{tw('cohorts.candidate')}</th>
              <th scope="col">{tw('cohorts.skills')}</th>
              <th scope="col">{tw('cohorts.danish')}</th>
              <th scope="col">{tw('cohorts.score')}</th>
              <th scope="col">{tw('cohorts.status')}</th>
            </tr>
          </thead>
          <tbody>
            {cohort.members.map((m) => (
              <tr key={m.key}>
                <th scope="row">
                  {m.own && m.candidateId && m.status === 'proposed' ? (
                    <label>
                      <input
                        {...getInputProps(fields.candidateId, { type: 'checkbox', value: m.candidateId })}
                        id={`${fields.candidateId.id}-${m.candidateId}`}
                      />{' '}
                      {m.name}
                    </label>
                  ) : m.own ? (
                    m.name
                  ) : (
                    <span className="hint">{t('cohorts.homeDecides', { jobcentre: m.jobcentreName })}</span>
                  )}
                </th>
                <td>
                  {m.skills.length === 0 ? (
                    <span className="hint">{tw('cohorts.noSkills')}</span>
                  ) : (
                    <ul className="cohort-skills">
                      {m.skills.map((skill) => (
                        <li key={skill.uri}>
                          {skill.years === null
                            ? skill.label
                            : tw('cohorts.skillYears', { skill: skill.label, years: skill.yearsText, count: skill.years })}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="nowrap">
                  <span className="only-narrow">{tw('cohorts.danish')}: </span>
                  {m.danishSpoken ?? '–'} / {m.danishWritten ?? '–'}
                </td>
                <td>
                  <span className="score-bar" role="img" aria-label={tw('queue.scoreLabel', { score: m.score.toFixed(0) })}>
                    <span className="score-bar__fill" style={{ inlineSize: `${m.score}%` }} />
                    <span className="score-bar__value">{m.score.toFixed(0)}</span>
                  </span>
                </td>
                <td>
                  <span className="only-narrow">{tw('cohorts.status')}: </span>
                  {t(`cohorts.status.${m.status}`)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{tw('cohorts.scoreExplained')}</p>
      <FieldError id={fields.candidateId.errorId} errors={fields.candidateId.errors} />
      <button type="submit" name="intent" value="approve" className="button">
        {t('cohorts.approve')}
      </button>
      <RejectReasonSelect defaultValue="not_ready" />
      <button type="submit" name="intent" value="reject" className="button button--quiet">
        {t('cohorts.reject')}
      </button>
    </Form>
  );
}

/** A new cohort: a column of labelled fields; a refused one says why beside it and keeps what was typed. */
function CreateCohortForm({
  networks,
  sectors,
}: {
  networks: ReturnType<typeof useLoaderData<typeof loader>>['networks'];
  sectors: ReturnType<typeof useLoaderData<typeof loader>>['sectors'];
}) {
  const { t } = useTranslation('consultant');
  const id = formIdOf('create', null);
  const [form, fields] = useForm<CreateInput>({ id, lastResult: useLastResult(id), defaultValue: { sector: 'kitchen', seats: '16' } });
  return (
    <Form method="post" className="card" {...getFormProps(form)}>
      <h2>{t('cohorts.create')}</h2>
      <div className="form">
        <input type="hidden" name="intent" value="create" />
        <div className="field">
          <label htmlFor={fields.networkId.id}>{t('cohorts.network')}</label>
          <select {...getSelectProps(fields.networkId)}>
            {networks.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name}
              </option>
            ))}
          </select>
          <FieldError id={fields.networkId.errorId} errors={fields.networkId.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.title.id}>{t('cohorts.cohortTitle')}</label>
          <input {...getInputProps(fields.title, { type: 'text' })} required maxLength={200} />
          <FieldError id={fields.title.errorId} errors={fields.title.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.sector.id}>{t('cohorts.sector')}</label>
          <select {...getSelectProps(fields.sector)}>
            {sectors.map((sector) => (
              <option key={sector.id} value={sector.id}>
                {sector.label}
              </option>
            ))}
          </select>
          <FieldError id={fields.sector.errorId} errors={fields.sector.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.courseStart.id}>{t('cohorts.courseStart')}</label>
          <input {...getInputProps(fields.courseStart, { type: 'date' })} required />
          <FieldError id={fields.courseStart.errorId} errors={fields.courseStart.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.courseEnd.id}>{t('cohorts.courseEnd')}</label>
          <input {...getInputProps(fields.courseEnd, { type: 'date' })} required />
          <FieldError id={fields.courseEnd.errorId} errors={fields.courseEnd.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.seats.id}>{t('cohorts.seats')}</label>
          <input {...getInputProps(fields.seats, { type: 'number' })} required min={1} max={200} />
          <FieldError id={fields.seats.errorId} errors={fields.seats.errors} />
        </div>
        <button type="submit" className="button">
          {t('cohorts.create')}
        </button>
      </div>
    </Form>
  );
}
