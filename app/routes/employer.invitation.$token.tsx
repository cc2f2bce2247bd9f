/** A colleague accepts an invitation: chooses a name and a password, and is logged in. Works without JavaScript. */
import { getFormProps, getInputProps, useForm } from '@conform-to/react';
import { parseSubmission } from '~/lib/form-submission';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Field } from '~/employers/form-ui';
import { acceptInvitation, findInvitation } from '~/employers/organisations.server';
import { acceptInvitationSchema } from '~/employers/schemas';
import { resolveLocale } from '~/i18n/i18next.server';
import { InvalidInput, NotFound } from '~/lib/errors';
import { readFormData } from '~/lib/http.server';

export async function loader({ params, context }: LoaderFunctionArgs) {
  try {
    const invitation = await findInvitation(context.services, params.token ?? '');
    return { valid: true as const, organisation: invitation.organisationName, email: invitation.email };
  } catch (error) {
    if (error instanceof NotFound) return data({ valid: false as const, organisation: '', email: '' }, { status: 404 });
    throw error;
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const submission = parseSubmission(await readFormData(request), acceptInvitationSchema);
  if (submission.status !== 'success') return data(submission.reply({ hideFields: ['password', 'passwordRepeat'] }), { status: 400 });
  try {
    const locale = await resolveLocale(request, context);
    const { cookie } = await acceptInvitation(context.services, params.token ?? '', submission.value, locale);
    return redirect('/employer', { headers: { 'Set-Cookie': cookie } });
  } catch (error) {
    if (error instanceof NotFound) return data(submission.reply({ formErrors: ['invitationInvalid'] }), { status: 404 });
    // A common password or the person's own e-mail or name: shown on the password field, the name kept.
    if (error instanceof InvalidInput) {
      return data(submission.reply({ fieldErrors: error.fields, hideFields: ['password', 'passwordRepeat'] }), { status: 400 });
    }
    throw error;
  }
}

export default function AcceptInvitation() {
  const { t } = useTranslation('employer');
  const invitation = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof acceptInvitationSchema>>({ lastResult });
  if (!invitation.valid) {
    return (
      <p role="alert" className="alert">
        {t('errors.invitationInvalid')}
      </p>
    );
  }
  return (
    <section aria-labelledby="invitation-title">
      <h1 id="invitation-title">{t('invitation.title', { organisation: invitation.organisation })}</h1>
      <p>{t('invitation.intro', { email: invitation.email })}</p>
      {form.errors ? (
        <p role="alert" className="alert">
          {t('errors.invitationInvalid')}
        </p>
      ) : null}
      <Form method="post" className="form" {...getFormProps(form)}>
        <Field meta={fields.displayName} label={t('fields.displayName')}>
          {(p) => <input {...getInputProps(fields.displayName, { type: 'text', ariaAttributes: false })} {...p} autoComplete="name" />}
        </Field>
        <Field meta={fields.password} label={t('fields.password')} hint={t('fields.passwordHint')}>
          {(p) => (
            <input {...getInputProps(fields.password, { type: 'password', ariaAttributes: false })} {...p} dir="ltr" autoComplete="new-password" />
          )}
        </Field>
        <Field meta={fields.passwordRepeat} label={t('fields.passwordRepeat')}>
          {(p) => (
            <input
              {...getInputProps(fields.passwordRepeat, { type: 'password', ariaAttributes: false })}
              {...p}
              dir="ltr"
              autoComplete="new-password"
            />
          )}
        </Field>
        <div>
          <button type="submit" className="button">
            {t('invitation.submit')}
          </button>
        </div>
      </Form>
    </section>
  );
}
