/** Step 5: from when, and how many hours a week. */
import { getFormProps, getInputProps, useForm } from '@conform-to/react';
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import candidateStyles from '~/candidates/candidate.css';
import { loadOwnProfile, saveAvailability } from '~/candidates/profile.server';
import { availabilitySchema } from '~/candidates/profile-schemas';
import { saveStep } from '~/candidates/step-action.server';
import { ErrorSummary, FieldErrors, FieldHint, Saved, StepButtons, StepHeader, hintIdOf, nextStepPath, stepPath } from '~/candidates/ui';
import { parseSubmission } from '~/lib/form-submission';
import { readFormData } from '~/lib/http.server';
import { CalendarDays, Clock } from 'lucide-react';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: candidateStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['candidate']);
  const { candidate } = await loadOwnProfile(context.services, user);
  return {
    saved: new URL(request.url).searchParams.get('saved') === '1',
    availableFrom: candidate.available_from,
    hoursPerWeek: candidate.hours_per_week,
    today: context.services.clock().toISOString().slice(0, 10),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['candidate']);
  const submission = parseSubmission(await readFormData(request), availabilitySchema(context.services.clock));
  return saveStep(submission, (availability) => saveAvailability(context.services, user, availability), {
    stay: stepPath.availability,
    next: nextStepPath('availability'),
  });
}

export default function AvailabilityStep() {
  const { t } = useTranslation('candidate');
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: 'availability',
    lastResult,
    defaultValue: { availableFrom: data.availableFrom, hoursPerWeek: data.hoursPerWeek === null ? '' : String(data.hoursPerWeek) },
  });
  return (
    <>
      <StepHeader step="availability" />
      <Saved show={data.saved} />
      <ErrorSummary errors={form.allErrors} />
      <p>{t('availability.intro')}</p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <div className="field">
          <label htmlFor={fields.availableFrom.id} className="icon-text">
            <CalendarDays aria-hidden="true" size={18} />
            {t('availability.availableFrom')}
          </label>
          <input {...getInputProps(fields.availableFrom, { type: 'date' })} min={data.today} dir="ltr" />
          <FieldErrors meta={fields.availableFrom} />
        </div>
        <div className="field">
          <label htmlFor={fields.hoursPerWeek.id} className="icon-text">
            <Clock aria-hidden="true" size={18} />
            {t('availability.hoursPerWeek')}
          </label>
          <FieldHint meta={fields.hoursPerWeek}>{t('availability.hoursHint')}</FieldHint>
          <input
            {...getInputProps(fields.hoursPerWeek, { type: 'text', ariaDescribedBy: hintIdOf(fields.hoursPerWeek) })}
            inputMode="numeric"
            dir="ltr"
          />
          <FieldErrors meta={fields.hoursPerWeek} />
        </div>
        <StepButtons />
      </Form>
    </>
  );
}
