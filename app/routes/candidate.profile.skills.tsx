/**
 * Step 1: skills, found by typing in any of the four languages (typos allowed), with years and where learned.
 * When nothing fits, the candidate keeps their own words; the jobcentre maps them to a skill or leaves them (issue 25, item 4).
 */
import { getFormProps, getInputProps, getSelectProps, useForm, type FieldMetadata, type SubmissionResult } from '@conform-to/react';
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireUser } from '~/auth/session.server';
import candidateStyles from '~/candidates/candidate.css';
import { MAX_FREE_SKILLS, MAX_FREE_SKILL_LENGTH } from '~/candidates/free-skills';
import { addFreeSkill, loadOwnFreeSkills, removeFreeSkill } from '~/candidates/free-skills.server';
import { skillLabel } from '~/candidates/labels.server';
import { learnedWhere } from '~/candidates/profile-schemas';
import { addSkill, loadOwnProfile, removeSkill } from '~/candidates/profile.server';
import { ErrorSummary, Saved, StepHeader, nextStepPath, stepPath } from '~/candidates/ui';
import { resolveLocale } from '~/i18n/i18next.server';
import { InvalidInput } from '~/lib/errors';
import { parseSubmission } from '~/lib/form-submission';
import { readFormData } from '~/lib/http.server';
import { ArrowLeft, ArrowRight, Check, Hourglass, MessageSquareText, Plus, Search, X } from 'lucide-react';
import { lookupTaxonomy } from '~/taxonomy/lookup';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: candidateStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['candidate']);
  const lng = await resolveLocale(request, context);
  const url = new URL(request.url);
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
  const [profile, freeSkills] = await Promise.all([loadOwnProfile(context.services, user), loadOwnFreeSkills(context.services, user)]);
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
    kept: url.searchParams.get('kept') === '1',
    skills: profile.skills.map((skill) => ({ ...skill, label: skillLabel(skill.skill_uri, lng) })),
    freeSkills: freeSkills.map((row) => ({
      id: row.id,
      text: row.text,
      lang: row.lang,
      status: row.status,
      mappedLabel: row.mapped_skill_uri ? skillLabel(row.mapped_skill_uri, lng) : null,
    })),
  };
}

/** Which form on the page was sent: its answer (errors, what was typed) goes back to that form only. */
const formId = z
  .string()
  .regex(/^[a-z]+(-[A-Za-z0-9:/._-]+)?$/)
  .max(200);

/** The shape of each form; what the values mean (a known skill, years 0–60, …) is the domain's to check. */
const stepFormSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('add'), formId, skill: z.string(), years: z.string().optional(), where: z.string().optional() }),
  z.object({ intent: z.literal('remove'), formId, skill: z.string() }),
  z.object({ intent: z.literal('own'), formId, text: z.string({ message: 'skills:own.errors.required' }) }),
  z.object({ intent: z.literal('removeOwn'), formId, freeSkill: z.string() }),
]);

export type StepAnswer = { formId: string; result: SubmissionResult<string[]> };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['candidate']);
  const submission = parseSubmission(await readFormData(request), stepFormSchema);
  // Read from what was sent, so that a form whose fields are refused still gets its answer.
  const sentBy = typeof submission.payload.formId === 'string' ? submission.payload.formId : '';
  if (submission.status !== 'success') return data<StepAnswer>({ formId: sentBy, result: submission.reply() }, { status: 400 });
  const input = submission.value;
  const { services } = context;
  try {
    switch (input.intent) {
      case 'add':
        await addSkill(services, user, { skill: input.skill, years: input.years, where: input.where });
        break;
      case 'remove':
        await removeSkill(services, user, { skill: input.skill });
        break;
      case 'own':
        await addFreeSkill(services, user, { text: input.text, lang: await resolveLocale(request, context) });
        return redirect(`${stepPath.skills}?kept=1`);
      case 'removeOwn':
        await removeFreeSkill(services, user, { freeSkill: input.freeSkill });
        break;
    }
  } catch (error) {
    if (!(error instanceof InvalidInput)) throw error;
    return data<StepAnswer>({ formId: sentBy, result: submission.reply({ fieldErrors: error.fields }) }, { status: 400 });
  }
  return redirect(`${stepPath.skills}?saved=1`);
}

type StepFields = Record<string, FieldMetadata<string, Record<string, string>, string[]>>;

/**
 * A form of this page: Conform's form and fields (ids that tie each control
 * to its message, what was typed), with the action's answer only when it was
 * this form that was sent.
 */
function StepForm({
  id,
  defaultValue,
  className,
  children,
}: {
  id: string;
  defaultValue?: Record<string, string>;
  className: string;
  children: (fields: StepFields) => ReactNode;
}) {
  const answer = useActionData<typeof action>();
  const lastResult = answer?.formId === id ? answer.result : undefined;
  const [form, fields] = useForm<Record<string, string>>({ id, lastResult, defaultValue });
  return (
    <Form method="post" className={className} {...getFormProps(form)}>
      <input type="hidden" name="formId" value={id} />
      {children(fields)}
    </Form>
  );
}

/** A field's messages, under the id its control's aria-describedby names. */
function Errors({ meta }: { meta: FieldMetadata<string, Record<string, string>, string[]> }) {
  const { t } = useTranslation(['candidate', 'skills']);
  if (!meta.errors?.length) return null;
  return (
    <p id={meta.errorId} className="field__error">
      {meta.errors.map((key) => t(key, { count: MAX_FREE_SKILLS })).join(' ')}
    </p>
  );
}

export default function SkillsStep() {
  const { t, i18n } = useTranslation(['candidate', 'skills']);
  const Next = i18n.dir() === 'rtl' ? ArrowLeft : ArrowRight;
  const { q, results, skills, freeSkills, saved, kept } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <>
      <StepHeader step="skills" />
      <Saved show={saved} />
      {kept ? (
        <p role="status" className="notice">
          {t('skills:own.kept')}
        </p>
      ) : null}
      <ErrorSummary
        errors={
          answer?.result.error ? Object.fromEntries(Object.entries(answer.result.error).map(([name, messages]) => [name, messages ?? []])) : undefined
        }
      />
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
                  <StepForm id={`result-${result.uri}`} className="button-row">
                    {() => (
                      <>
                        <input type="hidden" name="skill" value={result.uri} />
                        <span>{result.label}</span>
                        {/* The visible word starts the accessible name (WCAG 2.5.3); the skill's name follows for screen readers. */}
                        <button type="submit" name="intent" value="add" className="button icon-text">
                          <Plus aria-hidden="true" size={18} />
                          {t('skills.add')}
                          <span className="visually-hidden">{` ${result.label}`}</span>
                        </button>
                      </>
                    )}
                  </StepForm>
                </li>
              ))}
            </ul>
          )}
          <OwnWords q={q} nothingFound={results.length === 0} />
        </section>
      ) : null}
      <section aria-labelledby="mine-title">
        <h2 id="mine-title">{t('skills.mine')}</h2>
        {skills.length === 0 && freeSkills.length === 0 ? <p>{t('skills.none')}</p> : null}
        <ul className="plain-list">
          {skills.map((skill) => (
            <li key={skill.skill_uri} className="item">
              <h3>{skill.label}</h3>
              <StepForm
                id={`skill-${skill.skill_uri}`}
                className="form"
                defaultValue={{ years: skill.years === null ? '' : String(skill.years), where: skill.learned_where ?? '' }}
              >
                {(fields) => (
                  <>
                    <input type="hidden" name="skill" value={skill.skill_uri} />
                    <div className="field">
                      <label htmlFor={fields.years.id}>{t('skills.years')}</label>
                      <input {...getInputProps(fields.years, { type: 'text' })} inputMode="decimal" />
                      <Errors meta={fields.years} />
                    </div>
                    <div className="field">
                      <label htmlFor={fields.where.id}>{t('skills.where')}</label>
                      <select {...getSelectProps(fields.where)} defaultValue={fields.where.initialValue ?? ''}>
                        {['', ...learnedWhere].map((where) => (
                          <option key={where} value={where}>
                            {t(`skills.whereOptions.${where}`)}
                          </option>
                        ))}
                      </select>
                      <Errors meta={fields.where} />
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
                  </>
                )}
              </StepForm>
            </li>
          ))}
          {freeSkills.map((free) => (
            <li key={free.id} className="item free-skill">
              <h3>
                <MessageSquareText aria-hidden="true" size={18} />{' '}
                <bdi lang={free.lang} dir="auto">
                  {free.text}
                </bdi>
              </h3>
              <p className="free-skill__status">
                {free.status === 'open' ? <Hourglass aria-hidden="true" size={16} /> : <Check aria-hidden="true" size={16} />}{' '}
                {free.status === 'open'
                  ? t('skills:own.waiting')
                  : free.status === 'mapped'
                    ? t('skills:own.mapped', { label: free.mappedLabel })
                    : t('skills:own.left')}
              </p>
              <StepForm id={`own-${free.id}`} className="button-row">
                {() => (
                  <>
                    <input type="hidden" name="freeSkill" value={free.id} />
                    <button type="submit" name="intent" value="removeOwn" className="button button--quiet icon-text">
                      <X aria-hidden="true" size={18} />
                      {t('skills:own.remove')}
                      <span className="visually-hidden">{` ${free.text}`}</span>
                    </button>
                  </>
                )}
              </StepForm>
            </li>
          ))}
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

/** Keep what the candidate typed when the list has nothing that fits (prefilled with the search). */
function OwnWords({ q, nothingFound }: { q: string; nothingFound: boolean }) {
  const { t } = useTranslation(['candidate', 'skills']);
  return (
    <div className="own-words">
      <h3 id="own-title">{t('skills:own.title')}</h3>
      <p>{nothingFound ? t('skills:own.noneFound') : t('skills:own.intro')}</p>
      <StepForm id="own" className="form" defaultValue={{ text: q }}>
        {(fields) => (
          <>
            <div className="field">
              <label htmlFor={fields.text.id}>{t('skills:own.label')}</label>
              <input {...getInputProps(fields.text, { type: 'text' })} maxLength={MAX_FREE_SKILL_LENGTH} dir="auto" />
              <Errors meta={fields.text} />
            </div>
            <div>
              <button type="submit" name="intent" value="own" className="button icon-text">
                <MessageSquareText aria-hidden="true" size={18} />
                {t('skills:own.keep')}
              </button>
            </div>
          </>
        )}
      </StepForm>
    </div>
  );
}
