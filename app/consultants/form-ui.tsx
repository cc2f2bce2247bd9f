/**
 * A refused field's message beside it on the consultant's pages, in the
 * consultant's language. The consultant schemas (./schemas.ts) give keys of
 * `forms:consultant.*` with figures after colons ('tooLong:200',
 * 'dateRange:2016-12-08:2036-12-08'); a message that is no key (an English
 * one from the domain) reads as "check this field".
 */
import { useTranslation } from 'react-i18next';

/** The names of each key's figures, in the order they follow it. */
const FIGURES: Record<string, readonly string[]> = { tooLong: ['max'], dateRange: ['earliest', 'latest'], wholeNumber: ['min', 'max'] };

/** One message key (with figures) in the reader's language. */
export function useFieldErrorText(): (raw: string) => string {
  const { t } = useTranslation('forms');
  return (raw) => {
    const [key = '', ...figures] = raw.split(':');
    const params = Object.fromEntries((FIGURES[key] ?? []).map((name, index) => [name, figures[index] ?? '']));
    return t(`consultant.${key}`, { ...params, defaultValue: t('consultant.invalid') });
  };
}

/** A field's messages under the id its control's aria-describedby names (Conform's `errorId`); nothing when it has none. */
export function FieldError({ id, errors }: { id: string; errors: string[] | undefined }) {
  const text = useFieldErrorText();
  if (!errors || errors.length === 0) return null;
  return (
    <p id={id} className="field__error">
      {errors.map(text).join(' ')}
    </p>
  );
}

/** Above a refused form: its fields say what is wrong, and nothing was saved. */
export function FixFieldsAlert({ show }: { show: boolean }) {
  const { t } = useTranslation('forms');
  if (!show) return null;
  return (
    <p role="alert" className="alert">
      {t('consultant.fixFields')}
    </p>
  );
}
