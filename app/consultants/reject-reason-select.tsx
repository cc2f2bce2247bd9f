/**
 * The labelled reason-code picker every reject form uses (queue, proposal
 * page, cohorts). Given Conform's field (`meta`), it is tied to its error
 * beside it and keeps the reason chosen when the form comes back refused.
 */
import { getSelectProps, type FieldMetadata } from '@conform-to/react';
import { useTranslation } from 'react-i18next';
import type { RejectReason } from '../../db/schema.js';
import { FieldError } from './form-ui';
import { REJECT_REASONS } from './consultant';

export function RejectReasonSelect({ defaultValue, meta }: { defaultValue: RejectReason; meta?: FieldMetadata<string> }) {
  const { t } = useTranslation('consultant');
  const options = REJECT_REASONS.map((reason) => (
    <option key={reason} value={reason}>
      {t(`rejectReason.${reason}`)}
    </option>
  ));
  if (meta) {
    return (
      <div className="field">
        <label htmlFor={meta.id}>{t('queue.rejectReason')}</label>
        <select {...getSelectProps(meta)} defaultValue={meta.initialValue ?? defaultValue}>
          {options}
        </select>
        <FieldError id={meta.errorId} errors={meta.errors} />
      </div>
    );
  }
  return (
    <label>
      {t('queue.rejectReason')}
      <select name="reason" defaultValue={defaultValue}>
        {options}
      </select>
    </label>
  );
}
