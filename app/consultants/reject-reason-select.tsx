/** The labelled reason-code picker every reject form uses (queue, proposal page, cohorts). */
import { useTranslation } from 'react-i18next';
import type { RejectReason } from '../../db/schema.js';
import { REJECT_REASONS } from './consultant';

export function RejectReasonSelect({ defaultValue }: { defaultValue: RejectReason }) {
  const { t } = useTranslation('consultant');
  return (
    <label>
      {t('queue.rejectReason')}
      <select name="reason" defaultValue={defaultValue}>
        {REJECT_REASONS.map((reason) => (
          <option key={reason} value={reason}>
            {t(`rejectReason.${reason}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
