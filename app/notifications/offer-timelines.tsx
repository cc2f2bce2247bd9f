/** The candidate's offers, each as a short timeline with the current step highlighted and what to do now. */
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { OfferTimeline } from './timeline.server';

export function OfferTimelines({ timelines, lng }: { timelines: OfferTimeline[]; lng: string }) {
  const { t } = useTranslation('notifications');
  if (timelines.length === 0) return null;
  const date = new Intl.DateTimeFormat(lng, { dateStyle: 'long', timeZone: 'UTC' });
  const startDate = (iso: string | null) => (iso ? date.format(new Date(`${iso}T00:00:00Z`)) : '');
  return (
    <section aria-labelledby="timelines-title">
      <h2 id="timelines-title">{t('timeline.title')}</h2>
      <p>{t('timeline.intro')}</p>
      <ul className="plain-list">
        {timelines.map((offer) => (
          <li key={offer.proposalId} className="item">
            <h3>
              {offer.slotTitle} – {offer.organisationName}
            </h3>
            <ol className="timeline">
              {offer.steps.map(({ step, state }) => (
                <li
                  key={step}
                  className={`timeline__step timeline__step--${state}`}
                  aria-current={state === 'current' || state === 'stopped' ? 'step' : undefined}
                >
                  {/* A step where someone said no is named by the no ("The employer said no"), not by the step it stopped. */}
                  {state === 'stopped' ? (
                    `✕ ${t(`timeline.stopped.${offer.now === 'declined' ? 'declined' : 'rejected'}`)}`
                  ) : (
                    <>
                      {state === 'done' ? '✓ ' : ''}
                      {t(`timeline.steps.${step}`)}
                      <span className="visually-hidden"> ({t(`timeline.${state}`)})</span>
                    </>
                  )}
                </li>
              ))}
            </ol>
            <p className="timeline-now">{t(`timeline.now.${offer.now}`, { startDate: startDate(offer.placementStart) })}</p>
            {offer.outcome ? <p>{t(`timeline.outcome.${offer.outcome}`)}</p> : null}
            {offer.act === 'share' ? <Link to="/candidate/sharing">{t('timeline.act.share')}</Link> : null}
            {offer.act === 'offers' ? <Link to="/candidate/offers">{t('timeline.act.offers')}</Link> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
