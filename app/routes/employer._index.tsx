/** The employer's start page (the slot list replaces this body later). */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import { organisationNameOf } from '~/auth/start-page.server';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['employer']);
  return { organisation: await organisationNameOf(context.services, user) };
}

export default function EmployerHome() {
  const { t } = useTranslation();
  const { organisation } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t('home.employerTitle')}</h1>
      <p>{t('home.employerLead', { organisation: organisation ?? t('home.unknown') })}</p>
    </>
  );
}
