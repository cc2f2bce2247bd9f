/** Password login. Works without JavaScript; errors are message keys, shown in the reader's language. */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type HeadersFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { login, loginFormSchema, loginSchema } from '~/auth/login.server';
import { getOptionalUser, homePathFor } from '~/auth/session.server';
import { safeRedirectPath } from '~/lib/safe-redirect';
import { InvalidInput } from '~/lib/errors';
import { TooManyAttempts } from '~/auth/login-throttle.server';
import { parseForm } from '~/lib/http.server';

export const meta: MetaFunction = () => [{ title: 'Jobbro – Log ind' }];

type FieldErrors = { email?: 'emailInvalid'; password?: 'passwordRequired' };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request, context);
  if (user) {
    const redirectTo = new URL(request.url).searchParams.get('redirectTo');
    throw redirect(safeRedirectPath(redirectTo, homePathFor(user.role), new URL(request.url).origin));
  }
  return null;
}

/** A throttled login answers 429 with Retry-After on the page itself, not only on data requests. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get('Retry-After');
  if (retryAfter) headers.set('Retry-After', retryAfter);
  return headers;
};

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await parseForm(request, loginFormSchema);
  const checked = loginSchema.safeParse(form);
  if (!checked.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of checked.error.issues) {
      if (issue.path[0] === 'email') fieldErrors.email = 'emailInvalid';
      if (issue.path[0] === 'password') fieldErrors.password = 'passwordRequired';
    }
    return data({ fieldErrors, formError: null, minutes: 0, email: form.email }, { status: 400 });
  }
  const { db, auth, loginThrottle } = context.services;
  try {
    const { user, cookie } = await login({ db, auth, throttle: loginThrottle }, checked.data, context.clientAddress ?? 'unknown');
    return redirect(safeRedirectPath(form.redirectTo, homePathFor(user.role), new URL(request.url).origin), { headers: { 'Set-Cookie': cookie } });
  } catch (error) {
    if (error instanceof TooManyAttempts) {
      const minutes = Math.ceil(error.retryAfterSeconds / 60);
      return data(
        { fieldErrors: {}, formError: 'tooManyAttempts' as const, minutes, email: form.email },
        { status: 429, headers: { 'Retry-After': String(error.retryAfterSeconds) } },
      );
    }
    if (error instanceof InvalidInput) {
      return data({ fieldErrors: {}, formError: 'wrongCredentials' as const, minutes: 0, email: form.email }, { status: 400 });
    }
    throw error;
  }
}

export default function Login() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const fieldErrors: FieldErrors = result?.fieldErrors ?? {};
  return (
    <section aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <p>{t('login.intro')}</p>
      {result?.formError ? (
        <p role="alert" className="alert" id="login-error">
          {t(`login.${result.formError}`, { count: result.minutes })}
        </p>
      ) : null}
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <div className="field">
          <label htmlFor="email">{t('login.email')}</label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            dir="ltr"
            required
            defaultValue={result?.email ?? ''}
            aria-invalid={fieldErrors.email ? true : undefined}
            aria-describedby={fieldErrors.email ? 'email-error' : undefined}
          />
          {fieldErrors.email ? (
            <p id="email-error" className="field__error">
              {t(`login.${fieldErrors.email}`)}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="password">{t('login.password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            dir="ltr"
            required
            aria-invalid={fieldErrors.password ? true : undefined}
            aria-describedby={fieldErrors.password ? 'password-error' : undefined}
          />
          {fieldErrors.password ? (
            <p id="password-error" className="field__error">
              {t(`login.${fieldErrors.password}`)}
            </p>
          ) : null}
        </div>
        <div>
          <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
            {t('login.submit')}
          </button>
        </div>
      </Form>
      <p>
        <Link to="/forgot-password">{t('account:forgot.title')}</Link>
      </p>
      <p className="hint">{t('login.demoHint')}</p>
    </section>
  );
}
