/** The company: colleagues and invitations, and organisation API keys (created and revoked here). */
import { parseSubmission } from '~/lib/form-submission';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { createAccountMailThrottle, TooManyAccountMails } from '~/auth/account-mail-throttle.server';
import { requireUser } from '~/auth/session.server';
import { createApiKey, listApiKeys, revokeApiKey } from '~/employers/api-keys.server';
import { useErrorText } from '~/employers/form-ui';
import { fieldErrorsOf } from '~/employers/form-errors.server';
import { employerActorOf, getCompany, inviteColleague } from '~/employers/organisations.server';
import { apiKeyNameSchema, invitationSchema } from '~/employers/schemas';
import { jsonError, readFormData } from '~/lib/http.server';
import { formatMomentDay } from '~/i18n/formats';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = employerActorOf(await requireUser(request, context, ['employer']));
  const [company, keys] = await Promise.all([getCompany(context.services, actor), listApiKeys(context.services, actor)]);
  return { company, keys };
}

type ActionResult =
  | { intent: 'invite'; ok: true; email: string }
  | { intent: 'key'; ok: true; secret: string }
  | { intent: 'invite' | 'key' | 'revoke'; ok: false; errors: Record<string, string[]> }
  | { intent: 'revoke'; ok: true };

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = employerActorOf(await requireUser(request, context, ['employer']));
  const formData = await readFormData(request);
  const intent = formData.get('intent');
  const { services } = context;
  try {
    if (intent === 'invite') {
      const submission = parseSubmission(formData, invitationSchema);
      if (submission.status !== 'success') return data<ActionResult>({ intent, ok: false, errors: { email: ['email'] } }, { status: 400 });
      const throttle = createAccountMailThrottle(services);
      // The same answer whether the address has an account or not (issue 21.9).
      const { email } = await inviteColleague({ ...services, throttle }, actor, submission.value, context.clientAddress);
      return data<ActionResult>({ intent, ok: true, email });
    }
    if (intent === 'key') {
      const submission = parseSubmission(formData, apiKeyNameSchema);
      if (submission.status !== 'success') return data<ActionResult>({ intent, ok: false, errors: { name: ['required'] } }, { status: 400 });
      const { secret } = await createApiKey(services, actor, submission.value);
      return data<ActionResult>({ intent, ok: true, secret });
    }
    if (intent === 'revoke') {
      await revokeApiKey(services, actor, String(formData.get('keyId') ?? ''));
      return data<ActionResult>({ intent, ok: true });
    }
    throw new Response('Unknown action', { status: 400 });
  } catch (error) {
    if (error instanceof TooManyAccountMails) {
      return data<ActionResult>(
        { intent: 'invite', ok: false, errors: { email: ['tooManyMails'] } },
        { status: 429, headers: { 'Retry-After': String(error.retryAfterSeconds) } },
      );
    }
    const errors = fieldErrorsOf(error);
    if (!errors || (intent !== 'invite' && intent !== 'key' && intent !== 'revoke')) throw jsonError(error, services.logger);
    return data<ActionResult>({ intent, ok: false, errors }, { status: 400 });
  }
}

export default function CompanyPage() {
  const { t, i18n } = useTranslation('employer');
  const errorText = useErrorText();
  const { company, keys } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const lng = i18n.resolvedLanguage ?? 'da';
  const errorsFor = (intent: string, field: string) =>
    result && result.intent === intent && !result.ok ? (result.errors[field] ?? []).map(errorText).join(' ') : '';
  const inviteError = errorsFor('invite', 'email');
  const keyError = errorsFor('key', 'name');
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
      {result && result.intent === 'invite' && result.ok ? <p role="status">{t('company.invited', { email: result.email })}</p> : null}
      <Form method="post" className="form">
        <div className="field">
          <label htmlFor="invite-email">{t('fields.email')}</label>
          <input
            id="invite-email"
            name="email"
            type="email"
            dir="ltr"
            aria-invalid={inviteError ? true : undefined}
            aria-describedby={inviteError ? 'invite-email-error' : undefined}
          />
          {inviteError ? (
            <p id="invite-email-error" className="field__error">
              {inviteError}
            </p>
          ) : null}
        </div>
        <div>
          <button type="submit" name="intent" value="invite" className="button">
            {t('company.invite')}
          </button>
        </div>
      </Form>

      <h2>{t('company.apiKeys')}</h2>
      <p className="hint">{t('company.apiKeysIntro')}</p>
      {result && result.intent === 'key' && result.ok ? (
        <p role="status">
          {t('company.keyCreated')} <code dir="ltr">{result.secret}</code>
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
      <Form method="post" className="form">
        <div className="field">
          <label htmlFor="key-name">{t('company.keyName')}</label>
          <input
            id="key-name"
            name="name"
            type="text"
            aria-invalid={keyError ? true : undefined}
            aria-describedby={keyError ? 'key-name-error' : undefined}
          />
          {keyError ? (
            <p id="key-name-error" className="field__error">
              {keyError}
            </p>
          ) : null}
        </div>
        <div>
          <button type="submit" name="intent" value="key" className="button">
            {t('company.newKey')}
          </button>
        </div>
      </Form>
    </>
  );
}
