/**
 * The inactivity review on the candidate's start page: "Are you still looking
 * for work?" after 12 months without activity, or reactivation once the
 * profile is archived. Plain forms, so it works without JavaScript.
 */
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

export type InactivityBannerProps = {
  state: 'none' | 'flagged' | 'archived';
  /** The answer just given, to confirm it. */
  answered: 'stillLooking' | 'archive' | null;
  /** Whether the profile was archived before the answer (a "still looking" then reactivates it). */
  reactivated: boolean;
};

export function InactivityBanner({ state, answered, reactivated }: InactivityBannerProps) {
  const { t } = useTranslation('review');
  return (
    <>
      {answered ? (
        <p role="status" className="notice">
          {t(answered === 'archive' ? 'banner.archivedDone' : reactivated ? 'banner.reactivated' : 'banner.kept')}
        </p>
      ) : null}
      {state === 'flagged' ? (
        <section aria-labelledby="review-title" className="notice">
          <h2 id="review-title">{t('banner.title')}</h2>
          <p>{t('banner.text')}</p>
          <Form method="post">
            <button type="submit" name="answer" value="stillLooking" className="button">
              {t('banner.keep')}
            </button>{' '}
            <button type="submit" name="answer" value="archive" className="button button--quiet">
              {t('banner.archive')}
            </button>
          </Form>
        </section>
      ) : null}
      {state === 'archived' ? (
        <section aria-labelledby="review-title" className="notice">
          <h2 id="review-title">{t('banner.archivedTitle')}</h2>
          <p>{t('banner.archivedText')}</p>
          <Form method="post">
            <button type="submit" name="answer" value="stillLooking" className="button">
              {t('banner.reactivate')}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
