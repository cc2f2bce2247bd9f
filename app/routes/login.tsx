/** Password login. Works without JavaScript; errors are message keys, shown in the reader's language. */
import { getFormProps, getInputProps, useForm, type FieldMetadata } from '@conform-to/react';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type HeadersFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { login, loginFormSchema, type LoginForm } from '~/auth/login.server';
import { getOptionalUser, homePathFor } from '~/auth/session.server';
import { safeRedirectPath } from '~/lib/safe-redirect';
import { InvalidInput } from '~/lib/errors';
import { TooManyAttempts } from '~/auth/login-throttle.server';
import { parseSubmission } from '~/lib/form-submission';
import { readFormData } from '~/lib/http.server';

export const meta: MetaFunction = () => [{ title: 'Jobbro – Log ind' }];

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
  const submission = parseSubmission(await readFormData(request), loginFormSchema);
  // The password is never sent back to the browser; the e-mail stays in its field.
  const reply = (formErrors?: LoginFormError[]) => submission.reply({ formErrors, hideFields: ['password'] });
  if (submission.status !== 'success') return data({ result: reply(), minutes: 0 }, { status: 400 });
  const { db, auth, loginThrottle } = context.services;
  const { email, password, redirectTo } = submission.value;
  try {
    const { user, cookie } = await login({ db, auth, throttle: loginThrottle }, { email, password }, context.clientAddress ?? 'unknown');
    return redirect(safeRedirectPath(redirectTo, homePathFor(user.role), new URL(request.url).origin), { headers: { 'Set-Cookie': cookie } });
  } catch (error) {
    if (error instanceof TooManyAttempts) {
      return data(
        { result: reply(['tooManyAttempts']), minutes: Math.ceil(error.retryAfterSeconds / 60) },
        { status: 429, headers: { 'Retry-After': String(error.retryAfterSeconds) } },
      );
    }
    if (error instanceof InvalidInput) return data({ result: reply(['wrongCredentials']), minutes: 0 }, { status: 400 });
    throw error;
  }
}

type LoginFormError = 'tooManyAttempts' | 'wrongCredentials';

export default function Login() {
  const { t } = useTranslation();
  const answer = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm<LoginForm>({
    id: 'login',
    lastResult: answer?.result,
    defaultValue: { redirectTo: searchParams.get('redirectTo') ?? '' },
  });
  const formError = form.errors?.[0];
  return (
    <section aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <p>{t('login.intro')}</p>
      {formError ? (
        <p role="alert" className="alert" id="login-error">
          {t(`login.${formError}`, { count: answer?.minutes ?? 0 })}
        </p>
      ) : null}
      <Form method="post" className="form" {...getFormProps(form)}>
        <input {...getInputProps(fields.redirectTo, { type: 'hidden' })} />
        <div className="field">
          <label htmlFor={fields.email.id}>{t('login.email')}</label>
          <input {...getInputProps(fields.email, { type: 'email' })} autoComplete="username" inputMode="email" dir="ltr" required />
          <LoginFieldError meta={fields.email} />
        </div>
        <div className="field">
          <label htmlFor={fields.password.id}>{t('login.password')}</label>
          <input {...getInputProps(fields.password, { type: 'password' })} autoComplete="current-password" dir="ltr" required />
          <LoginFieldError meta={fields.password} />
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

/** A field's message (a `login.*` key), with the id its input's aria-describedby names. */
function LoginFieldError({ meta }: { meta: FieldMetadata<unknown> }) {
  const { t } = useTranslation();
  const key = meta.errors?.[0];
  if (!key) return null;
  return (
    <p id={meta.errorId} className="field__error">
      {t(`login.${key}`)}
    </p>
  );
}
