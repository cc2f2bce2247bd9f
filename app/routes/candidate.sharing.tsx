/** Sharing per approved offer (revocable, recorded with time and actor) and who has viewed the profile. */
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import candidateStyles from '~/candidates/candidate.css';
import { setSharing, sharingFormSchema, sharingOverview } from '~/candidates/sharing.server';
import { resolveLocale } from '~/i18n/i18next.server';
import { NotFound } from '~/lib/errors';
import { parseForm } from '~/lib/http.server';
import { Check, Eye, Lock, LockOpen } from 'lucide-react';
import { formatMoment } from '~/i18n/formats';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: candidateStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['candidate']);
  const lng = await resolveLocale(request, context);
  return { lng, overview: await sharingOverview(context.services, user) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['candidate']);
  const form = await parseForm(request, sharingFormSchema);
  try {
    await setSharing(context.services, user, { slotId: form.slotId, share: form.share === 'yes' });
  } catch (error) {
    // A slot the candidate was not approved for (a tampered or stale form): bad input, not a server error.
    if (error instanceof NotFound) throw new Response('Not an approved offer', { status: 400 });
    throw error;
  }
  return redirect('/candidate/sharing?saved=1');
}

export default function Sharing() {
  const { t } = useTranslation('candidate');
  const { overview, lng } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  // Danish time and the page language's digits, the same on the server and in the browser.
  const format = (value: string | Date) => formatMoment(lng, value);
  return (
    <>
      <h1>{t('sharing.title')}</h1>
      <p>{t('sharing.intro')}</p>
      {params.get('saved') === '1' ? (
        <p role="status" className="notice">
          <Check aria-hidden="true" size={18} className="notice__icon" /> {t('sharing.saved')}
        </p>
      ) : null}
      <section aria-labelledby="approved-title">
        <h2 id="approved-title">{t('sharing.approvedTitle')}</h2>
        {overview.slots.length === 0 ? <p>{t('sharing.none')}</p> : null}
        <ul className="plain-list">
          {overview.slots.map((slot) => (
            <li key={slot.slot_id} className="item">
              <h3>{slot.title}</h3>
              <p>{slot.organisation_name}</p>
              <p className="icon-text">
                {slot.shared ? <LockOpen aria-hidden="true" size={18} /> : <Lock aria-hidden="true" size={18} />}
                {slot.shared ? t('sharing.shared') : t('sharing.notShared')}
              </p>
              {slot.decidedAt ? <p className="hint">{t('sharing.decidedAt', { date: format(slot.decidedAt) })}</p> : null}
              <Form method="post">
                <input type="hidden" name="slotId" value={slot.slot_id} />
                <button type="submit" name="share" value={slot.shared ? 'no' : 'yes'} className={slot.shared ? 'button button--quiet' : 'button'}>
                  {slot.shared ? t('sharing.stop', { employer: slot.organisation_name }) : t('sharing.share', { employer: slot.organisation_name })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="views-title">
        <h2 id="views-title" className="icon-text">
          <Eye aria-hidden="true" size={22} />
          {t('sharing.viewsTitle')}
        </h2>
        {overview.views.length === 0 ? (
          <p>{t('sharing.noViews')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('sharing.viewer')}</th>
                <th scope="col">{t('sharing.when')}</th>
              </tr>
            </thead>
            <tbody>
              {overview.views.map((view, i) => (
                <tr key={i}>
                  <td>{[view.viewer_name, view.organisation_name ?? view.jobcentre_name].filter(Boolean).join(', ')}</td>
                  <td>{format(view.viewed_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
