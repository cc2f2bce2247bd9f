/**
 * Small building blocks shared by the candidate pages: field errors tied to
 * their inputs (aria-describedby), the step header with progress, and the
 * list of steps. Plain HTML forms, so every page works without JavaScript.
 */
import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { ArrowLeft, Check } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { profileSteps, type ProfileStep } from './steps';

export type FieldErrors = Record<string, string[]>;

export const stepPath: Record<ProfileStep, string> = {
  skills: '/candidate/profile/skills',
  experience: '/candidate/profile/experience',
  languages: '/candidate/profile/languages',
  place: '/candidate/profile/place',
  availability: '/candidate/profile/availability',
  ambitions: '/candidate/profile/ambitions',
};

export function nextStepPath(step: ProfileStep): string {
  const next = profileSteps[profileSteps.indexOf(step) + 1];
  return next ? stepPath[next] : '/candidate';
}

const idOf = (name: string) => `field-${name.replace(/[^a-zA-Z0-9]+/g, '-')}`;

/** Props that tie an input to its label, hint and error. */
export function fieldProps(name: string, errors: FieldErrors | undefined, hint = false) {
  const id = idOf(name);
  const error = errors?.[name]?.length ? `${id}-error` : undefined;
  const described = [hint ? `${id}-hint` : undefined, error].filter(Boolean).join(' ');
  return {
    id,
    name: name.replace(/\.\d+$/, ''),
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described === '' ? undefined : described,
  };
}

export function Hint({ name, children }: { name: string; children: ReactNode }) {
  return (
    <p id={`${idOf(name)}-hint`} className="hint">
      {children}
    </p>
  );
}

export function FieldError({ name, errors }: { name: string; errors: FieldErrors | undefined }) {
  const { t } = useTranslation('candidate');
  const messages = errors?.[name];
  if (!messages?.length) return null;
  return (
    <p id={`${idOf(name)}-error`} className="field__error">
      {messages.map((key) => t(key)).join(' ')}
    </p>
  );
}

export function ErrorSummary({ errors }: { errors: FieldErrors | undefined }) {
  const { t } = useTranslation('candidate');
  if (!errors || Object.keys(errors).length === 0) return null;
  return (
    <p role="alert" className="alert">
      {t('step.errorSummary')}
    </p>
  );
}

export function Saved({ show }: { show: boolean }) {
  const { t } = useTranslation('candidate');
  if (!show) return null;
  return (
    <p role="status" className="notice">
      <Check aria-hidden="true" size={18} className="notice__icon" /> {t('step.saved')}
    </p>
  );
}

/** The heading of a profile step, with "Step n of 6" and a link back. */
export function StepHeader({ step }: { step: ProfileStep }) {
  const { t } = useTranslation('candidate');
  const n = profileSteps.indexOf(step) + 1;
  return (
    <>
      <p>
        <Link to="/candidate" className="icon-text">
          <ArrowLeft aria-hidden="true" size={18} className="mirror-rtl" />
          {t('step.back')}
        </Link>
      </p>
      <p className="hint">{t('step.progress', { n, total: profileSteps.length })}</p>
      <h1>{t(`steps.${step}`)}</h1>
    </>
  );
}

/** Save buttons at the foot of a step form. */
export function StepButtons() {
  const { t } = useTranslation('candidate');
  return (
    <div className="button-row">
      <button type="submit" name="then" value="next" className="button">
        {t('step.saveNext')}
      </button>
      <button type="submit" name="then" value="stay" className="button button--quiet">
        {t('step.save')}
      </button>
    </div>
  );
}
