/** The jobcentre consultant's start page (the proposal queue replaces this body later). */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import { jobcentreNameOf } from '~/auth/start-page.server';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  return { jobcentre: await jobcentreNameOf(context.services, user) };
}

export default function ConsultantHome() {
  const { t } = useTranslation();
  const { jobcentre } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t('home.consultantTitle')}</h1>
      <p>{t('home.consultantLead', { jobcentre: jobcentre ?? t('home.unknown') })}</p>
    </>
  );
}
