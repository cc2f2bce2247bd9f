/**
 * The page a reset link opens: choose a new password (once, within the
 * hour). Saving it ends every session of the account and logs this browser in.
 */
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { findPasswordReset, resetPassword, resetPasswordSchema } from '~/auth/account-recovery.server';
import { homePathFor } from '~/auth/session.server';
import { InvalidInput, NotFound } from '~/lib/errors';
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
  const submission = parseWithZod(await readFormData(request), { schema: resetPasswordSchema });
  if (submission.status !== 'success')
    return data({ errors: { password: submission.error?.password ?? ['errors.passwordShort'] }, gone: false }, { status: 400 });
  try {
    const { cookie, role } = await resetPassword(context.services, { token: params.token ?? '', password: submission.value.password });
    return redirect(homePathFor(role), { headers: { 'Set-Cookie': cookie } });
  } catch (error) {
    if (error instanceof InvalidInput) return data({ errors: error.fields, gone: false }, { status: 400 });
    if (error instanceof NotFound) return data({ errors: {}, gone: true }, { status: 404 });
    throw error;
  }
}

export default function ResetPassword() {
  const { t } = useTranslation('account');
  const { email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string[] | undefined> = result?.errors ?? {};
  const passwordErrors = errors.password ?? [];
  if (email === null || result?.gone) {
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
      <Form method="post" className="form" noValidate>
        <input type="text" name="username" autoComplete="username" defaultValue={email} hidden readOnly />
        <div className="field">
          <label htmlFor="password">{t('reset.password')}</label>
          <p id="password-hint" className="hint">
            {t('reset.hint')}
          </p>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="new-password"
            dir="ltr"
            required
            minLength={10}
            aria-invalid={passwordErrors.length > 0 ? true : undefined}
            aria-describedby={passwordErrors.length > 0 ? 'password-hint password-error' : 'password-hint'}
          />
          {passwordErrors.length > 0 ? (
            <p id="password-error" className="field__error">
              {passwordErrors.map((key) => t(key)).join(' ')}
            </p>
          ) : null}
        </div>
        <div>
          <button type="submit" className="button">
            {t('reset.submit')}
          </button>
        </div>
      </Form>
    </section>
  );
}
