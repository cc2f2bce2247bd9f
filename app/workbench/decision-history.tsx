/**
 * The decision history of a proposal as a list, oldest first: the
 * consultant's decision with its reason and note, and the employer's answer.
 * Its own component so other features (notifications) can add entries.
 */
import { useTranslation } from 'react-i18next';

export type DecisionHistoryItem = {
  at: string | Date;
  kind: 'consultant' | 'employer';
  decision: string;
  reason: string | null;
  note: string | null;
  actor_name: string | null;
};

export function DecisionHistory({ entries, lng }: { entries: readonly DecisionHistoryItem[]; lng: string }) {
  const { t } = useTranslation('workbench');
  const { t: tc } = useTranslation('consultant');
  const when = new Intl.DateTimeFormat(lng === 'en' ? 'en-GB' : 'da-DK', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });
  return (
    <section aria-labelledby="decision-history">
      <h2 id="decision-history">{t('proposal.history')}</h2>
      {entries.length === 0 ? <p>{t('proposal.noHistory')}</p> : null}
      <ol className="notes">
        {entries.map((entry, index) => (
          <li key={`${entry.kind}-${index}`}>
            <p className="notes__meta">
              {when.format(new Date(entry.at))} ·{' '}
              {entry.actor_name ?? t(entry.kind === 'employer' ? 'proposal.theEmployer' : 'proposal.theJobcentre')}
            </p>
            <p>
              <strong>{t(`proposal.decision.${entry.kind}.${entry.decision}`)}</strong>
              {entry.reason
                ? ` – ${entry.kind === 'consultant' ? tc(`rejectReason.${entry.reason}`, { defaultValue: entry.reason }) : t(`proposal.employerReason.${entry.reason}`, { defaultValue: entry.reason })}`
                : ''}
              {entry.note ? `: “${entry.note}”` : ''}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
