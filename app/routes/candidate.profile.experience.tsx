/** Step 2: jobs held before, and education; the skills that go with the ticked jobs, one click each. */
import { getFormProps, getInputProps, getTextareaProps, useForm } from '@conform-to/react';
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useFetcher, useLoaderData } from '@remix-run/react';
import { Plus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireUser } from '~/auth/session.server';
import candidateStyles from '~/candidates/candidate.css';
import experienceStyles from '~/candidates/experience.css';
import { occupationOptions, sectorOptions, skillLabel } from '~/candidates/labels.server';
import { addSkillSchema, experienceSchema } from '~/candidates/profile-schemas';
import { addSkill, loadOwnProfile, saveExperience } from '~/candidates/profile.server';
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
import { SkillSuggestions, skillSuggestionsStyles } from '~/components/skill-suggestions';
import { resolveLocale } from '~/i18n/i18next.server';
import { InvalidInput } from '~/lib/errors';
import { parseSubmission } from '~/lib/form-submission';
import { readFormData } from '~/lib/http.server';
import { suggestFromCatalogue } from '~/taxonomy/skill-suggestions';
import { suggestionCatalogueFor } from '~/taxonomy/skill-suggestions.server';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: candidateStyles },
  { rel: 'stylesheet', href: experienceStyles },
  { rel: 'stylesheet', href: skillSuggestionsStyles },
];

const STEP_FORM = 'experience';
const ADD_SKILL_FORM = 'add-suggested-skill';
const ADD_SKILL = 'add-skill';
/** How many suggested skills the page shows at once. */
const SUGGESTIONS = 16;

/**
 * The page's two forms, told apart by `intent`: the step itself (no intent,
 * as every step form sends, or 'save'), and one suggested skill added as it
 * is (intent add-skill; no years, no place learned: the skill step edits those).
 */
const experienceFormSchema = z.discriminatedUnion('intent', [
  experienceSchema.extend({ intent: z.literal('save').optional() }),
  z.object({ intent: z.literal(ADD_SKILL), skill: addSkillSchema.shape.skill }),
]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['candidate']);
  const lng = await resolveLocale(request, context);
  const profile = await loadOwnProfile(context.services, user);
  return {
    saved: new URL(request.url).searchParams.get('saved') === '1',
    occupations: occupationOptions(lng),
    sectors: sectorOptions(lng),
    held: profile.occupations.map((o) => o.occupation_uri),
    education: profile.candidate.education ?? '',
    have: profile.skills.map((s) => s.skill_uri),
    // Every occupation's skills, so that the suggestions follow the ticks before anything is saved.
    catalogue: suggestionCatalogueFor(lng),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['candidate']);
  const submission = parseSubmission(await readFormData(request), experienceFormSchema);
  if (submission.status === 'success' && submission.value.intent === ADD_SKILL) {
    const { skill } = submission.value;
    try {
      await addSkill(context.services, user, { skill });
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      return data({ addSkill: submission.reply({ fieldErrors: error.fields }) }, { status: 400 });
    }
    const lng = await resolveLocale(request, context);
    return data({ addSkill: submission.reply({ resetForm: true }), added: skillLabel(skill, lng) });
  }
  // A refused form has no value: what was sent says which form its errors belong to.
  if (submission.payload.intent === ADD_SKILL) return data({ addSkill: submission.reply() }, { status: 400 });
  return saveStep(
    submission,
    async (value) => {
      // Only the step itself gets here (the add-skill form is answered above).
      if (value.intent !== ADD_SKILL) await saveExperience(context.services, user, value);
    },
    { stay: stepPath.experience, next: nextStepPath('experience') },
  );
}

const asList = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string' && item !== '');

export default function ExperienceStep() {
  const { t } = useTranslation('candidate');
  const { occupations, sectors, held, education, saved, have, catalogue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: STEP_FORM,
    lastResult: actionData && !('addSkill' in actionData) ? actionData : undefined,
    defaultValue: { occupations: held, education },
  });
  const chosen = new Set(asList(fields.occupations.initialValue));
  // In the page's order, so that the page drawn on the server and in the browser agree.
  const ticked = new Set(asList(fields.occupations.value));
  const suggestions = suggestFromCatalogue(catalogue, {
    occupations: occupations.flatMap((o) => (ticked.has(o.uri) ? [o.uri] : [])),
    have,
    limit: SUGGESTIONS,
  });
  return (
    <>
      <StepHeader step="experience" />
      <Saved show={saved} />
      <ErrorSummary errors={form.allErrors} />
      <p>{t('experience.intro')}</p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <fieldset className="choice-grid" aria-describedby={errorIdIfAny(fields.occupations)}>
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
                    <input
                      {...getInputProps(fields.occupations, { type: 'checkbox', value: o.uri, ariaAttributes: false })}
                      id={`${fields.occupations.id}-${o.uri}`}
                    />
                    {o.label}
                  </label>
                ))}
              </details>
            );
          })}
          <FieldErrors meta={fields.occupations} />
        </fieldset>
        <div className="field">
          <label htmlFor={fields.education.id}>{t('experience.education')}</label>
          <FieldHint meta={fields.education}>{t('experience.educationHint')}</FieldHint>
          <textarea {...getTextareaProps(fields.education, { ariaDescribedBy: hintIdOf(fields.education) })} rows={3} />
          <FieldErrors meta={fields.education} />
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
 * The skills of the occupations ticked on this step, each a submit button of
 * one small form (intent add-skill): with JavaScript a fetcher posts it and
 * the page stays as it is, and the list follows the ticks at once; without,
 * the form posts and the page comes back, and the list follows a save.
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
  const saveFirst = (
    <noscript>
      <p className="hint">{t('suggestions.saveFirst')}</p>
    </noscript>
  );
  if (suggestions.length === 0) {
    return (
      <>
        {added ? (
          <p className="skill-suggestions__done" role="status">
            {t('suggestions.added', { skill: added })}
          </p>
        ) : null}
        {saveFirst}
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
        <input type="hidden" name="intent" value={ADD_SKILL} />
      </fetcher.Form>
      {saveFirst}
    </>
  );
}
