/** Accept an invitation (link token or paper code): choose a password, then straight to the profile. */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { acceptInvitation, findOpenInvitation } from '~/candidates/invite.server';
import { readForm, textOf } from '~/candidates/step-action.server';
import { FieldError, Hint, fieldProps } from '~/candidates/ui';
import { InvalidInput, NotFound } from '~/lib/errors';

export async function loader({ context, params }: LoaderFunctionArgs) {
  try {
    return { invitation: await findOpenInvitation(context.services, params.token ?? '') };
  } catch (error) {
    if (error instanceof NotFound) return data({ invitation: null }, { status: 404 });
    throw error;
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  try {
    const { cookie } = await acceptInvitation(context.services, { tokenOrCode: params.token ?? '', password: textOf(form, 'password') });
    return redirect('/candidate', { headers: { 'Set-Cookie': cookie } });
  } catch (error) {
    if (error instanceof InvalidInput) return data({ errors: error.fields }, { status: 400 });
    if (error instanceof NotFound) return data({ errors: { _: ['errors.invitationInvalid'] } }, { status: 404 });
    throw error;
  }
}

export default function Invite() {
  const { t } = useTranslation('candidate');
  const { invitation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  if (!invitation || errors?._) {
    return (
      <>
        <h1>{t('invite.title')}</h1>
        <p role="alert" className="alert">
          {t('errors.invitationInvalid')}
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t('invite.title')}</h1>
      <p>{t('invite.hello', { name: invitation.name, email: invitation.email })}</p>
      <Form method="post" className="form">
        <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
        <div className="field">
          <label htmlFor="field-password">{t('invite.password')}</label>
          <Hint name="password">{t('invite.passwordHint')}</Hint>
          <input {...fieldProps('password', errors, true)} type="password" autoComplete="new-password" dir="ltr" required minLength={10} />
          <FieldError name="password" errors={errors} />
        </div>
        <div>
          <button type="submit" className="button">
            {t('invite.submit')}
          </button>
        </div>
      </Form>
    </>
  );
}
