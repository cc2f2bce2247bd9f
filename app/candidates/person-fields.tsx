/** The person fields shared by self-registration and the consultant's "new candidate" form. */
import { useTranslation } from 'react-i18next';
import { FieldError, Hint, fieldProps, type FieldErrors } from './ui';

export const residenceOptions = ['refugee', 'family_reunified_refugee', 'family_reunified_other', 'ukraine_special_law', 'other'] as const;

const text = (value: string | string[] | undefined): string => (typeof value === 'string' ? value : '');

export function PersonFields({ errors, values, lng }: { errors?: FieldErrors; values?: Record<string, string | string[]>; lng: string }) {
  const { t } = useTranslation('candidate');
  return (
    <>
      <div className="field">
        <label htmlFor="field-fullName">{t('register.fullName')}</label>
        <input {...fieldProps('fullName', errors)} autoComplete="name" defaultValue={text(values?.fullName)} required />
        <FieldError name="fullName" errors={errors} />
      </div>
      <div className="field">
        <label htmlFor="field-email">{t('register.email')}</label>
        <input {...fieldProps('email', errors)} type="email" autoComplete="email" dir="ltr" defaultValue={text(values?.email)} required />
        <FieldError name="email" errors={errors} />
      </div>
      <div className="field">
        <label htmlFor="field-birthDate">{t('register.birthDate')}</label>
        <input {...fieldProps('birthDate', errors)} type="date" dir="ltr" autoComplete="bday" defaultValue={text(values?.birthDate)} required />
        <FieldError name="birthDate" errors={errors} />
      </div>
      <div className="field">
        <label htmlFor="field-arrivalDate">{t('register.arrivalDate')}</label>
        <input {...fieldProps('arrivalDate', errors)} type="date" dir="ltr" defaultValue={text(values?.arrivalDate)} required />
        <FieldError name="arrivalDate" errors={errors} />
      </div>
      <div className="field">
        <label htmlFor="field-residenceBasis">{t('register.residenceBasis')}</label>
        <select {...fieldProps('residenceBasis', errors)} defaultValue={text(values?.residenceBasis) || 'refugee'}>
          {residenceOptions.map((option) => (
            <option key={option} value={option}>
              {t(`register.residenceOptions.${option}`)}
            </option>
          ))}
        </select>
        <FieldError name="residenceBasis" errors={errors} />
      </div>
      <div className="field">
        <label htmlFor="field-postalCode">{t('register.postalCode')}</label>
        <Hint name="postalCode">{t('place.postalCodeHint')}</Hint>
        <input
          {...fieldProps('postalCode', errors, true)}
          inputMode="numeric"
          autoComplete="postal-code"
          dir="ltr"
          defaultValue={text(values?.postalCode)}
          required
        />
        <FieldError name="postalCode" errors={errors} />
      </div>
      <div className="field">
        <label htmlFor="field-locale">{t('register.language')}</label>
        <select {...fieldProps('locale', errors)} defaultValue={text(values?.locale) || lng}>
          <option value="da">Dansk</option>
          <option value="en">English</option>
          <option value="ar">العربية</option>
          <option value="uk">Українська</option>
        </select>
      </div>
    </>
  );
}

/** The person fields of a submitted form, as the domain functions take them. */
export function personInputOf(form: Record<string, string | string[]>) {
  const text = (name: string) => {
    const value = form[name];
    return typeof value === 'string' ? value : '';
  };
  return {
    fullName: text('fullName'),
    email: text('email'),
    birthDate: text('birthDate'),
    arrivalDate: text('arrivalDate'),
    residenceBasis: residenceOptions.find((option) => option === text('residenceBasis')) ?? 'other',
    postalCode: text('postalCode'),
    locale: (['da', 'en', 'ar', 'uk'] as const).find((lng) => lng === text('locale')) ?? 'da',
  };
}
