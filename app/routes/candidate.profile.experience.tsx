/** Step 2: jobs held before, and education; the skills that go with those jobs, one click each. */
import { getFormProps, useForm } from '@conform-to/react';
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useFetcher, useLoaderData } from '@remix-run/react';
import { Plus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireUser } from '~/auth/session.server';
import candidateStyles from '~/candidates/candidate.css';
import experienceStyles from '~/candidates/experience.css';
import { occupationOptions, sectorOptions } from '~/candidates/labels.server';
import { addSkillSchema } from '~/candidates/profile-schemas';
import { addSkill, loadOwnProfile, saveExperience } from '~/candidates/profile.server';
import { runStep, type StepFailure } from '~/candidates/step-action.server';
import { ErrorSummary, FieldError, Hint, Saved, StepButtons, StepHeader, fieldProps, nextStepPath, stepPath } from '~/candidates/ui';
import { SkillSuggestions, skillSuggestionsStyles } from '~/components/skill-suggestions';
import { resolveLocale } from '~/i18n/i18next.server';
import { InvalidInput } from '~/lib/errors';
import { parseSubmission } from '~/lib/form-submission';
import { formDataToObject, readFormData } from '~/lib/http.server';
import { skillLabel } from '~/candidates/labels.server';
import { suggestSkillsFor } from '~/taxonomy/skill-suggestions.server';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: candidateStyles },
  { rel: 'stylesheet', href: experienceStyles },
  { rel: 'stylesheet', href: skillSuggestionsStyles },
];

const ADD_SKILL_FORM = 'add-suggested-skill';
/** One suggested skill, added to the profile as it is (no years, no place learned: the skill step edits those). */
const addSuggestedSkillSchema = z.object({ intent: z.literal('add-skill'), skill: addSkillSchema.shape.skill });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['candidate']);
  const lng = await resolveLocale(request, context);
  const profile = await loadOwnProfile(context.services, user);
  const held = profile.occupations.map((o) => o.occupation_uri);
  return {
    saved: new URL(request.url).searchParams.get('saved') === '1',
    occupations: occupationOptions(lng),
    sectors: sectorOptions(lng),
    held,
    education: profile.candidate.education ?? '',
    suggestions: suggestSkillsFor({ occupations: held, have: profile.skills.map((s) => s.skill_uri), lang: lng, limit: 16 }),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['candidate']);
  const formData = await readFormData(request);
  if (formData.get('intent') === 'add-skill') {
    const submission = parseSubmission(formData, addSuggestedSkillSchema);
    if (submission.status !== 'success') return data({ addSkill: submission.reply() }, { status: 400 });
    try {
      await addSkill(context.services, user, { skill: submission.value.skill });
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      return data({ addSkill: submission.reply({ fieldErrors: error.fields }) }, { status: 400 });
    }
    const lng = await resolveLocale(request, context);
    return data({ addSkill: submission.reply({ resetForm: true }), added: skillLabel(submission.value.skill, lng) });
  }
  const form = formDataToObject(formData);
  return runStep(form, () => saveExperience(context.services, user, { occupations: form.occupations, education: form.education }), {
    stay: stepPath.experience,
    next: nextStepPath('experience'),
  });
}

const asList = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export default function ExperienceStep() {
  const { t } = useTranslation('candidate');
  const { occupations, sectors, held, education, saved, suggestions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure: StepFailure | undefined = actionData && 'errors' in actionData ? actionData : undefined;
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
          {/* Close to 300 occupations: one folding group per sector, open where something is ticked. */}
          {sectors.map((sector) => {
            const inSector = occupations.filter((o) => o.sector === sector.id);
            if (inSector.length === 0) return null;
            return (
              <details key={sector.id} className="choice-group" open={inSector.some((o) => chosen.has(o.uri))}>
                <summary>{sector.label}</summary>
                {inSector.map((o) => (
                  <label key={o.uri}>
                    <input type="checkbox" name="occupations" value={o.uri} defaultChecked={chosen.has(o.uri)} />
                    {o.label}
                  </label>
                ))}
              </details>
            );
          })}
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
      <SuggestedSkills
        suggestions={suggestions}
        addedWithoutScript={actionData && 'added' in actionData && typeof actionData.added === 'string' ? actionData.added : undefined}
      />
    </>
  );
}

/**
 * The skills of the occupations saved on this step, each a submit button of one
 * small form (intent add-skill): with JavaScript a fetcher posts it and the
 * page stays as it is; without, the form posts and the page comes back.
 */
function SuggestedSkills({
  suggestions,
  addedWithoutScript,
}: {
  suggestions: { uri: string; label: string; relation: 'essential' | 'optional' }[];
  addedWithoutScript?: string;
}) {
  const { t } = useTranslation('lookup');
  const fetcher = useFetcher<typeof action>();
  const lastResult = fetcher.data && 'addSkill' in fetcher.data ? fetcher.data.addSkill : undefined;
  const [form, fields] = useForm({ id: ADD_SKILL_FORM, lastResult });
  const added = fetcher.state === 'idle' && fetcher.data && 'added' in fetcher.data ? fetcher.data.added : addedWithoutScript;
  const error = fields.skill.errors?.[0] ?? form.errors?.[0];
  if (suggestions.length === 0) {
    return (
      <>
        {added ? (
          <p className="skill-suggestions__done" role="status">
            {t('suggestions.added', { skill: added })}
          </p>
        ) : null}
        <p className="hint">{t('suggestions.saveFirst')}</p>
      </>
    );
  }
  return (
    <>
      <SkillSuggestions
        suggestions={suggestions}
        title={t('suggestions.title')}
        hint={t('suggestions.hint')}
        essentialLabel={t('suggestions.essential')}
        optionalLabel={t('suggestions.optional')}
        status={
          added ? (
            <p className="skill-suggestions__done">{t('suggestions.added', { skill: added })}</p>
          ) : error ? (
            <p className="field__error">{t(`candidate:${error}`)}</p>
          ) : null
        }
        renderAdd={(skill) => (
          <button
            type="submit"
            form={form.id}
            name={fields.skill.name}
            value={skill.uri}
            className="skill-suggestions__add"
            disabled={fetcher.state !== 'idle'}
          >
            <Plus size={18} aria-hidden="true" />
            <bdi>{skill.label}</bdi>
          </button>
        )}
      />
      <fetcher.Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="add-skill" />
      </fetcher.Form>
      <p className="hint">{t('suggestions.saveFirst')}</p>
    </>
  );
}
