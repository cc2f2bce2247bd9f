/**
 * One slot: its details and pipeline, the life-cycle actions (publish, mark
 * filled, close, duplicate, edit), and the candidates a jobcentre approved,
 * anonymised until they agree to share more, each with invite / decline.
 */
import { parseSubmission } from '~/lib/form-submission';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import { decideOnCandidate, listApprovedCandidates } from '~/employers/candidates.server';
import { useErrorText } from '~/employers/form-ui';
import { fieldErrorsOf } from '~/employers/form-errors.server';
import { employerActorOf } from '~/employers/organisations.server';
import { declineReasons, decisionSchema } from '~/employers/schemas';
import { changeSlotStatus, duplicateSlot } from '~/employers/slots.server';
import { resolveLocale } from '~/i18n/i18next.server';
import { jsonError, readFormData } from '~/lib/http.server';
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

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['employer']);
  const actor = employerActorOf(user);
  // Sent back to the page as it was named: encoded, as a URL param may hold anything (a NUL made the Location header throw).
  const slotId = params.slotId ?? '';
  const formData = await readFormData(request);
  const intent = formData.get('intent');
  try {
    if (intent === 'publish' || intent === 'fill' || intent === 'close') {
      await changeSlotStatus(context.services, actor, slotId, intent);
      return redirect(`/employer/slots/${encodeURIComponent(slotId)}`);
    }
    if (intent === 'duplicate') {
      const copy = await duplicateSlot(context.services, actor, slotId);
      return redirect(`/employer/slots/${copy.id}/edit`);
    }
    const submission = parseSubmission(formData, decisionSchema);
    const proposalId = String(formData.get('proposalId') ?? '');
    if (submission.status !== 'success') return data({ proposalId, errors: ['choose'] }, { status: 400 });
    try {
      await decideOnCandidate(context.services, { ...actor, userId: user.id }, { slotId, proposalId }, submission.value);
    } catch (error) {
      // Changing an earlier answer needs the box ticked: shown beside that candidate's form.
      if (fieldErrorsOf(error)?.confirmChange) return data({ proposalId, errors: ['confirmChange'] }, { status: 400 });
      throw error;
    }
    return redirect(`/employer/slots/${encodeURIComponent(slotId)}`);
  } catch (error) {
    const fieldErrors = fieldErrorsOf(error);
    if (!fieldErrors) throw jsonError(error, context.services.logger);
    return data({ proposalId: null, errors: Object.values(fieldErrors).flat() }, { status: 400 });
  }
}

export default function SlotPage() {
  const { t, i18n } = useTranslation('employer');
  const { t: tn } = useTranslation('notifications');
  const errorText = useErrorText();
  const { slot, candidates } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
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
      {result && result.proposalId === null ? (
        <p role="alert" className="alert">
          {result.errors.map(errorText).join(' ')}
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
          <Form method="post" className="form">
            <input type="hidden" name="proposalId" value={candidate.proposalId} />
            <div className="field">
              <label htmlFor={`reason-${candidate.proposalId}`}>{t('candidates.reason')}</label>
              <select id={`reason-${candidate.proposalId}`} name="reason" defaultValue="">
                <option value="">–</option>
                {declineReasons.map((reason) => (
                  <option key={reason} value={reason}>
                    {t(`candidates.reasons.${reason}`)}
                  </option>
                ))}
              </select>
              {result && result.proposalId === candidate.proposalId && result.errors.includes('choose') ? (
                <p className="field__error">{t('errors.choose')}</p>
              ) : null}
            </div>
            <div className="field">
              <label htmlFor={`note-${candidate.proposalId}`}>{t('candidates.note')}</label>
              <input id={`note-${candidate.proposalId}`} name="note" type="text" />
            </div>
            {candidate.decision ? (
              <div className="field">
                <label>
                  <input type="checkbox" name="confirmChange" value="yes" /> {tn('decision.confirmChange')}
                </label>
                {result && result.proposalId === candidate.proposalId && result.errors.includes('confirmChange') ? (
                  <p className="field__error" role="alert">
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
        </section>
      ))}
    </article>
  );
}
