/** The matcher's score components for one pair, as a small definition list. */
import { useTranslation } from 'react-i18next';

export function ScoreBreakdown({ components }: { components: Record<string, number> }) {
  const { t } = useTranslation('consultant');
  const entries = Object.entries(components);
  if (entries.length === 0) return <span>–</span>;
  return (
    <dl className="score-breakdown">
      {entries.map(([name, value]) => (
        <div key={name}>
          <dt>{t(`component.${name}`, { defaultValue: name })}</dt>
          <dd>{value.toFixed(2)}</dd>
        </div>
      ))}
    </dl>
  );
}
