/** A consultant creates a candidate; Jobbro mails the invitation link and shows the code for paper. */
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import candidateStyles from '~/candidates/candidate.css';
import { CPR_ERRORS, cprCipherOf } from '~/candidates/cpr.server';
import { CprField } from '~/candidates/cpr-field';
import { inviteCandidate } from '~/candidates/invite.server';
import { PersonFields, personInputOf } from '~/candidates/person-fields';
import { readForm } from '~/candidates/step-action.server';
import { ErrorSummary } from '~/candidates/ui';
import { resolveLocale } from '~/i18n/i18next.server';
import { Conflict, InvalidInput } from '~/lib/errors';
import { formatMomentDay } from '~/i18n/formats';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: candidateStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, ['consultant']);
  return { lng: await resolveLocale(request, context) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  const { cpr, ...form } = await readForm(request);
  const { services } = context;
  try {
    const invitation = await inviteCandidate(
      {
        db: services.db,
        clock: services.clock,
        baseUrl: new URL(request.url).origin,
        cprCipher: cprCipherOf(services.env),
      },
      user,
      { ...personInputOf(form), cpr: typeof cpr === 'string' ? cpr : undefined },
    );
    return data({
      done: {
        email: personInputOf(form).email,
        code: invitation.code,
        link: invitation.link,
        expiresAt: invitation.expiresAt.toISOString(),
        maskedCpr: invitation.maskedCpr,
      },
      errors: undefined,
      values: undefined,
    });
  } catch (error) {
    // The typed CPR is never sent back: the page keeps every other field.
    if (error instanceof InvalidInput) return data({ done: null, errors: error.fields, values: form }, { status: 400 });
    if (error instanceof Conflict) {
      const errors: Record<string, string[]> =
        error.message === CPR_ERRORS.duplicate ? { cpr: [CPR_ERRORS.duplicate] } : { email: ['errors.emailTaken'] };
      return data({ done: null, errors, values: form }, { status: 409 });
    }
    throw error;
  }
}

export default function NewCandidate() {
  const { t } = useTranslation('candidate');
  const { lng } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const done = result?.done;
  return (
    <>
      <h1>{t('consultant.title')}</h1>
      <p>{t('consultant.intro')}</p>
      {done ? (
        <section role="status" className="notice">
          <p>{t('consultant.done', { email: done.email })}</p>
          <p>
            <strong dir="ltr">{t('consultant.code', { code: done.code })}</strong>
          </p>
          <p>{t('consultant.expires', { date: formatMomentDay(lng, done.expiresAt) })}</p>
          {done.maskedCpr ? <p dir="ltr">{t('review:cpr.registered', { masked: done.maskedCpr })}</p> : null}
        </section>
      ) : null}
      <ErrorSummary errors={result?.errors} />
      <Form method="post" className="form">
        <PersonFields errors={result?.errors} values={result?.values} lng={lng} />
        <CprField errors={result?.errors} />
        <div>
          <button type="submit" className="button">
            {t('consultant.submit')}
          </button>
        </div>
      </Form>
    </>
  );
}
