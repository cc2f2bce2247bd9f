/**
 * Self-registration: the account waits ('pending') for the jobcentre of the
 * person's municipality to confirm it. The answer is "we have sent you a
 * mail" whether the e-mail already had an account or not (issue 21.9).
 */
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { getOptionalUser, homePathFor } from '~/auth/session.server';
import candidateStyles from '~/candidates/candidate.css';
import { PersonFields, personInputOf } from '~/candidates/person-fields';
import { registerCandidate } from '~/candidates/register.server';
import { readForm, textOf } from '~/candidates/step-action.server';
import { ErrorSummary, FieldError, Hint, fieldProps } from '~/candidates/ui';
import { resolveLocale } from '~/i18n/i18next.server';
import { InvalidInput } from '~/lib/errors';
import { createAccountMailThrottle, TooManyAccountMails } from '~/auth/account-mail-throttle.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: candidateStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request, context);
  if (user) throw redirect(homePathFor(user.role));
  return { lng: await resolveLocale(request, context) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const { password: _password, ...values } = form;
  const { services } = context;
  const deps = { ...services, throttle: createAccountMailThrottle(services) };
  try {
    const { email } = await registerCandidate(deps, { ...personInputOf(form), password: textOf(form, 'password') }, context.clientAddress);
    return data({ sent: email, errors: undefined, values: undefined });
  } catch (error) {
    if (error instanceof InvalidInput) return data({ sent: null, errors: error.fields, values }, { status: 400 });
    if (error instanceof TooManyAccountMails) {
      return data(
        { sent: null, errors: { email: ['account:errors.tooMany'] }, values },
        { status: 429, headers: { 'Retry-After': String(error.retryAfterSeconds) } },
      );
    }
    throw error;
  }
}

export default function Register() {
  const { t } = useTranslation('candidate');
  const { lng } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  if (result?.sent) {
    return (
      <>
        <h1>{t('register.title')}</h1>
        <p role="status" className="notice">
          {t('account:register.sent', { email: result.sent })}
        </p>
        <p>
          <Link to="/login" className="button">
            {t('account:forgot.back')}
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t('register.title')}</h1>
      <p>{t('register.intro')}</p>
      <ErrorSummary errors={errors} />
      <Form method="post" className="form">
        <PersonFields errors={errors} values={result?.values} lng={lng} />
        <div className="field">
          <label htmlFor="field-password">{t('register.password')}</label>
          <Hint name="password">{t('register.passwordHint')}</Hint>
          <input {...fieldProps('password', errors, true)} type="password" autoComplete="new-password" dir="ltr" required minLength={10} />
          <FieldError name="password" errors={errors} />
        </div>
        <div>
          <button type="submit" className="button">
            {t('register.submit')}
          </button>
        </div>
      </Form>
      <p>
        <Link to="/login" className="button button--quiet">
          {t('register.haveAccount')}
        </Link>
      </p>
    </>
  );
}
