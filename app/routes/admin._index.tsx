/** The administrator's start page (the admin tools replace this body later). */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import { userCount } from '~/auth/start-page.server';
import { countFailedSearchDocuments } from '~/admin/failed-search-documents.server';

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, ['admin']);
  return { users: await userCount(context.services), failedSearchDocuments: await countFailedSearchDocuments(context.services) };
}

export default function AdminHome() {
  const { t } = useTranslation();
  const { users, failedSearchDocuments } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t('home.adminTitle')}</h1>
      <p>{t('home.adminLead', { count: users })}</p>
      <p>
        <Link to="/admin/outbox">
          {failedSearchDocuments > 0 ? t('trust:outbox.linkCount', { count: failedSearchDocuments }) : t('trust:outbox.link')}
        </Link>
      </p>
    </>
  );
}
