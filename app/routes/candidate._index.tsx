/** The candidate's start page: the profile at a glance, how strong it is, and what to add next. */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireUser } from '~/auth/session.server';
import { InactivityBanner } from '~/candidates/inactivity-banner';
import { answerInactivityReview, ownInactivityReview } from '~/candidates/inactivity.server';
import { parseHiddenForm } from '~/lib/http.server';
import { candidateOverview } from '~/candidates/overview.server';
import { profileSteps } from '~/candidates/steps';
import { STEP_OF } from '~/candidates/strength';
import { stepPath } from '~/candidates/ui';
import candidateStyles from '~/candidates/candidate.css';
import { resolveLocale } from '~/i18n/i18next.server';
import { OfferTimelines } from '~/notifications/offer-timelines';
import { candidateTimelines } from '~/notifications/timeline.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: candidateStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['candidate']);
  return {
    ...(await candidateOverview(context.services, user)),
    review: await ownInactivityReview(context.services, user),
    timelines: await candidateTimelines(context.services, user),
    lng: await resolveLocale(request, context),
  };
}

/** The answer to the inactivity review: keep (or reactivate) the profile, or archive it. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['candidate']);
  const form = await parseHiddenForm(request, z.object({ answer: z.enum(['stillLooking', 'archive']) }));
  const before = await ownInactivityReview(context.services, user);
  if (!(form.answer === 'archive' && before.state === 'archived')) await answerInactivityReview(context.services, user, form.answer);
  return { answered: form.answer, reactivated: before.state === 'archived' && form.answer === 'stillLooking' };
}

export default function CandidateHome() {
  const { t } = useTranslation('candidate');
  const { name, status, jobcentreName, strength, review, timelines, lng } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <>
      <h1>{t('overview.title')}</h1>
      <p>{t('overview.hello', { name })}</p>
      <InactivityBanner state={review.state} answered={answer?.answered ?? null} reactivated={answer?.reactivated ?? false} />
      {status === 'pending' ? (
        <p role="status" className="notice">
          {t('overview.pending', { jobcentre: jobcentreName })}
        </p>
      ) : null}
      <OfferTimelines timelines={timelines} lng={lng} />
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
      <p>
        <Link to="/candidate/data">{t('privacy:data.overviewLink')}</Link>
      </p>
    </>
  );
}
