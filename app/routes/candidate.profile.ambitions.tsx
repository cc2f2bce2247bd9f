/** Step 6: the sectors and jobs the candidate wants, and long training paths in their own words. */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import candidateStyles from '~/candidates/candidate.css';
import { occupationOptions, sectorOptions } from '~/candidates/labels.server';
import { loadOwnProfile, saveAmbitions } from '~/candidates/profile.server';
import { readForm, runStep, type StepFailure } from '~/candidates/step-action.server';
import { ErrorSummary, FieldError, Hint, Saved, StepButtons, StepHeader, fieldProps, nextStepPath, stepPath } from '~/candidates/ui';
import { resolveLocale } from '~/i18n/i18next.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: candidateStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['candidate']);
  const lng = await resolveLocale(request, context);
  const { candidate } = await loadOwnProfile(context.services, user);
  return {
    saved: new URL(request.url).searchParams.get('saved') === '1',
    sectors: sectorOptions(lng),
    occupations: occupationOptions(lng),
    chosenSectors: candidate.ambition_sectors,
    chosenOccupations: candidate.ambition_occupations,
    note: candidate.ambition_note ?? '',
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['candidate']);
  const form = await readForm(request);
  return runStep(form, () => saveAmbitions(context.services, user, { sectors: form.sectors, occupations: form.occupations, note: form.note }), {
    stay: stepPath.ambitions,
    next: nextStepPath('ambitions'),
  });
}

const asList = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export default function AmbitionsStep() {
  const { t } = useTranslation('candidate');
  const data = useLoaderData<typeof loader>();
  const failure: StepFailure | undefined = useActionData<typeof action>();
  const errors = failure?.errors;
  const sectors = new Set(failure ? asList(failure.values.sectors) : data.chosenSectors);
  const occupations = new Set(failure ? asList(failure.values.occupations) : data.chosenOccupations);
  const note = failure && typeof failure.values.note === 'string' ? failure.values.note : data.note;
  return (
    <>
      <StepHeader step="ambitions" />
      <Saved show={data.saved} />
      <ErrorSummary errors={errors} />
      <p>{t('ambitions.intro')}</p>
      <Form method="post" className="form">
        <fieldset className="choice-grid">
          <legend>{t('ambitions.sectors')}</legend>
          {data.sectors.map((sector) => (
            <label key={sector.id}>
              <input type="checkbox" name="sectors" value={sector.id} defaultChecked={sectors.has(sector.id)} />
              {sector.label}
            </label>
          ))}
          <FieldError name="sectors" errors={errors} />
        </fieldset>
        <fieldset className="choice-grid">
          <legend>{t('ambitions.occupations')}</legend>
          {data.occupations.map((o) => (
            <label key={o.uri}>
              <input type="checkbox" name="occupations" value={o.uri} defaultChecked={occupations.has(o.uri)} />
              {o.label}
            </label>
          ))}
          <FieldError name="occupations" errors={errors} />
        </fieldset>
        <div className="field">
          <label htmlFor="field-note">{t('ambitions.note')}</label>
          <Hint name="note">{t('ambitions.noteHint')}</Hint>
          <textarea {...fieldProps('note', errors, true)} rows={3} defaultValue={note} />
          <FieldError name="note" errors={errors} />
        </div>
        <StepButtons />
      </Form>
    </>
  );
}
