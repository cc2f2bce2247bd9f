/**
 * Network cohorts for branchepakker and courses: create, fill with pooled
 * candidates, approve your own. Every pooled candidate shows skills, Danish
 * level and fit score; another jobcentre's candidate is shown without name.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import { RejectReasonSelect } from '~/consultants/reject-reason-select';
import { createCohort, decideCohortMembers, loadCohorts, matchCohort } from '~/consultants/cohorts.server';
import { formProblem } from '~/consultants/form-errors.server';
import { cohortFormSchema } from '~/consultants/schemas';
import { parseForm } from '~/lib/http.server';
import { sectorLabel, skillLabel } from '~/candidates/labels.server';
import { sectorChoices } from '~/consultants/queue.server';
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

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  const form = await parseForm(request, cohortFormSchema);
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
    return formProblem(error);
  }
  return { ok: true as const };
}

export default function ConsultantCohorts() {
  const { t } = useTranslation('consultant');
  const { t: tw } = useTranslation('workbench');
  const { networks, sectors, cohorts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>{t('cohorts.title')}</h1>
      <p>{t('cohorts.lead')}</p>
      {result && !result.ok ? <p role="alert">{result.problem.message}</p> : null}
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
          {cohort.members.length > 0 ? (
            <Form method="post">
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
                              <input type="checkbox" name="candidateId" value={m.candidateId} /> {m.name}
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
              <button type="submit" name="intent" value="approve" className="button">
                {t('cohorts.approve')}
              </button>
              <RejectReasonSelect defaultValue="not_ready" />
              <button type="submit" name="intent" value="reject" className="button button--quiet">
                {t('cohorts.reject')}
              </button>
            </Form>
          ) : null}
        </section>
      ))}
      {networks.length > 0 ? (
        <Form method="post" className="card">
          <h2>{t('cohorts.create')}</h2>
          <div className="form">
            <input type="hidden" name="intent" value="create" />
            <div className="field">
              <label htmlFor="cohort-network">{t('cohorts.network')}</label>
              <select id="cohort-network" name="networkId">
                {networks.map((n) => (
                  <option key={n.id} value={n.id}>
                    {n.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="cohort-title">{t('cohorts.cohortTitle')}</label>
              <input id="cohort-title" type="text" name="title" required maxLength={200} />
            </div>
            <div className="field">
              <label htmlFor="cohort-sector">{t('cohorts.sector')}</label>
              <select id="cohort-sector" name="sector" defaultValue="kitchen">
                {sectors.map((sector) => (
                  <option key={sector.id} value={sector.id}>
                    {sector.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="cohort-start">{t('cohorts.courseStart')}</label>
              <input id="cohort-start" type="date" name="courseStart" required />
            </div>
            <div className="field">
              <label htmlFor="cohort-end">{t('cohorts.courseEnd')}</label>
              <input id="cohort-end" type="date" name="courseEnd" required />
            </div>
            <div className="field">
              <label htmlFor="cohort-seats">{t('cohorts.seats')}</label>
              <input id="cohort-seats" type="number" name="seats" required min={1} max={200} defaultValue={16} />
            </div>
            <button type="submit" className="button">
              {t('cohorts.create')}
            </button>
          </div>
        </Form>
      ) : null}
    </>
  );
}
