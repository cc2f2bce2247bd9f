/**
 * The button a consultant's page shows beside one of their candidates: it
 * posts to /consultant/candidates/:id/resend-invitation, which sends a new
 * link and shows the new paper code.
 */
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

export function ResendInvitationButton({ candidateId }: { candidateId: string }) {
  const { t } = useTranslation('account');
  return (
    <Form method="post" action={`/consultant/candidates/${candidateId}/resend-invitation`}>
      <button type="submit" className="button button--quiet" title={t('resend.hint')}>
        {t('resend.button')}
      </button>
    </Form>
  );
}
