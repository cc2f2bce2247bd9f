/** The administrator's start page (the admin tools replace this body later). */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import { userCount } from '~/auth/start-page.server';

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, ['admin']);
  return { users: await userCount(context.services) };
}

export default function AdminHome() {
  const { t } = useTranslation();
  const { users } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t('home.adminTitle')}</h1>
      <p>{t('home.adminLead', { count: users })}</p>
    </>
  );
}
