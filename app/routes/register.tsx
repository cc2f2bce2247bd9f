/**
 * Self-registration: the account waits ('pending') for the jobcentre of the
 * person's municipality to confirm it. The answer is "we have sent you a
 * mail" whether the e-mail already had an account or not (issue 21.9).
 */
import { getFormProps, getInputProps, useForm } from '@conform-to/react';
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { getOptionalUser, homePathFor } from '~/auth/session.server';
import candidateStyles from '~/candidates/candidate.css';
import { PersonFields } from '~/candidates/person-fields';
import { registerCandidate, registrationSchemaOn, type RegistrationInput } from '~/candidates/register.server';
import { ErrorSummary, FieldErrors, FieldHint, hintIdOf } from '~/candidates/ui';
import { resolveLocale } from '~/i18n/i18next.server';
import { InvalidInput } from '~/lib/errors';
import { parseSubmission } from '~/lib/form-submission';
import { readFormData } from '~/lib/http.server';
import { createAccountMailThrottle, TooManyAccountMails } from '~/auth/account-mail-throttle.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: candidateStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request, context);
  if (user) throw redirect(homePathFor(user.role));
  return { lng: await resolveLocale(request, context) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseSubmission(await readFormData(request), registrationSchemaOn(context.services.clock));
  // The password is never sent back to the browser.
  const reply = (options?: { fieldErrors: Record<string, string[]> }) => submission.reply({ ...options, hideFields: ['password'] });
  if (submission.status !== 'success') return data({ sent: null, result: reply() }, { status: 400 });
  const { services } = context;
  const deps = { ...services, throttle: createAccountMailThrottle(services) };
  try {
    const { email } = await registerCandidate(deps, submission.value, context.clientAddress);
    return data({ sent: email, result: undefined });
  } catch (error) {
    if (error instanceof InvalidInput) return data({ sent: null, result: reply({ fieldErrors: error.fields }) }, { status: 400 });
    if (error instanceof TooManyAccountMails) {
      return data(
        { sent: null, result: reply({ fieldErrors: { email: ['account:errors.tooMany'] } }) },
        { status: 429, headers: { 'Retry-After': String(error.retryAfterSeconds) } },
      );
    }
    throw error;
  }
}

export default function Register() {
  const { t } = useTranslation('candidate');
  const { lng } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [form, fields] = useForm<RegistrationInput>({ id: 'register', lastResult: answer?.result });
  if (answer?.sent) {
    return (
      <>
        <h1>{t('register.title')}</h1>
        <p role="status" className="notice">
          {t('account:register.sent', { email: answer.sent })}
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
      <ErrorSummary errors={form.allErrors} />
      <Form method="post" className="form" {...getFormProps(form)}>
        <PersonFields fields={fields} lng={lng} />
        <div className="field">
          <label htmlFor={fields.password.id}>{t('register.password')}</label>
          <FieldHint meta={fields.password}>{t('register.passwordHint')}</FieldHint>
          <input
            {...getInputProps(fields.password, { type: 'password', ariaDescribedBy: hintIdOf(fields.password) })}
            autoComplete="new-password"
            dir="ltr"
            required
            minLength={10}
          />
          <FieldErrors meta={fields.password} />
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
