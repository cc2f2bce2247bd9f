/** The candidate's start page: the profile at a glance, how strong it is, and what to add next. */
import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import { candidateOverview } from '~/candidates/overview.server';
import { profileSteps } from '~/candidates/profile-schemas';
import { STEP_OF } from '~/candidates/strength';
import { stepPath } from '~/candidates/ui';
import candidateStyles from '~/candidates/candidate.css';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: candidateStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['candidate']);
  return candidateOverview(context.services, user);
}

export default function CandidateHome() {
  const { t } = useTranslation('candidate');
  const { name, status, jobcentreName, strength } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t('overview.title')}</h1>
      <p>{t('overview.hello', { name })}</p>
      {status === 'pending' ? (
        <p role="status" className="notice">
          {t('overview.pending', { jobcentre: jobcentreName })}
        </p>
      ) : null}
      <section aria-labelledby="strength-title">
        <h2 id="strength-title">{t('overview.strengthTitle')}</h2>
        <label htmlFor="strength-meter">{t('overview.strength', { percent: strength.percent })}</label>
        <meter id="strength-meter" className="meter" min={0} max={100} low={50} high={80} optimum={100} value={strength.percent}>
          {strength.percent} %
        </meter>
        <p>{t(`overview.level.${strength.level}`)}</p>
        <h3>{t('overview.missingTitle')}</h3>
        {strength.missing.length === 0 ? (
          <p>{t('overview.nothingMissing')}</p>
        ) : (
          <ul>
            {strength.missing.map((item) => (
              <li key={item}>
                <Link to={stepPath[STEP_OF[item]]}>{t(`missing.${item}`)}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="steps-title">
        <h2 id="steps-title">{t('overview.stepsTitle')}</h2>
        <ol className="plain-list">
          {profileSteps.map((step, i) => (
            <li key={step} className="item">
              <Link to={stepPath[step]}>
                {i + 1}. {t(`steps.${step}`)}
              </Link>
            </li>
          ))}
        </ol>
      </section>
      <p>
        <Link to="/candidate/offers" className="button">
          {t('overview.browse')}
        </Link>
      </p>
    </>
  );
}
