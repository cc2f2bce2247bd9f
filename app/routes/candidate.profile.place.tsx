/** Step 4: postal code (the municipality follows), how far the candidate can travel, driving licence. */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import candidateStyles from '~/candidates/candidate.css';
import { municipalityName, municipalityOfPostalCode } from '~/candidates/labels.server';
import { loadOwnProfile, savePlace } from '~/candidates/profile.server';
import { readForm, runStep, textOf, type StepFailure } from '~/candidates/step-action.server';
import { ErrorSummary, FieldError, Hint, Saved, StepButtons, StepHeader, fieldProps, nextStepPath, stepPath } from '~/candidates/ui';
import { resolveLocale } from '~/i18n/i18next.server';
import { Bus, Car, MapPin } from 'lucide-react';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: candidateStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['candidate']);
  const lng = await resolveLocale(request, context);
  const { candidate } = await loadOwnProfile(context.services, user);
  const municipality = municipalityOfPostalCode(candidate.postal_code);
  return {
    saved: new URL(request.url).searchParams.get('saved') === '1',
    postalCode: candidate.postal_code,
    municipality: municipality ? municipalityName(municipality, lng) : null,
    maxTravelKm: candidate.max_travel_km,
    drivingLicence: candidate.driving_licence,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['candidate']);
  const form = await readForm(request);
  return runStep(
    form,
    () =>
      savePlace(context.services, user, {
        postalCode: textOf(form, 'postalCode'),
        maxTravelKm: form.maxTravelKm,
        drivingLicence: form.drivingLicence,
      }),
    { stay: stepPath.place, next: nextStepPath('place') },
  );
}

const text = (value: string | string[] | undefined, fallback: string): string => (typeof value === 'string' ? value : fallback);

export default function PlaceStep() {
  const { t } = useTranslation('candidate');
  const data = useLoaderData<typeof loader>();
  const failure: StepFailure | undefined = useActionData<typeof action>();
  const errors = failure?.errors;
  const values = failure?.values;
  return (
    <>
      <StepHeader step="place" />
      <Saved show={data.saved} />
      <ErrorSummary errors={errors} />
      <p>{t('place.intro')}</p>
      <Form method="post" className="form">
        <div className="field">
          <label htmlFor="field-postalCode" className="icon-text">
            <MapPin aria-hidden="true" size={18} />
            {t('place.postalCode')}
          </label>
          <Hint name="postalCode">{t('place.postalCodeHint')}</Hint>
          <input
            {...fieldProps('postalCode', errors, true)}
            inputMode="numeric"
            autoComplete="postal-code"
            dir="ltr"
            defaultValue={text(values?.postalCode, data.postalCode)}
          />
          <FieldError name="postalCode" errors={errors} />
          {data.municipality && !errors?.postalCode ? <p className="hint">{t('place.municipality', { name: data.municipality })}</p> : null}
        </div>
        <div className="field">
          <label htmlFor="field-maxTravelKm" className="icon-text">
            <Bus aria-hidden="true" size={18} />
            {t('place.maxTravelKm')}
          </label>
          <input
            {...fieldProps('maxTravelKm', errors)}
            inputMode="numeric"
            dir="ltr"
            defaultValue={text(values?.maxTravelKm, String(data.maxTravelKm))}
          />
          <FieldError name="maxTravelKm" errors={errors} />
        </div>
        <div className="choice-grid">
          <label>
            <input type="checkbox" name="drivingLicence" defaultChecked={values ? values.drivingLicence === 'on' : data.drivingLicence} />
            <Car aria-hidden="true" size={18} />
            {t('place.drivingLicence')}
          </label>
        </div>
        <StepButtons />
      </Form>
    </>
  );
}
