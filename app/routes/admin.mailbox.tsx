/** The local mailbox: where mail lands when no SMTP server is configured (admins only). */
import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import candidateStyles from '~/candidates/candidate.css';
import { resolveLocale } from '~/i18n/i18next.server';
import { listMailbox } from '~/mail/mailer.server';
import { formatMoment } from '~/i18n/formats';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: candidateStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, ['admin']);
  return {
    lng: await resolveLocale(request, context),
    smtp: context.services.env.smtpUrl !== undefined,
    messages: (await listMailbox(context.services)).map((m) => ({ ...m, created_at: new Date(m.created_at).toISOString() })),
  };
}

export default function Mailbox() {
  const { t } = useTranslation('candidate');
  const { messages, lng } = useLoaderData<typeof loader>();
  const format = (iso: string) => formatMoment(lng, iso);
  return (
    <>
      <h1>{t('mailbox.title')}</h1>
      <p>{t('mailbox.intro')}</p>
      {messages.length === 0 ? <p>{t('mailbox.none')}</p> : null}
      {messages.map((message) => (
        <article key={message.id} aria-labelledby={`mail-${message.id}`} className="card">
          <h2 id={`mail-${message.id}`}>{message.subject}</h2>
          <p>
            {t('mailbox.to')}: <span dir="ltr">{message.to_address}</span> · {t('mailbox.sent')}: {format(message.created_at)}
          </p>
          <pre className="mail-body">{message.text_body}</pre>
        </article>
      ))}
    </>
  );
}
