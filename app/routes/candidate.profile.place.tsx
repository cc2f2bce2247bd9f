/** Step 4: postal code (the municipality follows), how far the candidate can travel, driving licence. */
import { getFormProps, getInputProps, useForm } from '@conform-to/react';
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import candidateStyles from '~/candidates/candidate.css';
import { municipalityName, municipalityOfPostalCode } from '~/candidates/labels.server';
import { loadOwnProfile, savePlace } from '~/candidates/profile.server';
import { placeSchema } from '~/candidates/profile-schemas';
import { saveStep } from '~/candidates/step-action.server';
import { ErrorSummary, FieldErrors, FieldHint, Saved, StepButtons, StepHeader, hintIdOf, nextStepPath, stepPath } from '~/candidates/ui';
import { resolveLocale } from '~/i18n/i18next.server';
import { parseSubmission } from '~/lib/form-submission';
import { readFormData } from '~/lib/http.server';
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
  const submission = parseSubmission(await readFormData(request), placeSchema);
  return saveStep(submission, (place) => savePlace(context.services, user, place), { stay: stepPath.place, next: nextStepPath('place') });
}

export default function PlaceStep() {
  const { t } = useTranslation('candidate');
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: 'place',
    lastResult,
    defaultValue: { postalCode: data.postalCode, maxTravelKm: String(data.maxTravelKm), drivingLicence: data.drivingLicence ? 'on' : '' },
  });
  return (
    <>
      <StepHeader step="place" />
      <Saved show={data.saved} />
      <ErrorSummary errors={form.allErrors} />
      <p>{t('place.intro')}</p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <div className="field">
          <label htmlFor={fields.postalCode.id} className="icon-text">
            <MapPin aria-hidden="true" size={18} />
            {t('place.postalCode')}
          </label>
          <FieldHint meta={fields.postalCode}>{t('place.postalCodeHint')}</FieldHint>
          <input
            {...getInputProps(fields.postalCode, { type: 'text', ariaDescribedBy: hintIdOf(fields.postalCode) })}
            inputMode="numeric"
            autoComplete="postal-code"
            dir="ltr"
          />
          <FieldErrors meta={fields.postalCode} />
          {data.municipality && !fields.postalCode.errors ? <p className="hint">{t('place.municipality', { name: data.municipality })}</p> : null}
        </div>
        <div className="field">
          <label htmlFor={fields.maxTravelKm.id} className="icon-text">
            <Bus aria-hidden="true" size={18} />
            {t('place.maxTravelKm')}
          </label>
          <input {...getInputProps(fields.maxTravelKm, { type: 'text' })} inputMode="numeric" dir="ltr" />
          <FieldErrors meta={fields.maxTravelKm} />
        </div>
        <div className="choice-grid">
          <label>
            <input {...getInputProps(fields.drivingLicence, { type: 'checkbox' })} />
            <Car aria-hidden="true" size={18} />
            {t('place.drivingLicence')}
          </label>
        </div>
        <StepButtons />
      </Form>
    </>
  );
}
