/** Accept an invitation (link token or paper code): choose a password, then straight to the profile. */
import { getFormProps, getInputProps, useForm } from '@conform-to/react';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { acceptInvitation, findOpenInvitation, passwordSchema } from '~/candidates/invite.server';
import { FieldErrors, FieldHint, hintIdOf } from '~/candidates/ui';
import { InvalidInput, NotFound } from '~/lib/errors';
import { parseSubmission } from '~/lib/form-submission';
import { readFormData } from '~/lib/http.server';

export async function loader({ context, params }: LoaderFunctionArgs) {
  try {
    return { invitation: await findOpenInvitation(context.services, params.token ?? '') };
  } catch (error) {
    if (error instanceof NotFound) return data({ invitation: null }, { status: 404 });
    throw error;
  }
}

/** The password the person chooses; its policy (common, personal) is checked by `acceptInvitation`. */
const acceptSchema = z.object({ password: passwordSchema });

export async function action({ request, context, params }: ActionFunctionArgs) {
  const submission = parseSubmission(await readFormData(request), acceptSchema);
  // The password is never sent back to the browser.
  if (submission.status !== 'success') return data(submission.reply({ hideFields: ['password'] }), { status: 400 });
  try {
    const { cookie } = await acceptInvitation(context.services, { tokenOrCode: params.token ?? '', password: submission.value.password });
    return redirect('/candidate', { headers: { 'Set-Cookie': cookie } });
  } catch (error) {
    if (error instanceof InvalidInput) return data(submission.reply({ fieldErrors: error.fields, hideFields: ['password'] }), { status: 400 });
    if (error instanceof NotFound)
      return data(submission.reply({ formErrors: ['errors.invitationInvalid'], hideFields: ['password'] }), { status: 404 });
    throw error;
  }
}

export default function Invite() {
  const { t } = useTranslation('candidate');
  const { invitation } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ id: 'invite', lastResult });
  if (!invitation || form.errors) {
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
      <Form method="post" className="form" {...getFormProps(form)}>
        <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
        <div className="field">
          <label htmlFor={fields.password.id}>{t('invite.password')}</label>
          <FieldHint meta={fields.password}>{t('invite.passwordHint')}</FieldHint>
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
            {t('invite.submit')}
          </button>
        </div>
      </Form>
    </>
  );
}
