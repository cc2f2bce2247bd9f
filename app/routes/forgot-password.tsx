/**
 * "Forgot password": mails a single-use link that works for an hour. The page
 * says the same whether the e-mail has an account or not (issue 21.9, 23.5).
 */
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { createAccountMailThrottle, TooManyAccountMails } from '~/auth/account-mail-throttle.server';
import { forgotPasswordSchema, requestPasswordReset } from '~/auth/account-recovery.server';
import { getOptionalUser, homePathFor } from '~/auth/session.server';
import { readFormData } from '~/lib/http.server';

export const meta: MetaFunction = () => [{ title: 'Jobbro' }];

export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get('Retry-After');
  if (retryAfter) headers.set('Retry-After', retryAfter);
  return headers;
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request, context);
  if (user) throw redirect(homePathFor(user.role));
  return null;
}

type ActionResult = { sent: string | null; email: string; error: 'emailInvalid' | null; tooManyMinutes: number };

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readFormData(request), { schema: forgotPasswordSchema });
  if (submission.status !== 'success') {
    const typed = submission.payload.email;
    return data<ActionResult>(
      { sent: null, email: typeof typed === 'string' ? typed : '', error: 'emailInvalid', tooManyMinutes: 0 },
      { status: 400 },
    );
  }
  const { services } = context;
  const { email } = submission.value;
  try {
    const deps = { ...services, throttle: createAccountMailThrottle(services) };
    await requestPasswordReset(deps, { email }, context.clientAddress);
    return data<ActionResult>({ sent: email, email, error: null, tooManyMinutes: 0 });
  } catch (error) {
    if (error instanceof TooManyAccountMails) {
      return data<ActionResult>(
        { sent: null, email, error: null, tooManyMinutes: Math.ceil(error.retryAfterSeconds / 60) },
        { status: 429, headers: { 'Retry-After': String(error.retryAfterSeconds) } },
      );
    }
    throw error;
  }
}

export default function ForgotPassword() {
  const { t } = useTranslation('account');
  const result = useActionData<typeof action>();
  return (
    <section aria-labelledby="forgot-title" className="account-page">
      <h1 id="forgot-title">{t('forgot.title')}</h1>
      {result?.sent ? (
        <p role="status" className="notice">
          {t('forgot.sent', { email: result.sent })}
        </p>
      ) : (
        <>
          <p>{t('forgot.intro')}</p>
          {result && result.tooManyMinutes > 0 ? (
            <p role="alert" className="alert">
              {t('forgot.tooMany', { count: result.tooManyMinutes })}
            </p>
          ) : null}
          <Form method="post" className="form" noValidate>
            <div className="field">
              <label htmlFor="email">{t('forgot.email')}</label>
              <input
                id="email"
                name="email"
                type="email"
                autoComplete="username"
                inputMode="email"
                dir="ltr"
                required
                defaultValue={result?.email ?? ''}
                aria-invalid={result?.error ? true : undefined}
                aria-describedby={result?.error ? 'email-error' : undefined}
              />
              {result?.error ? (
                <p id="email-error" className="field__error">
                  {t(`errors.${result.error}`)}
                </p>
              ) : null}
            </div>
            <div>
              <button type="submit" className="button">
                {t('forgot.submit')}
              </button>
            </div>
          </Form>
        </>
      )}
      <p>
        <Link to="/login">{t('forgot.back')}</Link>
      </p>
    </section>
  );
}
