/** Step 2: jobs held before, and education. */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import candidateStyles from '~/candidates/candidate.css';
import { occupationOptions } from '~/candidates/labels.server';
import { loadOwnProfile, saveExperience } from '~/candidates/profile.server';
import { readForm, runStep, type StepFailure } from '~/candidates/step-action.server';
import { ErrorSummary, FieldError, Hint, Saved, StepButtons, StepHeader, fieldProps, nextStepPath, stepPath } from '~/candidates/ui';
import { resolveLocale } from '~/i18n/i18next.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: candidateStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['candidate']);
  const lng = await resolveLocale(request, context);
  const profile = await loadOwnProfile(context.services, user);
  return {
    saved: new URL(request.url).searchParams.get('saved') === '1',
    occupations: occupationOptions(lng),
    held: profile.occupations.map((o) => o.occupation_uri),
    education: profile.candidate.education ?? '',
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['candidate']);
  const form = await readForm(request);
  return runStep(form, () => saveExperience(context.services, user, { occupations: form.occupations, education: form.education }), {
    stay: stepPath.experience,
    next: nextStepPath('experience'),
  });
}

const asList = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export default function ExperienceStep() {
  const { t } = useTranslation('candidate');
  const { occupations, held, education, saved } = useLoaderData<typeof loader>();
  const failure: StepFailure | undefined = useActionData<typeof action>();
  const errors = failure?.errors;
  const chosen = new Set(failure ? asList(failure.values.occupations) : held);
  const educationValue = failure && typeof failure.values.education === 'string' ? failure.values.education : education;
  return (
    <>
      <StepHeader step="experience" />
      <Saved show={saved} />
      <ErrorSummary errors={errors} />
      <p>{t('experience.intro')}</p>
      <Form method="post" className="form">
        <fieldset className="choice-grid">
          <legend>{t('experience.occupations')}</legend>
          {occupations.map((o) => (
            <label key={o.uri}>
              <input type="checkbox" name="occupations" value={o.uri} defaultChecked={chosen.has(o.uri)} />
              {o.label}
            </label>
          ))}
          <FieldError name="occupations" errors={errors} />
        </fieldset>
        <div className="field">
          <label htmlFor="field-education">{t('experience.education')}</label>
          <Hint name="education">{t('experience.educationHint')}</Hint>
          <textarea {...fieldProps('education', errors, true)} rows={3} defaultValue={educationValue} />
          <FieldError name="education" errors={errors} />
        </div>
        <StepButtons />
      </Form>
    </>
  );
}
