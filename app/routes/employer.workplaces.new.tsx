/** Adds a workplace (P-number) to the employer's company. Works without JavaScript. */
import { getFormProps, useForm } from '@conform-to/react';
import { parseSubmission } from '~/lib/form-submission';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { requireUser } from '~/auth/session.server';
import { FormErrors } from '~/employers/form-ui';
import { addWorkplace, employerActorOf } from '~/employers/organisations.server';
import { workplaceSchema } from '~/employers/schemas';
import { InvalidInput } from '~/lib/errors';
import { readFormData } from '~/lib/http.server';
import { WorkplaceFields } from './signup.employer';

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, ['employer']);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = employerActorOf(await requireUser(request, context, ['employer']));
  const submission = parseSubmission(await readFormData(request), workplaceSchema);
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 });
  try {
    await addWorkplace(context.services, actor, submission.value);
    return redirect('/employer');
  } catch (error) {
    if (error instanceof InvalidInput) return data(submission.reply({ fieldErrors: error.fields }), { status: 400 });
    throw error;
  }
}

export default function NewWorkplace() {
  const { t } = useTranslation('employer');
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof workplaceSchema>>({ lastResult, shouldRevalidate: 'onBlur' });
  return (
    <section aria-labelledby="workplace-title">
      <p>
        <Link to="/employer">{t('slot.back')}</Link>
      </p>
      <h1 id="workplace-title">{t('workplace.title')}</h1>
      {lastResult?.status === 'error' ? <FormErrors errors={[t('errors.formInvalid')]} /> : null}
      <Form method="post" className="form" {...getFormProps(form)}>
        <WorkplaceFields fields={fields} />
        <div>
          <button type="submit" className="button">
            {t('workplace.submit')}
          </button>
        </div>
      </Form>
    </section>
  );
}
