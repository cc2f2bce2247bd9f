/**
 * A password field of the account pages, from Conform's field metadata. Its
 * ids are the field's name (`currentPassword`, `currentPassword-error`), not
 * Conform's form-prefixed ones, so links and tests that name them keep working.
 */
import { getInputProps, type FieldMetadata } from '@conform-to/react';
import { useTranslation } from 'react-i18next';

type Props = { meta: FieldMetadata<unknown>; label: string; autoComplete: 'current-password' | 'new-password'; hint?: string };

export function PasswordField({ meta, label, autoComplete, hint }: Props) {
  const { t } = useTranslation('account');
  const id = meta.name;
  const errors = meta.errors ?? [];
  const hintId = hint ? `${id}-hint` : undefined;
  const describedBy = [hintId, errors.length > 0 ? `${id}-error` : undefined].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <input
        {...getInputProps(meta, { type: 'password', ariaAttributes: false })}
        id={id}
        autoComplete={autoComplete}
        dir="ltr"
        required
        aria-invalid={errors.length > 0 ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {errors.length > 0 ? (
        <p id={`${id}-error`} className="field__error">
          {errors.map((key) => t(key)).join(' ')}
        </p>
      ) : null}
    </div>
  );
}
