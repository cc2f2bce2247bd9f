/** Employers with a workplace in the consultant's municipality: verify (CVR looked at, contact confirmed) or suspend. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import { formProblem } from '~/consultants/form-errors.server';
import { verificationFormSchema } from '~/consultants/schemas';
import { employersToVerify, setEmployerVerification } from '~/consultants/verification.server';
import { parseForm } from '~/lib/http.server';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  return { employers: await employersToVerify(context.services, user) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  const form = await parseForm(request, verificationFormSchema);
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

export default function ConsultantEmployers() {
  const { t } = useTranslation('consultant');
  const { employers } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>{t('employers.title')}</h1>
      <p>{t('employers.lead')}</p>
      {result ? (
        <p role="status">{result.ok ? t(result.intent === 'verify' ? 'employers.verified' : 'employers.suspended') : result.problem.message}</p>
      ) : null}
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
          {employer.status !== 'verified' ? (
            <Form method="post">
              <input type="hidden" name="organisationId" value={employer.id} />
              <label>
                <input type="checkbox" name="cvrChecked" required /> {t('employers.cvrChecked')}
              </label>
              <label>
                <input type="checkbox" name="contactConfirmed" required /> {t('employers.contactConfirmed')}
              </label>
              <button type="submit" name="intent" value="verify" className="button">
                {t('employers.verify')}
              </button>
            </Form>
          ) : null}
          {employer.status !== 'suspended' ? (
            <Form method="post">
              <input type="hidden" name="organisationId" value={employer.id} />
              <label>
                {t('employers.suspendNote')}
                <input type="text" name="note" required maxLength={1000} />
              </label>
              <button type="submit" name="intent" value="suspend" className="button button--quiet">
                {t('employers.suspend')}
              </button>
            </Form>
          ) : null}
        </section>
      ))}
    </>
  );
}
