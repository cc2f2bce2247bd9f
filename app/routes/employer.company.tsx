/** The company: colleagues and invitations, and organisation API keys (created and revoked here). */
import { getFormProps, getInputProps, useForm, type SubmissionResult } from '@conform-to/react';
import { parseSubmission } from '~/lib/form-submission';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { createAccountMailThrottle, TooManyAccountMails } from '~/auth/account-mail-throttle.server';
import { requireUser } from '~/auth/session.server';
import { createApiKey, listApiKeys, revokeApiKey } from '~/employers/api-keys.server';
import { Field } from '~/employers/form-ui';
import { fieldErrorsOf } from '~/employers/form-errors.server';
import { employerActorOf, getCompany, inviteColleague } from '~/employers/organisations.server';
import { apiKeyNameSchema, invitationSchema } from '~/employers/schemas';
import { InvalidInput } from '~/lib/errors';
import { jsonError, readFormData, submittedErrors } from '~/lib/http.server';
import { formatMomentDay } from '~/i18n/formats';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = employerActorOf(await requireUser(request, context, ['employer']));
  const [company, keys] = await Promise.all([getCompany(context.services, actor), listApiKeys(context.services, actor)]);
  return { company, keys };
}

/** The page's three forms, told apart by the button's intent. */
const companyFormSchema = z.discriminatedUnion('intent', [
  invitationSchema.extend({ intent: z.literal('invite') }),
  apiKeyNameSchema.extend({ intent: z.literal('key') }),
  z.object({ intent: z.literal('revoke'), keyId: z.guid() }),
]);

type ActionResult =
  | { intent: 'invite'; email: string | null; result: SubmissionResult }
  | { intent: 'key'; secret: string | null; result: SubmissionResult }
  | { intent: 'revoke'; result: SubmissionResult };

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = employerActorOf(await requireUser(request, context, ['employer']));
  const submission = parseSubmission(await readFormData(request), companyFormSchema);
  const { services } = context;
  if (submission.status !== 'success') {
    const intent = submission.payload.intent;
    if (intent === 'invite') return data<ActionResult>({ intent, email: null, result: submission.reply() }, { status: 400 });
    if (intent === 'key') return data<ActionResult>({ intent, secret: null, result: submission.reply() }, { status: 400 });
    // Revoking has only hidden fields: nothing the person could correct.
    throw jsonError(new InvalidInput('The request has invalid fields', submittedErrors(submission.error)));
  }
  const form = submission.value;
  try {
    if (form.intent === 'invite') {
      const throttle = createAccountMailThrottle(services);
      // The same answer whether the address has an account or not (issue 21.9).
      const { email } = await inviteColleague({ ...services, throttle }, actor, { email: form.email }, context.clientAddress);
      return data<ActionResult>({ intent: form.intent, email, result: submission.reply({ resetForm: true }) });
    }
    if (form.intent === 'key') {
      const { secret } = await createApiKey(services, actor, { name: form.name });
      return data<ActionResult>({ intent: form.intent, secret, result: submission.reply({ resetForm: true }) });
    }
    await revokeApiKey(services, actor, form.keyId);
    return data<ActionResult>({ intent: form.intent, result: submission.reply() });
  } catch (error) {
    if (error instanceof TooManyAccountMails) {
      return data<ActionResult>(
        { intent: 'invite', email: null, result: submission.reply({ fieldErrors: { email: ['tooManyMails'] } }) },
        { status: 429, headers: { 'Retry-After': String(error.retryAfterSeconds) } },
      );
    }
    const fieldErrors = fieldErrorsOf(error);
    if (!fieldErrors || form.intent === 'revoke') throw jsonError(error, services.logger);
    const result = submission.reply({ fieldErrors });
    return data<ActionResult>(
      form.intent === 'invite' ? { intent: form.intent, email: null, result } : { intent: form.intent, secret: null, result },
      {
        status: 400,
      },
    );
  }
}

export default function CompanyPage() {
  const { t, i18n } = useTranslation('employer');
  const { company, keys } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const lng = i18n.resolvedLanguage ?? 'da';
  const [inviteForm, inviteFields] = useForm<z.input<typeof invitationSchema>>({
    id: 'invite',
    lastResult: answer?.intent === 'invite' ? answer.result : undefined,
  });
  const [keyForm, keyFields] = useForm<z.input<typeof apiKeyNameSchema>>({
    id: 'key',
    lastResult: answer?.intent === 'key' ? answer.result : undefined,
  });
  return (
    <>
      <h1>{t('company.title')}</h1>
      <p>
        {company.name} · {t('company.cvr', { cvr: company.cvr })}
      </p>
      <p className={company.status === 'verified' ? 'hint' : 'alert'}>{t(`companyStatus.${company.status}`)}</p>

      <h2>{t('company.colleagues')}</h2>
      <ul>
        {company.colleagues.map((c) => (
          <li key={c.id}>
            {c.displayName} <span dir="ltr">&lt;{c.email}&gt;</span>
          </li>
        ))}
      </ul>
      {company.openInvitations.length > 0 ? (
        <>
          <h3>{t('company.invitations')}</h3>
          <ul>
            {company.openInvitations.map((i) => (
              <li key={i.id}>
                <span dir="ltr">{i.email}</span> – {t('company.expires', { date: formatMomentDay(lng, i.expiresAt) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t('company.inviteTitle')}</h3>
      {answer?.intent === 'invite' && answer.email ? <p role="status">{t('company.invited', { email: answer.email })}</p> : null}
      <Form method="post" className="form" {...getFormProps(inviteForm)}>
        <Field meta={inviteFields.email} label={t('fields.email')}>
          {(p) => <input {...getInputProps(inviteFields.email, { type: 'email', ariaAttributes: false })} {...p} dir="ltr" />}
        </Field>
        <div>
          <button type="submit" name="intent" value="invite" className="button">
            {t('company.invite')}
          </button>
        </div>
      </Form>

      <h2>{t('company.apiKeys')}</h2>
      <p className="hint">{t('company.apiKeysIntro')}</p>
      {answer?.intent === 'key' && answer.secret ? (
        <p role="status">
          {t('company.keyCreated')} <code dir="ltr">{answer.secret}</code>
        </p>
      ) : null}
      {keys.length === 0 ? <p>{t('company.noKeys')}</p> : null}
      <ul>
        {keys.map((key) => (
          <li key={key.id}>
            <strong>{key.name}</strong> <code dir="ltr">jbk_{key.prefix}_…</code> –{' '}
            {key.revokedAt
              ? t('company.revoked')
              : key.lastUsedAt
                ? t('company.lastUsed', { date: formatMomentDay(lng, key.lastUsedAt) })
                : t('company.neverUsed')}
            {key.revokedAt ? null : (
              <Form method="post" className="inline-form">
                <input type="hidden" name="keyId" value={key.id} />
                <button type="submit" name="intent" value="revoke" className="button button--quiet">
                  {t('company.revoke')}
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
      <Form method="post" className="form" {...getFormProps(keyForm)}>
        <Field meta={keyFields.name} label={t('company.keyName')}>
          {(p) => <input {...getInputProps(keyFields.name, { type: 'text', ariaAttributes: false })} {...p} />}
        </Field>
        <div>
          <button type="submit" name="intent" value="key" className="button">
            {t('company.newKey')}
          </button>
        </div>
      </Form>
    </>
  );
}
