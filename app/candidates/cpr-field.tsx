/** The optional CPR field of the consultant's "new candidate" form. It never shows a typed value again: a CPR is not sent back to the browser. */
import { useTranslation } from 'react-i18next';
import { FieldError, Hint, fieldProps, type FieldErrors } from './ui';

export function CprField({ errors }: { errors?: FieldErrors }) {
  const { t } = useTranslation('review');
  return (
    <div className="field">
      <label htmlFor="field-cpr">{t('cpr.label')}</label>
      <Hint name="cpr">{t('cpr.hint')}</Hint>
      <input {...fieldProps('cpr', errors, true)} inputMode="numeric" autoComplete="off" dir="ltr" maxLength={20} placeholder="DDMMYY-SSSS" />
      <FieldError name="cpr" errors={errors} />
    </div>
  );
}
