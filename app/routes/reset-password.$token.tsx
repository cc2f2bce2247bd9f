/**
 * The page a reset link opens: choose a new password (once, within the
 * hour). Saving it ends every session of the account and logs this browser in.
 */
import { getFormProps, useForm } from '@conform-to/react';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { findPasswordReset, resetPassword, resetPasswordSchema } from '~/auth/account-recovery.server';
import { PasswordField } from '~/auth/password-field';
import { homePathFor } from '~/auth/session.server';
import { InvalidInput, NotFound } from '~/lib/errors';
import { parseSubmission } from '~/lib/form-submission';
import { readFormData } from '~/lib/http.server';

export const meta: MetaFunction = () => [{ title: 'Jobbro' }, { name: 'referrer', content: 'no-referrer' }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  try {
    const { email } = await findPasswordReset(context.services, params.token ?? '');
    return data({ email });
  } catch (error) {
    // A used or expired link is a page the person should see, with the way to ask again.
    if (error instanceof NotFound) return data({ email: null }, { status: 404 });
    throw error;
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const submission = parseSubmission(await readFormData(request), resetPasswordSchema);
  // The password is never sent back to the browser.
  const reply = (fieldErrors?: Record<string, string[]>) => submission.reply({ fieldErrors, hideFields: ['password'] });
  if (submission.status !== 'success') return data({ gone: false, result: reply() }, { status: 400 });
  try {
    const { cookie, role } = await resetPassword(context.services, { token: params.token ?? '', password: submission.value.password });
    return redirect(homePathFor(role), { headers: { 'Set-Cookie': cookie } });
  } catch (error) {
    if (error instanceof InvalidInput) return data({ gone: false, result: reply(error.fields) }, { status: 400 });
    if (error instanceof NotFound) return data({ gone: true, result: reply() }, { status: 404 });
    throw error;
  }
}

export default function ResetPassword() {
  const { t } = useTranslation('account');
  const { email } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof resetPasswordSchema>>({ id: 'reset', lastResult: answer?.result });
  if (email === null || answer?.gone) {
    return (
      <section aria-labelledby="reset-title" className="account-page">
        <h1 id="reset-title">{t('reset.title')}</h1>
        <p role="alert" className="alert">
          {t('reset.invalid')}
        </p>
        <p>
          <Link to="/forgot-password" className="button">
            {t('reset.askAgain')}
          </Link>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="reset-title" className="account-page">
      <h1 id="reset-title">{t('reset.title')}</h1>
      <p>{t('reset.intro', { email })}</p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <input type="text" name="username" autoComplete="username" defaultValue={email} hidden readOnly />
        <PasswordField meta={fields.password} label={t('reset.password')} autoComplete="new-password" hint={t('reset.hint')} />
        <div>
          <button type="submit" className="button">
            {t('reset.submit')}
          </button>
        </div>
      </Form>
    </section>
  );
}
