/** Step 5: from when, and how many hours a week. */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import candidateStyles from '~/candidates/candidate.css';
import { loadOwnProfile, saveAvailability } from '~/candidates/profile.server';
import { readForm, runStep, textOf, type StepFailure } from '~/candidates/step-action.server';
import { ErrorSummary, FieldError, Hint, Saved, StepButtons, StepHeader, fieldProps, nextStepPath, stepPath } from '~/candidates/ui';
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
  const form = await readForm(request);
  return runStep(
    form,
    () => saveAvailability(context.services, user, { availableFrom: textOf(form, 'availableFrom'), hoursPerWeek: form.hoursPerWeek }),
    {
      stay: stepPath.availability,
      next: nextStepPath('availability'),
    },
  );
}

const text = (value: string | string[] | undefined, fallback: string): string => (typeof value === 'string' ? value : fallback);

export default function AvailabilityStep() {
  const { t } = useTranslation('candidate');
  const data = useLoaderData<typeof loader>();
  const failure: StepFailure | undefined = useActionData<typeof action>();
  const errors = failure?.errors;
  const values = failure?.values;
  return (
    <>
      <StepHeader step="availability" />
      <Saved show={data.saved} />
      <ErrorSummary errors={errors} />
      <p>{t('availability.intro')}</p>
      <Form method="post" className="form">
        <div className="field">
          <label htmlFor="field-availableFrom" className="icon-text">
            <CalendarDays aria-hidden="true" size={18} />
            {t('availability.availableFrom')}
          </label>
          <input
            {...fieldProps('availableFrom', errors)}
            type="date"
            min={data.today}
            dir="ltr"
            defaultValue={text(values?.availableFrom, data.availableFrom)}
          />
          <FieldError name="availableFrom" errors={errors} />
        </div>
        <div className="field">
          <label htmlFor="field-hoursPerWeek" className="icon-text">
            <Clock aria-hidden="true" size={18} />
            {t('availability.hoursPerWeek')}
          </label>
          <Hint name="hoursPerWeek">{t('availability.hoursHint')}</Hint>
          <input
            {...fieldProps('hoursPerWeek', errors, true)}
            inputMode="numeric"
            dir="ltr"
            defaultValue={text(values?.hoursPerWeek, data.hoursPerWeek === null ? '' : String(data.hoursPerWeek))}
          />
          <FieldError name="hoursPerWeek" errors={errors} />
        </div>
        <StepButtons />
      </Form>
    </>
  );
}
