/**
 * Small form pieces for the employer pages: a labelled field with its hint
 * and its errors next to it, in the reader's language. Errors arrive as
 * message keys (employer:errors.*), optionally with figures after colons
 * ("ratioRule:2:2" → capacity 2, used 2).
 */
import type { FieldMetadata } from '@conform-to/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ratioRuleText } from './ratio-rule-text';

/** One error key (with figures) in the reader's language. */
export function useErrorText(): (raw: string) => string {
  const { t } = useTranslation('employer');
  return (raw) => {
    const [key = '', ...figures] = raw.split(':');
    if (key === 'ratioRule') {
      return ratioRuleText(t, { capacity: Number(figures[0] ?? 0), used: Number(figures[1] ?? 0) });
    }
    return t(`errors.${key}`, { defaultValue: t('errors.formInvalid') });
  };
}

type Props = {
  meta: FieldMetadata<unknown>;
  label: string;
  hint?: string;
  children: (props: { id: string; name: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined }) => ReactNode;
};

/** Label, control, hint and errors; the control gets the ids that tie them together. */
export function Field({ meta, label, hint, children }: Props) {
  const errorText = useErrorText();
  const errors = meta.errors ?? [];
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const describedBy = [hintId, errors.length > 0 ? meta.errorId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {children({ id: meta.id, name: meta.name, 'aria-invalid': errors.length > 0 ? true : undefined, 'aria-describedby': describedBy })}
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {errors.length > 0 ? (
        <p id={meta.errorId} className="field__error">
          {errors.map(errorText).join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/** The form-level message when any field has an error. */
export function FormErrors({ errors }: { errors: string[] | undefined }) {
  const { t } = useTranslation('employer');
  const errorText = useErrorText();
  if (!errors || errors.length === 0) return null;
  return (
    <p role="alert" className="alert">
      {errors.map((e) => errorText(e)).join(' ') || t('errors.formInvalid')}
    </p>
  );
}
