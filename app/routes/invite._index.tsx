/** Typing the code from the paper invitation: goes on to /invite/<code>. */
import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { normaliseCode } from '~/candidates/invite.server';
import { readForm, textOf } from '~/candidates/step-action.server';

export async function action({ request }: ActionFunctionArgs) {
  const code = normaliseCode(textOf(await readForm(request), 'code')).slice(0, 64);
  return redirect(`/invite/${encodeURIComponent(code || '-')}`);
}

export default function InviteCode() {
  const { t } = useTranslation('candidate');
  return (
    <>
      <h1>{t('invite.codeTitle')}</h1>
      <p>{t('invite.codeIntro')}</p>
      <Form method="post" className="form">
        <div className="field">
          <label htmlFor="invite-code">{t('invite.code')}</label>
          <input id="invite-code" name="code" autoComplete="one-time-code" autoCapitalize="characters" dir="ltr" required />
        </div>
        <div>
          <button type="submit" className="button">
            {t('invite.codeSubmit')}
          </button>
        </div>
      </Form>
    </>
  );
}
