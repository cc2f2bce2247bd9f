/**
 * Skills in candidates' own words, waiting for the consultant (issue 25,
 * item 4): each with the lookup's suggestions for those words (any of the
 * four languages), a search to find another skill, and the choice to map or
 * to leave the words. `?candidate=` narrows the list to one candidate (the
 * candidate page links here). Works without JavaScript.
 */
import { getFormProps, useForm } from '@conform-to/react';
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { Check, Plus, Search } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireUser } from '~/auth/session.server';
import candidateStyles from '~/candidates/candidate.css';
import { listOpenFreeSkills, reviewFreeSkill } from '~/candidates/free-skills.server';
import { resolveLocale } from '~/i18n/i18next.server';
import { formatMoment } from '~/i18n/formats';
import { DomainError, InvalidInput, httpStatusOf } from '~/lib/errors';
import { parseSubmission } from '~/lib/form-submission';
import { readFormData } from '~/lib/http.server';
import { lookupTaxonomy } from '~/taxonomy/lookup';

export const meta: MetaFunction = () => [{ title: 'Jobbro – Kompetencer med egne ord' }];
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: candidateStyles }];

const querySchema = z.object({
  candidate: z.uuid().optional(),
  item: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
});

/** How many suggestions each item shows. */
const SUGGESTIONS = 5;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  const url = new URL(request.url);
  const query = querySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) throw data({ message: 'candidate and item must be UUIDs; q at most 100 characters' }, { status: 400 });
  const lng = await resolveLocale(request, context);
  const rows = await listOpenFreeSkills(context.services, user, { candidateId: query.data.candidate ?? null });
  return {
    lng,
    candidate: query.data.candidate ?? null,
    done: url.searchParams.get('done') === '1',
    items: rows.map((row) => {
      const searched = row.id === query.data.item && query.data.q ? query.data.q : null;
      return {
        id: row.id,
        text: row.text,
        lang: row.lang,
        createdAt: row.created_at.toISOString(),
        candidateId: row.candidate_id,
        candidateName: row.candidate_name,
        searched,
        suggestions: lookupTaxonomy({ q: searched ?? row.text, lang: lng, kinds: ['skill'], limit: SUGGESTIONS }).map((hit) => ({
          uri: hit.uri,
          label: hit.label,
        })),
      };
    }),
  };
}

/** Which form on the page was sent (one per item and decision): its answer goes back to that form only. */
const formId = z.string().regex(/^(map|leave)-[0-9a-f-]{36}$/);

const reviewFormSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('map'), formId, freeSkill: z.string(), skill: z.string({ message: 'review.errors.skillUnknown' }) }),
  z.object({ decision: z.literal('leave'), formId, freeSkill: z.string() }),
]);

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  const submission = parseSubmission(await readFormData(request), reviewFormSchema);
  // Read from what was sent, so that a form whose fields are refused still gets its answer.
  const sentBy = typeof submission.payload.formId === 'string' ? submission.payload.formId : '';
  if (submission.status !== 'success') return data({ formId: sentBy, result: submission.reply(), problem: null }, { status: 400 });
  try {
    await reviewFreeSkill(context.services, user, submission.value);
  } catch (error) {
    if (error instanceof InvalidInput) {
      return data({ formId: sentBy, result: submission.reply({ fieldErrors: error.fields }), problem: null }, { status: 400 });
    }
    if (!(error instanceof DomainError)) throw error;
    return data({ formId: sentBy, result: submission.reply(), problem: error.code }, { status: httpStatusOf(error) });
  }
  const back = new URL(request.url);
  back.searchParams.delete('item');
  back.searchParams.delete('q');
  back.searchParams.set('done', '1');
  return redirect(`${back.pathname}${back.search}`);
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>['items'][number];

export default function FreeSkills() {
  const { t } = useTranslation('skills');
  const { items, done, candidate, lng } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <section aria-labelledby="free-skills-title" className="free-skills">
      <h1 id="free-skills-title">{t('review.title')}</h1>
      <p>{t('review.intro')}</p>
      {done ? (
        <p role="status" className="notice">
          <Check aria-hidden="true" size={18} /> {t('review.done')}
        </p>
      ) : null}
      {answer?.problem ? (
        <p role="alert" className="alert">
          {answer.problem === 'conflict' ? t('review.errors.reviewed') : t('review.errors.notFound')}
        </p>
      ) : null}
      {items.length === 0 ? <p>{t('review.none')}</p> : null}
      <ul className="plain-list">
        {items.map((item) => (
          <ReviewItem key={item.id} item={item} candidate={candidate} lng={lng} />
        ))}
      </ul>
    </section>
  );
}

function ReviewItem({ item, candidate, lng }: { item: Item; candidate: string | null; lng: string }) {
  const { t } = useTranslation('skills');
  const answer = useActionData<typeof action>();
  const mapId = `map-${item.id}`;
  const leaveId = `leave-${item.id}`;
  const [mapForm] = useForm({ id: mapId, lastResult: answer?.formId === mapId ? answer.result : undefined });
  const [leaveForm] = useForm({ id: leaveId, lastResult: answer?.formId === leaveId ? answer.result : undefined });
  const mapErrors = answer?.formId === mapId ? Object.values(answer.result.error ?? {}).flatMap((messages) => messages ?? []) : [];
  return (
    <li className="item free-skill">
      <h2>
        “
        <bdi lang={item.lang} dir="auto">
          {item.text}
        </bdi>
        ”
      </h2>
      <p>
        {candidate ? null : (
          <>
            <Link to={`/consultant/candidates/${item.candidateId}`}>{item.candidateName}</Link> ·{' '}
          </>
        )}
        {t('review.language')}: {new Intl.DisplayNames([lng], { type: 'language' }).of(item.lang)} · {t('review.written')}:{' '}
        {formatMoment(lng, item.createdAt)}
      </p>
      <Form method="get" className="form free-skill__search" role="search">
        {candidate ? <input type="hidden" name="candidate" value={candidate} /> : null}
        <input type="hidden" name="item" value={item.id} />
        <div className="field">
          <label htmlFor={`search-${item.id}`}>
            {t('review.searchFor')} “
            <bdi lang={item.lang} dir="auto">
              {item.text}
            </bdi>
            ”
          </label>
          <input id={`search-${item.id}`} name="q" type="search" defaultValue={item.searched ?? ''} autoComplete="off" />
        </div>
        <div>
          <button type="submit" className="button button--quiet icon-text">
            <Search aria-hidden="true" size={18} />
            {t('review.searchButton')}
          </button>
        </div>
      </Form>
      {item.suggestions.length === 0 ? <p role="status">{t('review.noResults')}</p> : null}
      {mapErrors.length > 0 ? (
        <p role="alert" className="field__error">
          {mapErrors.map((key) => t(key)).join(' ')}
        </p>
      ) : null}
      <Form method="post" className="form" {...getFormProps(mapForm)}>
        <input type="hidden" name="formId" value={mapId} />
        <input type="hidden" name="freeSkill" value={item.id} />
        <input type="hidden" name="decision" value="map" />
        <ul className="plain-list">
          {item.suggestions.map((suggestion) => (
            <li key={suggestion.uri} className="button-row free-skill__suggestion">
              <span>{suggestion.label}</span>
              {/* The visible words start the accessible name (WCAG 2.5.3); the skill follows for screen readers. */}
              <button type="submit" name="skill" value={suggestion.uri} className="button icon-text">
                <Plus aria-hidden="true" size={18} />
                {t('review.map')}
                <span className="visually-hidden">{` ${suggestion.label}`}</span>
              </button>
            </li>
          ))}
        </ul>
      </Form>
      <Form method="post" className="button-row" {...getFormProps(leaveForm)}>
        <input type="hidden" name="formId" value={leaveId} />
        <input type="hidden" name="freeSkill" value={item.id} />
        <button type="submit" name="decision" value="leave" className="button button--quiet">
          {t('review.leave')}
          <span className="visually-hidden">{` “${item.text}”`}</span>
        </button>
      </Form>
    </li>
  );
}
