/** "Invited to interview by …, date" or "Declined by …, date" on the consultant's pages. */
import { useTranslation } from 'react-i18next';
import type { EmployerDecisionSeen } from './employer-decisions.server';

export function EmployerDecisionNote({ decision, lng }: { decision: EmployerDecisionSeen | undefined; lng: string }) {
  const { t } = useTranslation(['notifications', 'employer']);
  if (!decision)
    return (
      <p className="hint" data-testid="employer-decision">
        {t('notifications:decision.noAnswer')}
      </p>
    );
  const date = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Copenhagen' }).format(new Date(decision.at));
  const name = decision.by ?? '–';
  return (
    <p className={`employer-decision employer-decision--${decision.decision}`} data-testid="employer-decision">
      {decision.decision === 'invite'
        ? t('notifications:decision.invitedBy', { name, date })
        : t('notifications:decision.declinedBy', { name, date })}
      {decision.reason ? ` – ${t(`employer:candidates.reasons.${decision.reason}`)}` : ''}
    </p>
  );
}
