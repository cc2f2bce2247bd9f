/**
 * A consultant resends a candidate's invitation (issue 23.5): a new link is
 * mailed and a new paper code shown here; the old link and code stop
 * working. Any page that shows the candidate can post a button here.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireUser } from '~/auth/session.server';
import { invitationState, resendInvitation } from '~/candidates/invite.server';
import { Conflict, NotFound } from '~/lib/errors';
import { jsonError } from '~/lib/http.server';
import { formatMomentDay } from '~/i18n/formats';

export const meta: MetaFunction = () => [{ title: 'Jobbro' }];

const paramsSchema = z.object({ id: z.uuid() });

function candidateIdOf(params: Record<string, string | undefined>): string {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw new Response('Not found', { status: 404 });
  return parsed.data.id;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  try {
    return await invitationState(context.services, user, candidateIdOf(params));
  } catch (error) {
    throw jsonError(error, context.services.logger);
  }
}

type ActionResult = { done: { email: string; code: string; expiresAt: string } | null; problem: 'accountActive' | 'noEmail' | null };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  const { services } = context;
  try {
    const sent = await resendInvitation(
      { db: services.db, clock: services.clock, baseUrl: new URL(request.url).origin },
      user,
      candidateIdOf(params),
    );
    return data<ActionResult>({ done: { email: sent.email, code: sent.code, expiresAt: sent.expiresAt.toISOString() }, problem: null });
  } catch (error) {
    if (error instanceof Conflict) {
      const problem = error.message === 'invitation.noEmail' ? 'noEmail' : 'accountActive';
      return data<ActionResult>({ done: null, problem }, { status: 409 });
    }
    if (error instanceof NotFound) throw new Response('Not found', { status: 404 });
    throw jsonError(error, services.logger);
  }
}

export default function ResendInvitation() {
  const { t, i18n } = useTranslation('account');
  const state = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const lng = i18n.resolvedLanguage ?? 'da';
  return (
    <section aria-labelledby="resend-title" className="account-page">
      <h1 id="resend-title">
        {t('resend.button')}: {state.name}
      </h1>
      {result?.done ? (
        <p role="status" className="notice">
          {t('resend.done', { email: result.done.email, code: result.done.code })} ({formatMomentDay(lng, result.done.expiresAt, 'long')})
        </p>
      ) : null}
      {result?.problem || state.accountActive || state.email === null ? (
        <p role="alert" className="alert">
          {t(`resend.${result?.problem ?? (state.email === null ? 'noEmail' : 'accountActive')}`)}
        </p>
      ) : (
        <>
          <p>{t('resend.hint')}</p>
          <Form method="post">
            <button type="submit" className="button">
              {t('resend.button')}
            </button>
          </Form>
        </>
      )}
      <p>
        <Link to="/consultant">←</Link>
      </p>
    </section>
  );
}
