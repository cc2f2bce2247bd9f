/**
 * Every signed-in person's account (issue 21.13): change the password (the
 * other sessions end, this one stays) and log out everywhere (every
 * session ends, this one too).
 */
import { getFormProps, useForm } from '@conform-to/react';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { changePassword, changePasswordSchema, countSessions, type ChangePasswordForm } from '~/auth/account-recovery.server';
import { logoutEverywhere } from '~/auth/login.server';
import { PasswordField } from '~/auth/password-field';
import { getSessionId, requireUser } from '~/auth/session.server';
import { InvalidInput } from '~/lib/errors';
import { parseSubmission } from '~/lib/form-submission';
import { readFormData } from '~/lib/http.server';

export const meta: MetaFunction = () => [{ title: 'Jobbro' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  return { email: user.email, sessions: await countSessions(context.services, user.id) };
}

/** Which of the page's two forms was sent; a post without one is the password form, as before there were two. */
const intentSchema = z.object({ intent: z.enum(['password', 'everywhere']).default('password') });
const passwordFields = ['currentPassword', 'newPassword', 'repeatPassword'];

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const form = await readFormData(request);
  const { services } = context;
  const intent = parseSubmission(form, intentSchema);
  if (intent.status !== 'success') return data({ changed: false, result: intent.reply() }, { status: 400 });
  if (intent.value.intent === 'everywhere') {
    await logoutEverywhere(services, user.id);
    return redirect('/login', { headers: { 'Set-Cookie': services.auth.createBlankSessionCookie().serialize() } });
  }
  const submission = parseSubmission(form, changePasswordSchema);
  // No password, right or wrong, is sent back to the browser.
  if (submission.status !== 'success') return data({ changed: false, result: submission.reply({ hideFields: passwordFields }) }, { status: 400 });
  const sessionId = await getSessionId(request, context);
  if (!sessionId) throw redirect('/login');
  try {
    await changePassword(services, user, sessionId, submission.value);
    return data({ changed: true, result: submission.reply({ resetForm: true }) });
  } catch (error) {
    if (error instanceof InvalidInput) {
      return data({ changed: false, result: submission.reply({ fieldErrors: error.fields, hideFields: passwordFields }) }, { status: 400 });
    }
    throw error;
  }
}

export default function Account() {
  const { t } = useTranslation('account');
  const { email, sessions } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [form, fields] = useForm<ChangePasswordForm>({ id: 'password', lastResult: answer?.result });
  return (
    <section aria-labelledby="account-title" className="account-page">
      <h1 id="account-title">{t('account.title')}</h1>
      <p>{t('account.signedInAs', { email })}</p>

      <h2>{t('account.passwordTitle')}</h2>
      {answer?.changed ? (
        <p role="status" className="notice">
          {t('account.changed')}
        </p>
      ) : null}
      <Form method="post" className="form" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="password" />
        <input type="text" name="username" autoComplete="username" defaultValue={email} hidden readOnly />
        <PasswordField meta={fields.currentPassword} label={t('account.current')} autoComplete="current-password" />
        <PasswordField meta={fields.newPassword} label={t('account.new')} autoComplete="new-password" />
        <PasswordField meta={fields.repeatPassword} label={t('account.repeat')} autoComplete="new-password" />
        <div>
          <button type="submit" className="button">
            {t('account.submit')}
          </button>
        </div>
      </Form>

      <h2>{t('account.sessionsTitle')}</h2>
      <p>{t('account.sessionsIntro', { count: sessions })}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="everywhere" />
        <button type="submit" className="button button--quiet">
          {t('account.logoutEverywhere')}
        </button>
      </Form>
    </section>
  );
}
