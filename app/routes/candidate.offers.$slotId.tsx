/**
 * One offer, explained in the candidate's language: which must-have skills
 * they have and lack, whether their Danish is enough, how far it is — or the
 * rule that keeps them out. Interest goes to their consultant.
 */
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import candidateStyles from '~/candidates/candidate.css';
import { expressInterest, withdrawInterest } from '~/candidates/interest.server';
import { municipalityName, occupationLabel, sectorLabel, skillLabel } from '~/candidates/labels.server';
import { offerDetail } from '~/candidates/offers.server';
import { candidateReasons, reasonText } from '~/candidates/reason-text';
import { readForm } from '~/candidates/step-action.server';
import { ArrowLeft, ArrowRight, CalendarDays, Check, Clock, Handshake, MapPin, Star } from 'lucide-react';
import { formatDay, formatNumber } from '~/i18n/formats';
import { resolveLocale } from '~/i18n/i18next.server';
import { Conflict, NotFound, RuleViolation } from '~/lib/errors';
import { municipalityOfPostalCode } from '~/candidates/labels.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: candidateStyles }];

function notFound(error: unknown): never {
  if (error instanceof NotFound) throw new Response('Not found', { status: 404 });
  throw error;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['candidate']);
  const lng = await resolveLocale(request, context);
  const detail = await offerDetail(context.services, user, params.slotId ?? '').catch(notFound);
  const municipality = municipalityOfPostalCode(detail.slot.postal_code) ?? detail.slot.municipalityCode;
  return {
    lng,
    detail,
    place: municipalityName(municipality, lng),
    sector: detail.slot.sector ? sectorLabel(detail.slot.sector, lng) : null,
    occupation: detail.slot.occupationUri ? occupationLabel(detail.slot.occupationUri, lng) : null,
    nice: detail.slot.optionalSkills.map((uri) => skillLabel(uri, lng)),
    have: detail.card?.requiredHave.map((uri) => skillLabel(uri, lng)) ?? [],
    lack: detail.card?.requiredLack.map((uri) => skillLabel(uri, lng)) ?? [],
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['candidate']);
  const form = await readForm(request);
  const slotId = params.slotId ?? '';
  try {
    if (form.intent === 'withdraw') {
      await withdrawInterest(context.services, user, slotId);
      return redirect(`/candidate/offers/${slotId}?done=withdrawn`);
    }
    await expressInterest(context.services, user, slotId);
    return redirect(`/candidate/offers/${slotId}?done=interest`);
  } catch (error) {
    if (error instanceof RuleViolation) return data({ error: 'errors.notEligible' }, { status: 422 });
    if (error instanceof Conflict) return data({ error: 'errors.alreadyDecided' }, { status: 409 });
    return notFound(error);
  }
}

export default function Offer() {
  const { t, i18n } = useTranslation('candidate');
  const { t: tLookup } = useTranslation('lookup');
  const { detail, place, sector, occupation, nice, have, lack, lng } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get('done');
  const { slot, card, excluded } = detail;
  const formatDate = (iso: string) => formatDay(lng, iso);
  const Back = i18n.dir(lng) === 'rtl' ? ArrowRight : ArrowLeft;
  const danishReason = card?.reasons.find((reason) => reason.code === 'danish.meets' || reason.code === 'danish.within_months');
  return (
    <>
      <p>
        <Link to="/candidate/offers" className="icon-text">
          <Back aria-hidden="true" size={18} />
          {t('offer.back')}
        </Link>
      </p>
      <h1>
        <bdi lang="da" dir="auto">
          {slot.title}
        </bdi>
      </h1>
      <p>{[occupation, t(`offers.typeNames.${slot.type}`), sector].filter(Boolean).join(' · ')}</p>
      {done === 'interest' ? (
        <p role="status" className="notice">
          <Check aria-hidden="true" size={18} /> {t('offer.interestSaved')}
        </p>
      ) : null}
      {done === 'withdrawn' ? (
        <p role="status" className="notice">
          {t('offer.withdrawn')}
        </p>
      ) : null}
      {failure ? (
        <p role="alert" className="alert">
          {t(failure.error)}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t('offer.employer')}</dt>
        <dd>
          <bdi dir="auto">{slot.organisation_name}</bdi>
        </dd>
        <dt>
          <MapPin aria-hidden="true" size={16} /> {t('offer.place')}
        </dt>
        <dd>{place}</dd>
        <dt>
          <CalendarDays aria-hidden="true" size={16} /> {t('offer.start')}
        </dt>
        <dd>{formatDate(slot.start_date)}</dd>
        <dt>{t('offer.duration')}</dt>
        <dd>{tLookup('counts.weeks', { count: slot.weeks, n: formatNumber(lng, slot.weeks) })}</dd>
        <dt>
          <Clock aria-hidden="true" size={16} /> {t('offer.hours')}
        </dt>
        <dd>{tLookup('counts.hoursPerWeek', { count: slot.hours_per_week, n: formatNumber(lng, slot.hours_per_week) })}</dd>
      </dl>
      {slot.mentor ? (
        <p className="icon-text">
          <Handshake aria-hidden="true" size={18} /> {t('offer.mentor')}
        </p>
      ) : null}
      <h2>{t('offer.about')}</h2>
      <p className="hint">{tLookup('offer.employerText')}</p>
      <p lang="da" dir="auto" className="employer-text">
        {slot.description}
      </p>
      {nice.length > 0 ? (
        <>
          <h3>{tLookup('offer.skillsNice')}</h3>
          <ul>
            {nice.map((label) => (
              <li key={label}>{label}</li>
            ))}
          </ul>
        </>
      ) : null}
      {card ? (
        <section aria-labelledby="why-title">
          <h2 id="why-title">{t('offer.whyTitle')}</h2>
          {have.length === 0 && lack.length === 0 ? <p>{t('offer.noneRequired')}</p> : null}
          {have.length > 0 ? (
            <>
              <h3>{t('offer.skillsHave')}</h3>
              <ul>
                {have.map((label) => (
                  <li key={label} className="fit-have">
                    {label}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {lack.length > 0 ? (
            <>
              <h3>{t('offer.skillsLack')}</h3>
              <ul>
                {lack.map((label) => (
                  <li key={label} className="fit-lack">
                    {label}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <ul>
            {danishReason ? null : <li>{t('offer.danishNone')}</li>}
            {candidateReasons(card.reasons).map((reason, i) => (
              <li key={`${reason.code}-${i}`}>{reasonText(i18n.t, reason, formatDate, (value) => formatNumber(lng, value))}</li>
            ))}
          </ul>
          {detail.interested ? (
            <Form method="post">
              <p className="icon-text">
                <Star aria-hidden="true" size={18} /> {t('offer.status')}
              </p>
              <button type="submit" name="intent" value="withdraw" className="button button--quiet">
                {t('offer.withdraw')}
              </button>
            </Form>
          ) : (
            <Form method="post">
              <p className="hint">{t('offer.interestHint')}</p>
              <button type="submit" name="intent" value="interest" className="button">
                <Star aria-hidden="true" size={18} /> {t('offer.interest')}
              </button>
            </Form>
          )}
        </section>
      ) : null}
      {excluded ? (
        <section aria-labelledby="cannot-title">
          <h2 id="cannot-title">{t('offer.cannotTitle')}</h2>
          <p>{reasonText(i18n.t, excluded.explanation, formatDate, (value) => formatNumber(lng, value))}</p>
        </section>
      ) : null}
    </>
  );
}
