/**
 * "Forgot password": mails a single-use link that works for an hour. The page
 * says the same whether the e-mail has an account or not (issue 21.9, 23.5).
 */
import { getFormProps, getInputProps, useForm } from '@conform-to/react';
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { createAccountMailThrottle, TooManyAccountMails } from '~/auth/account-mail-throttle.server';
import { forgotPasswordSchema, requestPasswordReset } from '~/auth/account-recovery.server';
import { getOptionalUser, homePathFor } from '~/auth/session.server';
import { parseSubmission } from '~/lib/form-submission';
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

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseSubmission(await readFormData(request), forgotPasswordSchema);
  if (submission.status !== 'success') return data({ sent: null, tooManyMinutes: 0, result: submission.reply() }, { status: 400 });
  const { services } = context;
  const { email } = submission.value;
  try {
    const deps = { ...services, throttle: createAccountMailThrottle(services) };
    await requestPasswordReset(deps, { email }, context.clientAddress);
    return data({ sent: email, tooManyMinutes: 0, result: submission.reply() });
  } catch (error) {
    if (error instanceof TooManyAccountMails) {
      return data(
        { sent: null, tooManyMinutes: Math.ceil(error.retryAfterSeconds / 60), result: submission.reply() },
        { status: 429, headers: { 'Retry-After': String(error.retryAfterSeconds) } },
      );
    }
    throw error;
  }
}

export default function ForgotPassword() {
  const { t } = useTranslation('account');
  const result = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof forgotPasswordSchema>>({ id: 'forgot', lastResult: result?.result });
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
          <Form method="post" className="form" {...getFormProps(form)}>
            <div className="field">
              <label htmlFor={fields.email.id}>{t('forgot.email')}</label>
              <input {...getInputProps(fields.email, { type: 'email' })} autoComplete="username" inputMode="email" dir="ltr" required />
              {fields.email.errors ? (
                <p id={fields.email.errorId} className="field__error">
                  {fields.email.errors.map((key) => t(key)).join(' ')}
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
