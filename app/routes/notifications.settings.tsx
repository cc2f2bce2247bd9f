/** Per kind of notification: mail right away, in the daily digest, or not at all. */
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import { formDataToObject, readFormData } from '~/lib/http.server';
import { InvalidInput } from '~/lib/errors';
import { mailSettings, saveMailSettings } from '~/notifications/inbox.server';
import { mailModes } from '~/notifications/kinds';
import notificationStyles from '~/notifications/notifications.css';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: notificationStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['employer', 'candidate', 'consultant']);
  return { choices: await mailSettings(context.services, user) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['employer', 'candidate', 'consultant']);
  try {
    await saveMailSettings(context.services, user, formDataToObject(await readFormData(request)));
  } catch (error) {
    if (error instanceof InvalidInput) return data({ fields: Object.keys(error.fields) }, { status: 400 });
    throw error;
  }
  return redirect('/notifications/settings?saved=1');
}

export default function NotificationSettings() {
  const { t } = useTranslation('notifications');
  const { choices } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <>
      <h1>{t('settings.title')}</h1>
      <p>{t('settings.intro')}</p>
      {params.get('saved') === '1' ? (
        <p role="status" className="notice">
          ✓ {t('settings.saved')}
        </p>
      ) : null}
      {result?.fields.length ? (
        <div role="alert" className="alert">
          {result.fields.map((field) => (
            <p key={field}>{t('settings.invalid', { kind: t(`kinds.${field}.label`, { defaultValue: field }) })}</p>
          ))}
        </div>
      ) : null}
      <Form method="post" className="form">
        <table className="mail-settings">
          <thead>
            <tr>
              <th scope="col">{t('settings.kind')}</th>
              <th scope="col">{t('settings.mail')}</th>
            </tr>
          </thead>
          <tbody>
            {choices.map((choice) => (
              <tr key={choice.kind}>
                <th scope="row" id={`kind-${choice.kind}`}>
                  {t(`kinds.${choice.kind}.label`)}
                </th>
                <td>
                  <fieldset aria-labelledby={`kind-${choice.kind}`}>
                    {mailModes.map((mode) => (
                      <label key={mode}>
                        <input type="radio" name={choice.kind} value={mode} defaultChecked={choice.mode === mode} />
                        {t(`settings.modes.${mode}`)}
                      </label>
                    ))}
                  </fieldset>
                </td>
              </tr>
            ))}
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
