/** The header's link to /notifications with the number of unread ones (shown on every signed-in page). */
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

export function NotificationsLink({ unread }: { unread: number }) {
  const { t } = useTranslation('notifications');
  return (
    <Link to="/notifications" className="notifications-link" aria-label={unread > 0 ? t('nav.linkWithCount', { count: unread }) : t('nav.link')}>
      <span>{t('nav.link')}</span>
      {unread > 0 ? (
        <span className="notifications-link__count" aria-hidden="true">
          {unread}
        </span>
      ) : null}
    </Link>
  );
}
