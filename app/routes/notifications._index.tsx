/** The signed-in person's notifications, newest first: what happened, when, what to do and where; mark one or all read. */
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import { resolveLocale } from '~/i18n/i18next.server';
import { parseHiddenForm } from '~/lib/http.server';
import { NotFound } from '~/lib/errors';
import { listNotifications, markRead, markReadFormSchema } from '~/notifications/inbox.server';
import notificationStyles from '~/notifications/notifications.css';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: notificationStyles }];
export const meta: MetaFunction = () => [{ title: 'Jobbro' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['employer', 'candidate', 'consultant', 'admin']);
  const lng = await resolveLocale(request, context);
  return { lng, items: await listNotifications(context.services, user, lng) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['employer', 'candidate', 'consultant', 'admin']);
  const form = await parseHiddenForm(request, markReadFormSchema);
  if (form.intent === 'all') {
    const count = await markRead(context.services, user, 'all');
    return redirect(`/notifications?marked=${count}`);
  }
  try {
    await markRead(context.services, user, { id: form.id });
  } catch (error) {
    // Someone else's, or read already (another tab): bad input, not a server error.
    if (error instanceof NotFound) throw new Response('Not an unread notification of yours', { status: 400 });
    throw error;
  }
  return redirect('/notifications');
}

export default function Notifications() {
  const { t } = useTranslation('notifications');
  const { items, lng } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const marked = params.get('marked');
  const when = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });
  const unread = items.filter((item) => !item.read).length;
  return (
    <>
      <h1>{t('page.title')}</h1>
      <p>{t('page.intro')}</p>
      <div className="inbox__actions">
        <Link to="/notifications/settings">{t('page.settings')}</Link>
        {unread > 0 ? (
          <Form method="post">
            <button type="submit" name="intent" value="all" className="button button--quiet">
              {t('page.markAllRead')}
            </button>
          </Form>
        ) : null}
      </div>
      {marked !== null ? (
        <p role="status" className="notice">
          ✓ {t('page.markedAll', { count: Number(marked) || 0 })}
        </p>
      ) : null}
      {items.length === 0 ? <p>{t('page.none')}</p> : null}
      <ul className="inbox" aria-label={t('page.title')}>
        {items.map((item) => (
          <li key={item.id} className={item.read ? 'inbox__item' : 'inbox__item inbox__item--unread'}>
            <h2>
              {item.read ? null : <span className="visually-hidden">{t('page.unread')}: </span>}
              {item.title}
            </h2>
            <p>{item.next}</p>
            <div className="inbox__actions">
              <time dateTime={item.createdAt} className="hint">
                {when.format(new Date(item.createdAt))}
              </time>
              <Link to={item.link}>{t('page.open')}</Link>
              {item.read ? null : (
                <Form method="post">
                  <input type="hidden" name="id" value={item.id} />
                  <button type="submit" name="intent" value="one" className="button button--quiet">
                    {t('page.markRead')}
                  </button>
                </Form>
              )}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
