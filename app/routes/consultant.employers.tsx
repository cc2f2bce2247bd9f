/** Employers with a workplace in the consultant's municipality: verify (CVR looked at, contact confirmed) or suspend. */
import { getFormProps, getInputProps, useForm } from '@conform-to/react';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { requireUser } from '~/auth/session.server';
import { formProblem } from '~/consultants/form-errors.server';
import { FieldError } from '~/consultants/form-ui';
import { verificationFormSchema } from '~/consultants/schemas';
import { employersToVerify, setEmployerVerification } from '~/consultants/verification.server';
import { parseSubmission } from '~/lib/form-submission';
import { readFormData, refuseTamperedForm } from '~/lib/http.server';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  return { employers: await employersToVerify(context.services, user) };
}

/** The fields a person sets; the rest (intent, organisation) no one types. */
const VISIBLE_FIELDS = new Set(['cvrChecked', 'contactConfirmed', 'note']);

/** Each employer has a verify and a suspend form: `<intent>-<organisation id>` says which one was sent. */
const formIdOf = (intent: unknown, organisationId: unknown) => `${String(intent)}-${String(organisationId)}`;

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  const submission = parseSubmission(await readFormData(request), verificationFormSchema);
  if (submission.status !== 'success') {
    refuseTamperedForm(submission.error, VISIBLE_FIELDS);
    const formId = formIdOf(submission.payload.intent, submission.payload.organisationId);
    return data({ ok: false as const, formId, result: submission.reply() }, { status: 400 });
  }
  const form = submission.value;
  try {
    await setEmployerVerification(
      context.services,
      user,
      form.intent === 'verify'
        ? { action: 'verify', organisationId: form.organisationId, cvrChecked: true, contactConfirmed: true, note: form.note ?? null }
        : { action: 'suspend', organisationId: form.organisationId, note: form.note },
    );
  } catch (error) {
    return formProblem(error);
  }
  return { ok: true as const, intent: form.intent };
}

type VerifyInput = Extract<z.input<typeof verificationFormSchema>, { intent: 'verify' }>;
type SuspendInput = Extract<z.input<typeof verificationFormSchema>, { intent: 'suspend' }>;

export default function ConsultantEmployers() {
  const { t } = useTranslation('consultant');
  const { employers } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const problem = result && 'problem' in result ? result.problem : null;
  return (
    <>
      <h1>{t('employers.title')}</h1>
      <p>{t('employers.lead')}</p>
      {result?.ok ? <p role="status">{t(result.intent === 'verify' ? 'employers.verified' : 'employers.suspended')}</p> : null}
      {problem ? <p role="status">{problem.message}</p> : null}
      {employers.length === 0 ? <p>{t('employers.none')}</p> : null}
      {employers.map((employer) => (
        <section key={employer.id} className="card" aria-labelledby={`employer-${employer.id}`}>
          <h2 id={`employer-${employer.id}`}>{employer.name}</h2>
          <p>
            {t('employers.cvr')}: <a href={`https://datacvr.virk.dk/enhed/virksomhed/${employer.cvr}`}>{employer.cvr}</a> ·{' '}
            {t(`employers.status.${employer.status}`)}
          </p>
          <p>
            {t('employers.contact')}: {employer.contact_name}, {employer.contact_email}
            {employer.contact_phone ? `, ${employer.contact_phone}` : ''}
          </p>
          {employer.status !== 'verified' ? <VerifyForm organisationId={employer.id} /> : null}
          {employer.status !== 'suspended' ? <SuspendForm organisationId={employer.id} /> : null}
        </section>
      ))}
    </>
  );
}

/** The action's answer for the form `id`, when it was that form that was sent. */
function useLastResult(id: string) {
  const answer = useActionData<typeof action>();
  return answer && 'formId' in answer && answer.formId === id ? answer.result : undefined;
}

function VerifyForm({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation('consultant');
  const id = formIdOf('verify', organisationId);
  const [form, fields] = useForm<VerifyInput>({ id, lastResult: useLastResult(id) });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <input type="hidden" name="organisationId" value={organisationId} />
      <div>
        <label>
          <input {...getInputProps(fields.cvrChecked, { type: 'checkbox' })} required /> {t('employers.cvrChecked')}
        </label>
        <FieldError id={fields.cvrChecked.errorId} errors={fields.cvrChecked.errors} />
      </div>
      <div>
        <label>
          <input {...getInputProps(fields.contactConfirmed, { type: 'checkbox' })} required /> {t('employers.contactConfirmed')}
        </label>
        <FieldError id={fields.contactConfirmed.errorId} errors={fields.contactConfirmed.errors} />
      </div>
      <div>
        <button type="submit" name="intent" value="verify" className="button">
          {t('employers.verify')}
        </button>
      </div>
    </Form>
  );
}

function SuspendForm({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation('consultant');
  const id = formIdOf('suspend', organisationId);
  const [form, fields] = useForm<SuspendInput>({ id, lastResult: useLastResult(id) });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <input type="hidden" name="organisationId" value={organisationId} />
      <div className="field">
        <label htmlFor={fields.note.id}>{t('employers.suspendNote')}</label>
        <input {...getInputProps(fields.note, { type: 'text' })} required maxLength={1000} />
        <FieldError id={fields.note.errorId} errors={fields.note.errors} />
      </div>
      <div>
        <button type="submit" name="intent" value="suspend" className="button button--quiet">
          {t('employers.suspend')}
        </button>
      </div>
    </Form>
  );
}
