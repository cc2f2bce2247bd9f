/** Typing the code from the paper invitation: goes on to /invite/<code>. */
import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { normaliseCode } from '~/candidates/invite.server';
import { getFormProps, getInputProps, useForm } from '@conform-to/react';
import { z } from 'zod';
import { parseSubmission } from '~/lib/form-submission';
import { readFormData } from '~/lib/http.server';

/** Any text: a code that does not exist is the invitation page's to say (the same page as an expired link). */
const codeSchema = z.object({ code: z.string().optional() });

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseSubmission(await readFormData(request), codeSchema);
  const typed = submission.status === 'success' ? (submission.value.code ?? '') : '';
  const code = normaliseCode(typed).slice(0, 64);
  return redirect(`/invite/${encodeURIComponent(code || '-')}`);
}

export default function InviteCode() {
  const { t } = useTranslation('candidate');
  const [form, fields] = useForm({ id: 'invite' });
  return (
    <>
      <h1>{t('invite.codeTitle')}</h1>
      <p>{t('invite.codeIntro')}</p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <div className="field">
          <label htmlFor={fields.code.id}>{t('invite.code')}</label>
          <input {...getInputProps(fields.code, { type: 'text' })} autoComplete="one-time-code" autoCapitalize="characters" dir="ltr" required />
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
