/**
 * A Conform field's errors beside its control on a consultant page, in the
 * reader's language, under the id Conform's aria-describedby names. Messages
 * are keys: `forms:consultant.*` from the forms' schemas, or the candidate
 * forms' `errors.*` when a consultant edits on a candidate's behalf. A
 * message that is no key (a domain rule's English sentence) is shown as
 * "check what you entered" rather than as English inside a Danish page.
 */
import type { FieldMetadata } from '@conform-to/react';
import { useTranslation } from 'react-i18next';

export function FieldErrors({ meta }: { meta: FieldMetadata<unknown> }) {
  // 'fallback': a key not in forms is looked up in candidate (react-i18next reads only the first namespace otherwise).
  const { t } = useTranslation(['forms', 'candidate'], { nsMode: 'fallback' });
  const messages = [...new Set(meta.errors ?? [])];
  if (messages.length === 0) return null;
  return (
    <p id={meta.errorId} className="field__error">
      {messages.map((key) => t(key, { defaultValue: t('forms:consultant.invalid') })).join(' ')}
    </p>
  );
}

/** The form-level alert of a refused consultant form: the fields beside which the errors stand. */
export function FixFieldsAlert({ show }: { show: boolean }) {
  const { t } = useTranslation('forms');
  if (!show) return null;
  return (
    <p role="alert" className="alert">
      {t('consultant.fixFields')}
    </p>
  );
}
