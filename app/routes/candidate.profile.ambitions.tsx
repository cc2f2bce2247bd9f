/** Step 6: the sectors and jobs the candidate wants, and long training paths in their own words. */
import { getFormProps, getInputProps, getTextareaProps, useForm } from '@conform-to/react';
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import candidateStyles from '~/candidates/candidate.css';
import { occupationOptions, sectorOptions } from '~/candidates/labels.server';
import { loadOwnProfile, saveAmbitions } from '~/candidates/profile.server';
import { ambitionsSchema } from '~/candidates/profile-schemas';
import { saveStep } from '~/candidates/step-action.server';
import {
  ErrorSummary,
  FieldErrors,
  FieldHint,
  Saved,
  StepButtons,
  StepHeader,
  errorIdIfAny,
  hintIdOf,
  nextStepPath,
  stepPath,
} from '~/candidates/ui';
import { parseSubmission } from '~/lib/form-submission';
import { readFormData } from '~/lib/http.server';
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
  const submission = parseSubmission(await readFormData(request), ambitionsSchema);
  return saveStep(submission, (ambitions) => saveAmbitions(context.services, user, ambitions), {
    stay: stepPath.ambitions,
    next: nextStepPath('ambitions'),
  });
}

export default function AmbitionsStep() {
  const { t } = useTranslation('candidate');
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: 'ambitions',
    lastResult,
    defaultValue: { sectors: data.chosenSectors, occupations: data.chosenOccupations, note: data.note },
  });
  return (
    <>
      <StepHeader step="ambitions" />
      <Saved show={data.saved} />
      <ErrorSummary errors={form.allErrors} />
      <p>{t('ambitions.intro')}</p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <fieldset className="choice-grid" aria-describedby={errorIdIfAny(fields.sectors)}>
          <legend>{t('ambitions.sectors')}</legend>
          {data.sectors.map((sector) => (
            <label key={sector.id}>
              <input
                {...getInputProps(fields.sectors, { type: 'checkbox', value: sector.id, ariaAttributes: false })}
                id={`${fields.sectors.id}-${sector.id}`}
              />
              {sector.label}
            </label>
          ))}
          <FieldErrors meta={fields.sectors} />
        </fieldset>
        <fieldset className="choice-grid" aria-describedby={errorIdIfAny(fields.occupations)}>
          <legend>{t('ambitions.occupations')}</legend>
          {data.occupations.map((o) => (
            <label key={o.uri}>
              <input
                {...getInputProps(fields.occupations, { type: 'checkbox', value: o.uri, ariaAttributes: false })}
                id={`${fields.occupations.id}-${o.uri}`}
              />
              {o.label}
            </label>
          ))}
          <FieldErrors meta={fields.occupations} />
        </fieldset>
        <div className="field">
          <label htmlFor={fields.note.id}>{t('ambitions.note')}</label>
          <FieldHint meta={fields.note}>{t('ambitions.noteHint')}</FieldHint>
          <textarea {...getTextareaProps(fields.note, { ariaDescribedBy: hintIdOf(fields.note) })} rows={3} />
          <FieldErrors meta={fields.note} />
        </div>
        <StepButtons />
      </Form>
    </>
  );
}
