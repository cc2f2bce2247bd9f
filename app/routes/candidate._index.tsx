/** The candidate's start page (the profile replaces this body later). */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import { candidateNameOf } from '~/auth/start-page.server';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['candidate']);
  return { name: await candidateNameOf(context.services, user) };
}

export default function CandidateHome() {
  const { t } = useTranslation();
  const { name } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t('home.candidateTitle')}</h1>
      <p>{t('home.candidateLead', { name })}</p>
    </>
  );
}
