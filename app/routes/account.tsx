/**
 * Every signed-in person's account (issue 21.13): change the password (the
 * other sessions end, this one stays) and log out everywhere (every
 * session ends, this one too).
 */
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { changePassword, changePasswordSchema, countSessions } from '~/auth/account-recovery.server';
import { logoutEverywhere } from '~/auth/login.server';
import { getSessionId, requireUser } from '~/auth/session.server';
import { InvalidInput } from '~/lib/errors';
import { readFormData } from '~/lib/http.server';

export const meta: MetaFunction = () => [{ title: 'Jobbro' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  return { email: user.email, sessions: await countSessions(context.services, user.id) };
}

type ActionResult = { changed: boolean; errors: Record<string, string[]> };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const form = await readFormData(request);
  const { services } = context;
  if (form.get('intent') === 'everywhere') {
    await logoutEverywhere(services, user.id);
    return redirect('/login', { headers: { 'Set-Cookie': services.auth.createBlankSessionCookie().serialize() } });
  }
  const submission = parseWithZod(form, { schema: changePasswordSchema });
  if (submission.status !== 'success') {
    const errors: Record<string, string[]> = {};
    for (const [field, messages] of Object.entries(submission.error ?? {})) if (messages) errors[field] = messages;
    return data<ActionResult>({ changed: false, errors }, { status: 400 });
  }
  const sessionId = await getSessionId(request, context);
  if (!sessionId) throw redirect('/login');
  try {
    await changePassword(services, user, sessionId, submission.value);
    return data<ActionResult>({ changed: true, errors: {} });
  } catch (error) {
    if (error instanceof InvalidInput) return data<ActionResult>({ changed: false, errors: error.fields }, { status: 400 });
    throw error;
  }
}

function PasswordField({ name, label, autoComplete, errors }: { name: string; label: string; autoComplete: string; errors: string[] | undefined }) {
  const { t } = useTranslation('account');
  const invalid = (errors?.length ?? 0) > 0;
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        name={name}
        type="password"
        autoComplete={autoComplete}
        dir="ltr"
        required
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? `${name}-error` : undefined}
      />
      {invalid ? (
        <p id={`${name}-error`} className="field__error">
          {errors?.map((key) => t(key)).join(' ')}
        </p>
      ) : null}
    </div>
  );
}

export default function Account() {
  const { t } = useTranslation('account');
  const { email, sessions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  return (
    <section aria-labelledby="account-title" className="account-page">
      <h1 id="account-title">{t('account.title')}</h1>
      <p>{t('account.signedInAs', { email })}</p>

      <h2>{t('account.passwordTitle')}</h2>
      {result?.changed ? (
        <p role="status" className="notice">
          {t('account.changed')}
        </p>
      ) : null}
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="intent" value="password" />
        <input type="text" name="username" autoComplete="username" defaultValue={email} hidden readOnly />
        <PasswordField name="currentPassword" label={t('account.current')} autoComplete="current-password" errors={errors.currentPassword} />
        <PasswordField name="newPassword" label={t('account.new')} autoComplete="new-password" errors={errors.newPassword} />
        <PasswordField name="repeatPassword" label={t('account.repeat')} autoComplete="new-password" errors={errors.repeatPassword} />
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
