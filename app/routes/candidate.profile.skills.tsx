/** Step 1: skills, found by typing in any of the four languages (typos allowed), with years and where learned. */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import candidateStyles from '~/candidates/candidate.css';
import { skillLabel } from '~/candidates/labels.server';
import { learnedWhere } from '~/candidates/profile-schemas';
import { addSkill, loadOwnProfile, removeSkill } from '~/candidates/profile.server';
import { readForm, runStep, type StepFailure } from '~/candidates/step-action.server';
import { ErrorSummary, FieldError, Saved, StepHeader, nextStepPath, stepPath } from '~/candidates/ui';
import { resolveLocale } from '~/i18n/i18next.server';
import { ArrowLeft, ArrowRight, Plus, Search, X } from 'lucide-react';
import { lookupTaxonomy } from '~/taxonomy/lookup';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: candidateStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['candidate']);
  const lng = await resolveLocale(request, context);
  const url = new URL(request.url);
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
  const profile = await loadOwnProfile(context.services, user);
  const own = new Set(profile.skills.map((skill) => skill.skill_uri));
  const results = q
    ? lookupTaxonomy({ q, lang: lng, kinds: ['skill'], limit: 8 })
        .filter((result) => !own.has(result.uri))
        .map((result) => ({ uri: result.uri, label: result.label }))
    : null;
  return {
    q,
    results,
    saved: url.searchParams.get('saved') === '1',
    skills: profile.skills.map((skill) => ({ ...skill, label: skillLabel(skill.skill_uri, lng) })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['candidate']);
  const form = await readForm(request);
  const skill = typeof form.skill === 'string' ? form.skill : '';
  const save =
    form.intent === 'remove'
      ? () => removeSkill(context.services, user, { skill })
      : () => addSkill(context.services, user, { skill, years: form.years, where: form.where });
  return runStep(form, save, { stay: stepPath.skills, next: `${stepPath.skills}?saved=1` });
}

export default function SkillsStep() {
  const { t, i18n } = useTranslation('candidate');
  const Next = i18n.dir() === 'rtl' ? ArrowLeft : ArrowRight;
  const { q, results, skills, saved } = useLoaderData<typeof loader>();
  const failure: StepFailure | undefined = useActionData<typeof action>();
  const [params] = useSearchParams();
  const failedSkill = typeof failure?.values.skill === 'string' ? failure.values.skill : null;
  return (
    <>
      <StepHeader step="skills" />
      <Saved show={saved} />
      <ErrorSummary errors={failure?.errors} />
      <p>{t('skills.intro')}</p>
      <Form method="get" className="form" role="search">
        <div className="field">
          <label htmlFor="skill-search">{t('skills.search')}</label>
          <input id="skill-search" name="q" type="search" defaultValue={q || params.get('q') || ''} autoComplete="off" />
        </div>
        <div>
          <button type="submit" className="button icon-text">
            <Search aria-hidden="true" size={18} />
            {t('skills.searchButton')}
          </button>
        </div>
      </Form>
      {results ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title">{t('skills.results')}</h2>
          {results.length === 0 ? (
            <p role="status">{t('skills.noResults')}</p>
          ) : (
            <ul className="plain-list">
              {results.map((result) => (
                <li key={result.uri} className="item">
                  <Form method="post" className="button-row">
                    <input type="hidden" name="skill" value={result.uri} />
                    <input type="hidden" name="then" value="stay" />
                    <span>{result.label}</span>
                    {/* The visible word starts the accessible name (WCAG 2.5.3); the skill's name follows for screen readers. */}
                    <button type="submit" name="intent" value="add" className="button icon-text">
                      <Plus aria-hidden="true" size={18} />
                      {t('skills.add')}
                      <span className="visually-hidden">{` ${result.label}`}</span>
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <section aria-labelledby="mine-title">
        <h2 id="mine-title">{t('skills.mine')}</h2>
        {skills.length === 0 ? <p>{t('skills.none')}</p> : null}
        <ul className="plain-list">
          {skills.map((skill, i) => {
            const errors = failedSkill === skill.skill_uri ? failure?.errors : undefined;
            return (
              <li key={skill.skill_uri} className="item">
                <h3>{skill.label}</h3>
                <Form method="post" className="form">
                  <input type="hidden" name="skill" value={skill.skill_uri} />
                  <input type="hidden" name="then" value="stay" />
                  <div className="field">
                    <label htmlFor={`years-${i}`}>{t('skills.years')}</label>
                    <input
                      id={`years-${i}`}
                      name="years"
                      inputMode="decimal"
                      defaultValue={skill.years ?? ''}
                      aria-invalid={errors?.years ? true : undefined}
                      aria-describedby={errors?.years ? `field-years-error` : undefined}
                    />
                    <FieldError name="years" errors={errors} />
                  </div>
                  <div className="field">
                    <label htmlFor={`where-${i}`}>{t('skills.where')}</label>
                    <select id={`where-${i}`} name="where" defaultValue={skill.learned_where ?? ''}>
                      {['', ...learnedWhere].map((where) => (
                        <option key={where} value={where}>
                          {t(`skills.whereOptions.${where}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="button-row">
                    <button type="submit" name="intent" value="add" className="button">
                      {t('step.save')}
                    </button>
                    <button type="submit" name="intent" value="remove" className="button button--quiet icon-text">
                      <X aria-hidden="true" size={18} />
                      {t('skills.remove')}
                      <span className="visually-hidden">{` ${skill.label}`}</span>
                    </button>
                  </div>
                </Form>
              </li>
            );
          })}
        </ul>
      </section>
      <Form method="get" action={nextStepPath('skills')}>
        <button type="submit" className="button icon-text">
          {t('step.next')}
          <Next aria-hidden="true" size={18} />
        </button>
      </Form>
    </>
  );
}
