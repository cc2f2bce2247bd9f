/** Per kind of notification: mail right away, in the daily digest, or not at all. */
import { getFormProps, getInputProps, useForm } from '@conform-to/react';
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import { parseSubmission } from '~/lib/form-submission';
import { readFormData } from '~/lib/http.server';
import { InvalidInput } from '~/lib/errors';
import { mailSettings, mailSettingsFormSchema, saveMailSettings } from '~/notifications/inbox.server';
import { mailModes } from '~/notifications/kinds';
import notificationStyles from '~/notifications/notifications.css';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: notificationStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['employer', 'candidate', 'consultant']);
  return { choices: await mailSettings(context.services, user) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['employer', 'candidate', 'consultant']);
  const submission = parseSubmission(await readFormData(request), mailSettingsFormSchema(user.role));
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 });
  try {
    await saveMailSettings(context.services, user, submission.value);
  } catch (error) {
    if (error instanceof InvalidInput) return data(submission.reply({ fieldErrors: error.fields }), { status: 400 });
    throw error;
  }
  return redirect('/notifications/settings?saved=1');
}

export default function NotificationSettings() {
  const { t } = useTranslation('notifications');
  const { choices } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<Record<string, string>>({
    id: 'mail-settings',
    lastResult,
    defaultValue: Object.fromEntries(choices.map((choice) => [choice.kind, choice.mode])),
  });
  const [params] = useSearchParams();
  const kindLabel = (kind: string) => t(`kinds.${kind}.label`, { defaultValue: kind });
  const refused = Object.entries(form.allErrors).filter(([, messages]) => messages.length > 0);
  return (
    <>
      <h1>{t('settings.title')}</h1>
      <p>{t('settings.intro')}</p>
      {params.get('saved') === '1' ? (
        <p role="status" className="notice">
          ✓ {t('settings.saved')}
        </p>
      ) : null}
      {refused.length > 0 ? (
        <div role="alert" className="alert">
          {refused.map(([kind]) => (
            <p key={kind}>{t('settings.invalid', { kind: kindLabel(kind) })}</p>
          ))}
        </div>
      ) : null}
      <Form method="post" className="form" {...getFormProps(form)}>
        <table className="mail-settings">
          <thead>
            <tr>
              <th scope="col">{t('settings.kind')}</th>
              <th scope="col">{t('settings.mail')}</th>
            </tr>
          </thead>
          <tbody>
            {choices.map(({ kind }) => {
              const field = fields[kind];
              return (
                <tr key={kind}>
                  <th scope="row" id={`kind-${kind}`}>
                    {kindLabel(kind)}
                  </th>
                  <td>
                    <fieldset aria-labelledby={`kind-${kind}`}>
                      {mailModes.map((mode) => (
                        <label key={mode}>
                          <input {...getInputProps(field, { type: 'radio', value: mode })} id={`${field.id}-${mode}`} />
                          {t(`settings.modes.${mode}`)}
                        </label>
                      ))}
                      {field.errors ? (
                        <p id={field.errorId} className="field__error">
                          {t('settings.invalid', { kind: kindLabel(kind) })}
                        </p>
                      ) : null}
                    </fieldset>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div>
          <button type="submit" className="button">
            {t('settings.save')}
          </button>
        </div>
      </Form>
      <p>
        <Link to="/notifications">{t('settings.back')}</Link>
      </p>
    </>
  );
}
