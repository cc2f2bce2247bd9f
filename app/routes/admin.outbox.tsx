/**
 * Search documents that keep failing (admins only): each failed outbox
 * entry with its error and a button to retry it now instead of after its
 * back-off. The entry names the document by id only (no personal data).
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireUser } from '~/auth/session.server';
import candidateStyles from '~/candidates/candidate.css';
import { resolveLocale } from '~/i18n/i18next.server';
import { parseForm } from '~/lib/http.server';
import { countFailedSearchDocuments, listFailedSearchDocuments, retryFailedSearchDocument } from '~/admin/failed-search-documents.server';
import { formatMoment } from '~/i18n/formats';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: candidateStyles }];

export const meta: MetaFunction = () => [{ title: 'Jobbro – Søgeindeks: fejlede dokumenter' }];

const SHOWN = 200;
const retrySchema = z.object({ intent: z.literal('retry'), entryId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, ['admin']);
  const [entries, total] = await Promise.all([listFailedSearchDocuments(context.services, SHOWN), countFailedSearchDocuments(context.services)]);
  return {
    lng: await resolveLocale(request, context),
    total,
    entries: entries.map((entry) => ({ ...entry, created_at: entry.created_at.toISOString(), retry_at: entry.retry_at.toISOString() })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context, ['admin']);
  const form = await parseForm(request, retrySchema);
  return { retried: await retryFailedSearchDocument(context.services, form.entryId), entryId: form.entryId };
}

export default function FailedOutboxEntries() {
  const { t } = useTranslation('trust');
  const { entries, total, lng } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const format = (iso: string) => formatMoment(lng, iso);
  return (
    <>
      <h1>{t('outbox.title')}</h1>
      <p>{t('outbox.intro')}</p>
      {result ? (
        <p role="status" className="notice">
          {t(result.retried ? 'outbox.retried' : 'outbox.notFailed', { id: result.entryId })}
        </p>
      ) : null}
      {entries.length === 0 ? (
        <p>{t('outbox.none')}</p>
      ) : (
        <table className="data-table">
          <caption>{t('outbox.caption', { count: total, shown: entries.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('outbox.entry')}</th>
              <th scope="col">{t('outbox.document')}</th>
              <th scope="col">{t('outbox.error')}</th>
              <th scope="col">{t('outbox.attempts')}</th>
              <th scope="col">{t('outbox.nextTry')}</th>
              <th scope="col">{t('outbox.action')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <th scope="row">{entry.id}</th>
                <td dir="ltr">
                  {entry.index_name} <code>{entry.document_id}</code>
                </td>
                <td dir="ltr">
                  <code>{entry.last_error ?? ''}</code>
                </td>
                <td>{entry.attempts}</td>
                <td>{format(entry.retry_at)}</td>
                <td>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="entryId" value={entry.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="retry"
                      className="button"
                      disabled={busy}
                      aria-label={t('outbox.retryLabel', { id: entry.id })}
                    >
                      {t('outbox.retry')}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
