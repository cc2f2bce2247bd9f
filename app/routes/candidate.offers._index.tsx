/**
 * Offers for the candidate: published slots they may take, ranked by the
 * matcher's score for them, with free-text search (typos allowed), filters
 * with counts, and — when a search found offers they cannot take — why.
 */
import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useListNavigation } from '~/components/list-navigation';
import { requireUser } from '~/auth/session.server';
import candidateStyles from '~/candidates/candidate.css';
import { municipalityName, sectorLabel } from '~/candidates/labels.server';
import { browseOffers, OFFERS_STEP, parseBrowseQuery, parseShown } from '~/candidates/offers.server';
import { slotTypes } from '~/candidates/slot-types';
import { reasonText } from '~/candidates/reason-text';
import { CalendarDays, Clock, MapPin, Search, Star } from 'lucide-react';
import { formatDay, formatNumber } from '~/i18n/formats';
import { resolveLocale } from '~/i18n/i18next.server';
import { rememberIn } from '~/lib/bounded-memo';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: candidateStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['candidate']);
  const lng = await resolveLocale(request, context);
  const params = new URL(request.url).searchParams;
  const query = parseBrowseQuery(params);
  const shown = parseShown(params);
  const result = await browseOffers(context.services, user, query, { shown });
  const more = new URLSearchParams(params);
  more.set('shown', String(shown + OFFERS_STEP));
  const interested = new Set(result.interestSlotIds);
  // Only what the page shows: the data is serialised into the HTML once more for hydration.
  return {
    lng,
    query,
    moreHref: result.total > result.offers.length ? `?${more.toString()}` : null,
    total: result.total,
    maxTravelKm: result.maxTravelKm,
    offers: result.offers.map((offer) => ({
      slotId: offer.slotId,
      title: offer.title,
      type: offer.type,
      startDate: offer.startDate,
      hoursPerWeek: offer.hoursPerWeek,
      km: offer.km,
      requiredLacking: offer.requiredLack.length,
      sectorName: offer.sector ? sectorLabel(offer.sector, lng) : null,
      municipalityName: municipalityName(offer.municipalityCode, lng),
      interested: interested.has(offer.slotId),
    })),
    typeCounts: result.facets.type,
    /** [id, name, count] in the order the facets give. */
    sectors: Object.entries(result.facets.sector).map(([id, n]) => [id, sectorLabel(id, lng), n] as const),
    municipalities: Object.entries(result.facets.municipality).map(([code, n]) => [code, municipalityName(code, lng), n] as const),
    hidden: result.hidden.map((hidden) => ({ slotId: hidden.slotId, title: hidden.title, explanation: hidden.explanation })),
  };
}

/**
 * Start dates as the page writes them, per language: formatting was a tenth
 * of rendering the cards, and the same few hundred start dates come back on
 * every page. The card's whole start text is kept too, since its date is the
 * one value i18next's memo leaves out (it never keeps strings, which may be
 * personal). Bounded, since a long-running server meets new dates.
 */
const dateTexts = new Map<string, string>();
const startTexts = new Map<string, string>();
const MAX_DATE_TEXTS = 20_000;

function formatDateIn(lng: string, iso: string): string {
  return rememberIn(dateTexts, `${lng} ${iso}`, MAX_DATE_TEXTS, () => formatDay(lng, iso));
}

/** The card's "starts on" text; `t` is the page's, whose texts depend only on the language. */
function startTextIn(lng: string, iso: string, t: (key: string, options: { date: string }) => string): string {
  return rememberIn(startTexts, `${lng} ${iso}`, MAX_DATE_TEXTS, () => t('offers.start', { date: formatDateIn(lng, iso) }));
}

// Text is joined into one string per element where the page mixes words and values: React marks every
// boundary between adjacent text children with <!-- --> (≈ 200 markers on a page of offers).
export default function Offers() {
  const { t, i18n } = useTranslation('candidate');
  const { t: tLookup } = useTranslation('lookup');
  const follow = useListNavigation();
  const { query, offers, total, maxTravelKm, typeCounts, sectors, municipalities, hidden, lng, moreHref } = useLoaderData<typeof loader>();
  const formatDate = (iso: string) => formatDateIn(lng, iso);
  const kmChoices = [5, 10, 25, 50].filter((km) => km < maxTravelKm);
  return (
    <>
      <h1>{t('offers.title')}</h1>
      <p>{t('offers.intro')}</p>
      <Form method="get" className="form" role="search" aria-label={t('offers.search')}>
        <div className="field">
          <label htmlFor="offers-q" className="icon-text">
            <Search aria-hidden="true" size={18} />
            {t('offers.search')}
          </label>
          <input id="offers-q" name="q" type="search" defaultValue={query.q ?? ''} placeholder={t('offers.searchPlaceholder')} />
        </div>
        <details open={Boolean(query.type.length || query.sector || query.municipality || query.km || query.from)}>
          <summary>{t('offers.filters')}</summary>
          <fieldset className="choice-grid">
            <legend>{t('offers.type')}</legend>
            {slotTypes.map((type) => (
              <label key={type}>
                <input type="checkbox" name="type" value={type} defaultChecked={query.type.includes(type)} />
                {`${t(`offers.typeNames.${type}`)} (${typeCounts[type] ?? 0})`}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="offers-sector">{t('offers.sector')}</label>
            <select id="offers-sector" name="sector" defaultValue={query.sector ?? ''}>
              <option value="">{t('offers.all')}</option>
              {sectors.map(([id, name, n]) => (
                <option key={id} value={id}>{`${name} (${n})`}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="offers-municipality">{t('offers.municipality')}</label>
            <select id="offers-municipality" name="municipality" defaultValue={query.municipality ?? ''}>
              <option value="">{t('offers.all')}</option>
              {municipalities.map(([code, name, n]) => (
                <option key={code} value={code}>{`${name} (${n})`}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="offers-km">{t('offers.km')}</label>
            <select id="offers-km" name="km" defaultValue={query.km ? String(query.km) : ''}>
              <option value="">{t('offers.kmYourLimit', { km: maxTravelKm })}</option>
              {kmChoices.map((km) => (
                <option key={km} value={String(km)}>
                  {t('offers.kmOption', { km })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="offers-from">{t('offers.from')}</label>
            <input id="offers-from" name="from" type="date" dir="ltr" defaultValue={query.from ?? ''} />
          </div>
        </details>
        <div className="button-row">
          <button type="submit" className="button">
            {t('offers.apply')}
          </button>
          <Link to="/candidate/offers" className="button button--quiet">
            {t('offers.clear')}
          </Link>
        </div>
      </Form>
      <p role="status" aria-live="polite">
        {t('offers.count', { count: total })}
      </p>
      {offers.length === 0 ? <p>{t('offers.none')}</p> : null}
      <ol className="plain-list" aria-label={t('offers.title')}>
        {offers.map((offer) => (
          <li key={offer.slotId} className="item">
            <h2>
              <a href={`/candidate/offers/${offer.slotId}`} onClick={follow}>
                <bdi lang="da" dir="auto">
                  {offer.title}
                </bdi>
              </a>
            </h2>
            <p>{offer.sectorName ? `${t(`offers.typeNames.${offer.type}`)} · ${offer.sectorName}` : t(`offers.typeNames.${offer.type}`)}</p>
            <p className="icon-text">
              <MapPin aria-hidden="true" size={16} />
              {`${offer.municipalityName} · ${tLookup('counts.kmAway', { km: formatNumber(lng, offer.km) })}`}
            </p>
            <p className="icon-text">
              <CalendarDays aria-hidden="true" size={16} />
              {startTextIn(lng, offer.startDate, t)}
              <Clock aria-hidden="true" size={16} />
              {tLookup('counts.hoursPerWeek', { count: offer.hoursPerWeek, n: formatNumber(lng, offer.hoursPerWeek) })}
            </p>
            <p className={offer.requiredLacking === 0 ? 'fit-have' : 'fit-lack'}>
              {offer.requiredLacking === 0
                ? t('offers.fitAll')
                : tLookup('counts.missingSkills', { count: offer.requiredLacking, n: formatNumber(lng, offer.requiredLacking) })}
            </p>
            {offer.interested ? (
              <p className="icon-text">
                <Star aria-hidden="true" size={16} />
                {t('offers.interested')}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      {moreHref ? (
        <p>
          <Link to={moreHref} className="button button--quiet" preventScrollReset>
            {t('offers.more', { shown: offers.length, total })}
          </Link>
        </p>
      ) : null}
      {hidden.length > 0 ? (
        <section aria-labelledby="hidden-title">
          <h2 id="hidden-title">{t('offers.hiddenTitle')}</h2>
          <p>{t('offers.hiddenIntro')}</p>
          <ul className="plain-list">
            {hidden.map((offer) => (
              <li key={offer.slotId} className="item">
                <h3>
                  <bdi lang="da" dir="auto">
                    {offer.title}
                  </bdi>
                </h3>
                <p>{reasonText(i18n.t, offer.explanation, formatDate, (value) => formatNumber(lng, value))}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
