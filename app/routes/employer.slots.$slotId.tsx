/**
 * One slot: its details and pipeline, the life-cycle actions (publish, mark
 * filled, close, duplicate, edit), and the candidates a jobcentre approved,
 * anonymised until they agree to share more, each with invite / decline.
 */
import { getFormProps, getInputProps, useForm, type SubmissionResult } from '@conform-to/react';
import { getSingleSelectProps } from '~/components/single-select';
import { parseSubmission } from '~/lib/form-submission';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireUser } from '~/auth/session.server';
import { decideOnCandidate, listApprovedCandidates } from '~/employers/candidates.server';
import { Field, useErrorText } from '~/employers/form-ui';
import { fieldErrorsOf } from '~/employers/form-errors.server';
import { employerActorOf } from '~/employers/organisations.server';
import { declineReasons, decisionSchema } from '~/employers/schemas';
import { changeSlotStatus, duplicateSlot } from '~/employers/slots.server';
import { resolveLocale } from '~/i18n/i18next.server';
import { InvalidInput } from '~/lib/errors';
import { jsonError, readFormData, submittedErrors } from '~/lib/http.server';
import { getTaxonomy } from '~/taxonomy/taxonomy';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = employerActorOf(await requireUser(request, context, ['employer']));
  const lang = await resolveLocale(request, context);
  const { slot, candidates } = await listApprovedCandidates(context.services, actor, params.slotId ?? '').catch((error: unknown) => {
    throw jsonError(error, context.services.logger);
  });
  const taxonomy = getTaxonomy();
  const skill = (uri: string) => taxonomy.skillByUri.get(uri)?.labels[lang] ?? uri;
  const language = (code: string) => taxonomy.languageByCode.get(code)?.labels[lang] ?? code;
  return {
    slot: {
      ...slot,
      mustSkills: slot.mustSkills.map(skill),
      niceSkills: slot.niceSkills.map(skill),
      languages: slot.languages.map(language),
      occupation: slot.occupationUri ? (taxonomy.occupationByUri.get(slot.occupationUri)?.labels[lang] ?? null) : null,
    },
    candidates: candidates.map((c) => ({
      ...c,
      skills: c.skills.map(skill),
      languages: c.languages.map((l) => ({ ...l, label: language(l.code) })),
    })),
  };
}

const lifecycleSchema = z.object({ intent: z.enum(['publish', 'fill', 'close', 'duplicate']) });
/** A candidate's form: invite or decline (the button sent), for the proposal named by the hidden field. */
const decisionFormSchema = z.intersection(z.object({ proposalId: z.guid() }), decisionSchema);

type ActionResult = { proposalId: string; result: SubmissionResult } | { proposalId: null; errors: string[] };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['employer']);
  const actor = employerActorOf(user);
  // Sent back to the page as it was named: encoded, as a URL param may hold anything (a NUL made the Location header throw).
  const slotId = params.slotId ?? '';
  const formData = await readFormData(request);
  // A rule the slot or the decision breaks: shown at the top of the page.
  const refused = (error: unknown) => {
    const fieldErrors = fieldErrorsOf(error);
    if (!fieldErrors) throw jsonError(error, context.services.logger);
    return data<ActionResult>({ proposalId: null, errors: Object.values(fieldErrors).flat() }, { status: 400 });
  };
  // Hidden fields only a tampered form gets wrong: nothing to show beside a field.
  const tampered = (errors: Record<string, string[] | null> | null | undefined) =>
    jsonError(new InvalidInput('The request has invalid fields', submittedErrors(errors)));

  const lifecycle = parseSubmission(formData, lifecycleSchema);
  if (lifecycle.status === 'success') {
    const { intent } = lifecycle.value;
    try {
      if (intent === 'duplicate') {
        const copy = await duplicateSlot(context.services, actor, slotId);
        return redirect(`/employer/slots/${copy.id}/edit`);
      }
      await changeSlotStatus(context.services, actor, slotId, intent);
      return redirect(`/employer/slots/${encodeURIComponent(slotId)}`);
    } catch (error) {
      return refused(error);
    }
  }
  // The life-cycle buttons are the only ones that send an intent.
  if (lifecycle.payload.intent !== undefined) throw tampered(lifecycle.error);

  const submission = parseSubmission(formData, decisionFormSchema);
  if (submission.status !== 'success') {
    const proposalId = submission.payload.proposalId;
    if (typeof proposalId !== 'string' || submission.error?.proposalId) throw tampered(submission.error);
    return data<ActionResult>({ proposalId, result: submission.reply() }, { status: 400 });
  }
  const { proposalId, ...decision } = submission.value;
  try {
    await decideOnCandidate(context.services, { ...actor, userId: user.id }, { slotId, proposalId }, decision);
  } catch (error) {
    // Changing an earlier answer needs the box ticked: shown beside that candidate's form.
    const confirmChange = fieldErrorsOf(error)?.confirmChange;
    if (confirmChange) return data<ActionResult>({ proposalId, result: submission.reply({ fieldErrors: { confirmChange } }) }, { status: 400 });
    return refused(error);
  }
  return redirect(`/employer/slots/${encodeURIComponent(slotId)}`);
}

export default function SlotPage() {
  const { t, i18n } = useTranslation('employer');
  const errorText = useErrorText();
  const { slot, candidates } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const date = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeZone: 'UTC' });
  const list = new Intl.ListFormat(i18n.resolvedLanguage, { type: 'conjunction' });
  const actions: Array<{ intent: string; show: boolean }> = [
    { intent: 'publish', show: slot.status === 'draft' },
    { intent: 'fill', show: slot.status === 'published' },
    { intent: 'close', show: slot.status !== 'closed' },
    { intent: 'duplicate', show: true },
  ];
  return (
    <article aria-labelledby="slot-title">
      <p>
        <Link to="/employer">{t('slot.back')}</Link>
      </p>
      <h1 id="slot-title">{slot.title}</h1>
      <p>
        {t(`types.${slot.type}`)} · {slot.workplaceName} · <strong>{t(`visibility.${slot.visibility}`)}</strong>
      </p>
      {answer && answer.proposalId === null ? (
        <p role="alert" className="alert">
          {answer.errors.map(errorText).join(' ')}
        </p>
      ) : null}
      <div className="actions">
        {slot.status === 'draft' || slot.status === 'published' ? (
          <Link to={`/employer/slots/${slot.id}/edit`} className="button button--quiet">
            {t('slot.edit')}
          </Link>
        ) : null}
        {actions
          .filter((a) => a.show)
          .map((a) => (
            <Form method="post" key={a.intent} className="inline-form">
              <button type="submit" name="intent" value={a.intent} className={a.intent === 'publish' ? 'button' : 'button button--quiet'}>
                {t(`slot.${a.intent}`)}
              </button>
            </Form>
          ))}
      </div>

      <h2>{t('slot.pipeline')}</h2>
      <dl className="pipeline">
        {(['found', 'approved', 'invited', 'declined', 'placed'] as const).map((step) => (
          <div key={step}>
            <dt>{t(`slot.${step}`)}</dt>
            <dd>{slot.pipeline[step]}</dd>
          </div>
        ))}
      </dl>

      <h2>{t('slot.details')}</h2>
      <dl>
        <dt>{t('fields.startDate')}</dt>
        <dd>{date.format(new Date(`${slot.startDate}T00:00:00Z`))}</dd>
        <dt>{t('fields.weeks')}</dt>
        <dd>
          {t('slot.weeks', { count: slot.weeks })}, {t('slot.hours', { count: slot.hoursPerWeek })}
        </dd>
        <dt>{t('fields.positions')}</dt>
        <dd>{slot.positions}</dd>
        {slot.occupation ? (
          <>
            <dt>{t('fields.occupation')}</dt>
            <dd>{slot.occupation}</dd>
          </>
        ) : null}
        <dt>{t('slot.skillsMust')}</dt>
        <dd>{slot.mustSkills.length > 0 ? list.format(slot.mustSkills) : t('slot.none')}</dd>
        <dt>{t('slot.skillsNice')}</dt>
        <dd>{slot.niceSkills.length > 0 ? list.format(slot.niceSkills) : t('slot.none')}</dd>
        <dt>{t('fields.danish')}</dt>
        <dd>
          {t('candidates.danishLevel', { spoken: slot.danishSpoken ?? '–', written: slot.danishWritten ?? '–' })}
          {slot.danishWithinMonths ? ` (${t('fields.danishWithinMonths')}: ${slot.danishWithinMonths})` : ''}
        </dd>
        <dt>{t('fields.languages')}</dt>
        <dd>{slot.languages.length > 0 ? list.format(slot.languages) : t('slot.none')}</dd>
        {slot.payBasis ? (
          <>
            <dt>{t('fields.payBasis')}</dt>
            <dd>{slot.payBasis}</dd>
          </>
        ) : null}
        {slot.description ? (
          <>
            <dt>{t('fields.description')}</dt>
            <dd>{slot.description}</dd>
          </>
        ) : null}
      </dl>

      <h2>{t('candidates.title')}</h2>
      <p className="hint">{t('candidates.intro')}</p>
      {candidates.length === 0 ? <p>{t('candidates.none')}</p> : null}
      {candidates.map((candidate, index) => (
        <section key={candidate.proposalId} className="card" aria-labelledby={`candidate-${candidate.proposalId}`}>
          <h3 id={`candidate-${candidate.proposalId}`}>
            {candidate.shared ? candidate.shared.name : t('candidates.candidate', { number: index + 1 })}
          </h3>
          <dl>
            <dt>{t('candidates.skills')}</dt>
            <dd>{candidate.skills.length > 0 ? list.format(candidate.skills) : t('slot.none')}</dd>
            <dt>{t('candidates.danish')}</dt>
            <dd>{t('candidates.danishLevel', { spoken: candidate.danishSpoken ?? '–', written: candidate.danishWritten ?? '–' })}</dd>
            <dt>{t('candidates.languages')}</dt>
            <dd>{candidate.languages.length > 0 ? list.format(candidate.languages.map((l) => `${l.label} (${l.spoken})`)) : t('slot.none')}</dd>
            <dt>{t('candidates.available')}</dt>
            <dd>{date.format(new Date(`${candidate.availableFrom}T00:00:00Z`))}</dd>
            {candidate.hoursPerWeek ? (
              <>
                <dt>{t('candidates.hours')}</dt>
                <dd>{candidate.hoursPerWeek}</dd>
              </>
            ) : null}
            <dt>{t('candidates.area')}</dt>
            <dd>{candidate.area}</dd>
          </dl>
          {candidate.shared ? (
            <p>
              {t('candidates.shared')}: {candidate.shared.email ?? ''} {candidate.shared.phone ?? ''}
            </p>
          ) : (
            <p className="hint">{t('candidates.notShared')}</p>
          )}
          {candidate.decision ? (
            <p role="status">
              <strong>{t(`candidates.decision.${candidate.decision}`)}</strong>
              {candidate.declineReason ? ` – ${t(`candidates.reasons.${candidate.declineReason}`)}` : ''}
            </p>
          ) : null}
          <DecisionForm
            proposalId={candidate.proposalId}
            decided={candidate.decision !== null}
            lastResult={answer?.proposalId === candidate.proposalId ? answer.result : undefined}
          />
        </section>
      ))}
    </article>
  );
}

/** Invite or decline one candidate; its errors stay beside its own fields. */
function DecisionForm({ proposalId, decided, lastResult }: { proposalId: string; decided: boolean; lastResult: SubmissionResult | undefined }) {
  const { t } = useTranslation('employer');
  const { t: tn } = useTranslation('notifications');
  const [form, fields] = useForm<{ proposalId: string; reason: string; note: string; confirmChange: string }>({
    id: `decision-${proposalId}`,
    lastResult,
    defaultValue: { proposalId },
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <input {...getInputProps(fields.proposalId, { type: 'hidden' })} />
      <Field meta={fields.reason} label={t('candidates.reason')}>
        {(p) => (
          <select {...getSingleSelectProps(fields.reason, { ariaAttributes: false })} {...p}>
            <option value="">–</option>
            {declineReasons.map((reason) => (
              <option key={reason} value={reason}>
                {t(`candidates.reasons.${reason}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field meta={fields.note} label={t('candidates.note')}>
        {(p) => <input {...getInputProps(fields.note, { type: 'text', ariaAttributes: false })} {...p} />}
      </Field>
      {decided ? (
        <div className="field">
          <label>
            <input {...getInputProps(fields.confirmChange, { type: 'checkbox', value: 'yes' })} /> {tn('decision.confirmChange')}
          </label>
          {fields.confirmChange.errors ? (
            <p id={fields.confirmChange.errorId} className="field__error" role="alert">
              {tn('decision.confirmRequired')}
            </p>
          ) : null}
        </div>
      ) : null}
      <div>
        <button type="submit" name="decision" value="invite" className="button">
          {t('candidates.invite')}
        </button>{' '}
        <button type="submit" name="decision" value="decline" className="button button--quiet">
          {t('candidates.decline')}
        </button>
      </div>
    </Form>
  );
}
