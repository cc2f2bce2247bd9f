/** The optional CPR field of the consultant's "new candidate" form. It never shows a typed value again: a CPR is not sent back to the browser. */
import { getInputProps, type FieldMetadata } from '@conform-to/react';
import { useTranslation } from 'react-i18next';
import { FieldErrors, FieldHint, hintIdOf } from './ui';

export function CprField({ meta }: { meta: FieldMetadata<unknown> }) {
  const { t } = useTranslation('review');
  return (
    <div className="field">
      <label htmlFor={meta.id}>{t('cpr.label')}</label>
      <FieldHint meta={meta}>{t('cpr.hint')}</FieldHint>
      <input
        {...getInputProps(meta, { type: 'text', value: false, ariaDescribedBy: hintIdOf(meta) })}
        inputMode="numeric"
        autoComplete="off"
        dir="ltr"
        maxLength={20}
        placeholder="DDMMYY-SSSS"
      />
      <FieldErrors meta={meta} />
    </div>
  );
}
