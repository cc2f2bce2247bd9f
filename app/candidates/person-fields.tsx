/** The person fields shared by self-registration and the consultant's "new candidate" form, on Conform's field metadata. */
import { getInputProps, type FieldMetadata } from '@conform-to/react';
import { getSingleSelectProps } from '../components/single-select';
import { useTranslation } from 'react-i18next';

export const residenceOptions = ['refugee', 'family_reunified_refugee', 'family_reunified_other', 'ukraine_special_law', 'other'] as const;

type PersonKey = 'fullName' | 'email' | 'birthDate' | 'arrivalDate' | 'residenceBasis' | 'postalCode' | 'locale';

type Props = { fields: Record<PersonKey, FieldMetadata<unknown>>; lng: string };

type ControlProps = {
  id: string;
  name: string;
  defaultValue?: string | number | readonly string[];
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
};

/** What one field needs to render: its control's props, its hint's id, its error text's id and messages (keys). */
type FieldView = {
  input: (type: 'text' | 'email' | 'date', hint?: boolean) => ControlProps;
  select: () => ControlProps;
  hintId: string;
  errorId: string;
  errors: string[];
};

function viewOf(props: Props, name: PersonKey): FieldView {
  const meta = props.fields[name];
  return {
    input: (type, hint) => getInputProps(meta, { type, ariaDescribedBy: hint ? meta.descriptionId : undefined }),
    select: () => getSingleSelectProps(meta),
    hintId: meta.descriptionId,
    errorId: meta.errorId,
    errors: meta.errors ?? [],
  };
}

function Errors({ view }: { view: FieldView }) {
  const { t } = useTranslation('candidate');
  if (view.errors.length === 0) return null;
  return (
    <p id={view.errorId} className="field__error">
      {view.errors.map((key) => t(key)).join(' ')}
    </p>
  );
}

export function PersonFields(props: Props) {
  const { t } = useTranslation('candidate');
  const fullName = viewOf(props, 'fullName');
  const email = viewOf(props, 'email');
  const birthDate = viewOf(props, 'birthDate');
  const arrivalDate = viewOf(props, 'arrivalDate');
  const residenceBasis = viewOf(props, 'residenceBasis');
  const postalCode = viewOf(props, 'postalCode');
  const language = viewOf(props, 'locale').select();
  const residence = residenceBasis.select();
  return (
    <>
      <div className="field">
        <label htmlFor={fullName.input('text').id}>{t('register.fullName')}</label>
        <input {...fullName.input('text')} autoComplete="name" required />
        <Errors view={fullName} />
      </div>
      <div className="field">
        <label htmlFor={email.input('email').id}>{t('register.email')}</label>
        <input {...email.input('email')} autoComplete="email" dir="ltr" required />
        <Errors view={email} />
      </div>
      <div className="field">
        <label htmlFor={birthDate.input('date').id}>{t('register.birthDate')}</label>
        <input {...birthDate.input('date')} dir="ltr" autoComplete="bday" required />
        <Errors view={birthDate} />
      </div>
      <div className="field">
        <label htmlFor={arrivalDate.input('date').id}>{t('register.arrivalDate')}</label>
        <input {...arrivalDate.input('date')} dir="ltr" required />
        <Errors view={arrivalDate} />
      </div>
      <div className="field">
        <label htmlFor={residence.id}>{t('register.residenceBasis')}</label>
        <select {...residence} defaultValue={residence.defaultValue || 'refugee'}>
          {residenceOptions.map((option) => (
            <option key={option} value={option}>
              {t(`register.residenceOptions.${option}`)}
            </option>
          ))}
        </select>
        <Errors view={residenceBasis} />
      </div>
      <div className="field">
        <label htmlFor={postalCode.input('text').id}>{t('register.postalCode')}</label>
        <p id={postalCode.hintId} className="hint">
          {t('place.postalCodeHint')}
        </p>
        <input {...postalCode.input('text', true)} inputMode="numeric" autoComplete="postal-code" dir="ltr" required />
        <Errors view={postalCode} />
      </div>
      <div className="field">
        <label htmlFor={language.id}>{t('register.language')}</label>
        <select {...language} defaultValue={language.defaultValue || props.lng}>
          <option value="da">Dansk</option>
          <option value="en">English</option>
          <option value="ar">العربية</option>
          <option value="uk">Українська</option>
        </select>
      </div>
    </>
  );
}
