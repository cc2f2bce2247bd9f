/**
 * What-if on a slot (issue 24, item 6): the consultant changes the Danish
 * requirement, the skills or the start date and sees, beside the ranking
 * now, the ranking the matcher would give with the changes, each candidate's
 * movement and the matcher's reasons. A GET form: the URL holds the changes,
 * and nothing is stored.
 */
import { getFormProps, useForm } from '@conform-to/react';
import { data, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireUser } from '~/auth/session.server';
import { SkillPicker, skillPickerStyles } from '~/components/skill-picker';
import { resolveLocale } from '~/i18n/i18next.server';
import { httpStatusOf } from '~/lib/errors';
import { parseSubmission } from '~/lib/form-submission';
import { cefrLevels } from '~/taxonomy/language-levels';
import { factsFromQuery, whatIfQuerySchema, type SlotFacts } from '~/workbench/what-if';
import { slotWhatIf, type RankedCandidate } from '~/workbench/what-if.server';
import { WhatIfRankings, type RankingRow } from '~/workbench/what-if-rankings';
import { reasonSentence } from '~/workbench/reason-sentence.server';
import { skillLabel } from '~/candidates/labels.server';
import workbenchStyles from '~/workbench/workbench.css';
import whatIfStyles from '~/workbench/what-if.css';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: workbenchStyles },
  { rel: 'stylesheet', href: skillPickerStyles },
  { rel: 'stylesheet', href: whatIfStyles },
];

const params = z.object({ slotId: z.uuid() });

export async function loader({ request, context, params: routeParams }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  const parsed = params.safeParse(routeParams);
  if (!parsed.success) throw new Response('Not found', { status: 404 });
  const url = new URL(request.url);
  // The first visit has no query: the form starts from the slot as it is.
  const submission = url.searchParams.size > 0 ? parseSubmission(url.searchParams, whatIfQuerySchema) : null;
  const tried = submission?.status === 'success' ? factsFromQuery(submission.value) : null;
  const [result, lng] = await Promise.all([
    slotWhatIf(context.services, user, parsed.data.slotId, tried).catch((error: unknown) => {
      // A slot the jobcentre may not look at, or none: a refusal, not a server error.
      const status = httpStatusOf(error);
      if (status === 500) throw error;
      throw new Response(null, { status });
    }),
    resolveLocale(request, context),
  ]);
  const rows = (ranked: RankedCandidate[]): RankingRow[] =>
    ranked.map((candidate) => ({
      candidateId: candidate.candidateId,
      name: candidate.name,
      rank: candidate.rank,
      score: candidate.score,
      reasons: candidate.reasons.map((reason) => reasonSentence(reason, lng)),
      proposal: candidate.proposal,
      pooled: candidate.pooled,
      movement: result.movements.get(candidate.candidateId) ?? { kind: 'same' },
    }));
  const labelled = (facts: SlotFacts) => ({
    ...facts,
    mustSkills: facts.mustSkills.map((uri) => ({ uri, label: skillLabel(uri, lng) })),
    niceSkills: facts.niceSkills.map((uri) => ({ uri, label: skillLabel(uri, lng) })),
  });
  return data(
    {
      lng,
      slot: result.slot,
      now: labelled(result.now),
      tried: result.tried && labelled(result.tried),
      current: rows(result.current),
      whatIf: result.whatIf && rows(result.whatIf),
      dropped: result.dropped.map((candidate) => ({ ...candidate, exclusion: candidate.exclusion && reasonSentence(candidate.exclusion, lng) })),
      top: result.top,
      lastResult: submission && submission.status !== 'success' ? submission.reply() : null,
    },
    { status: submission && submission.status !== 'success' ? 400 : 200 },
  );
}

type LabelledFacts = ReturnType<typeof useLoaderData<typeof loader>>['now'];

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' && value ? [value] : [];
}

export default function SlotWhatIfPage() {
  const { t } = useTranslation('whatif');
  const { t: tc } = useTranslation('consultant');
  const { t: tLookup } = useTranslation('lookup');
  const { lng, slot, now, tried, current, whatIf, dropped, top, lastResult } = useLoaderData<typeof loader>();
  const location = useLocation();
  const shown: LabelledFacts = tried ?? now;
  const [form, fields] = useForm({
    // A new form per navigation: each answer's tried values (or the slot's) become the fields' values.
    id: `what-if-${location.key}`,
    lastResult,
    defaultValue: {
      danishSpoken: shown.danishSpoken ?? '',
      danishWritten: shown.danishWritten ?? '',
      mustSkills: shown.mustSkills.map((skill) => skill.uri),
      niceSkills: shown.niceSkills.map((skill) => skill.uri),
      startDate: shown.startDate,
    },
  });
  const labelOf = new Map([...now.mustSkills, ...now.niceSkills, ...shown.mustSkills, ...shown.niceSkills].map((s) => [s.uri, s.label]));
  const picked = (value: unknown) => asList(value).map((uri) => ({ uri, label: labelOf.get(uri) ?? uri }));
  const str = (value: unknown) => (typeof value === 'string' ? value : '');
  const errorText = (errors: string[] | undefined) =>
    [...new Set(errors ?? [])].map((key) => t(`errors.${key}`, { defaultValue: t('errors.invalid') })).join(' ');
  const listErrors = (all: Record<string, string[]> | undefined) => errorText(Object.values(all ?? {}).flat());
  const danishText = (level: string | null) => level ?? t('form.noRequirement');
  const skillsText = (skills: LabelledFacts['mustSkills']) => (skills.length === 0 ? t('form.none') : skills.map((s) => s.label).join(', '));

  const changes: string[] = [];
  if (tried) {
    if (tried.danishSpoken !== now.danishSpoken)
      changes.push(t('changes.danishSpoken', { from: danishText(now.danishSpoken), to: danishText(tried.danishSpoken) }));
    if (tried.danishWritten !== now.danishWritten)
      changes.push(t('changes.danishWritten', { from: danishText(now.danishWritten), to: danishText(tried.danishWritten) }));
    if (skillsText(tried.mustSkills) !== skillsText(now.mustSkills))
      changes.push(t('changes.mustSkills', { from: skillsText(now.mustSkills), to: skillsText(tried.mustSkills) }));
    if (skillsText(tried.niceSkills) !== skillsText(now.niceSkills))
      changes.push(t('changes.niceSkills', { from: skillsText(now.niceSkills), to: skillsText(tried.niceSkills) }));
    if (tried.startDate !== now.startDate) changes.push(t('changes.startDate', { from: now.startDate, to: tried.startDate }));
  }

  return (
    <div className="workbench what-if">
      <p>
        <Link to="/consultant">{tc('proposal.back')}</Link>
      </p>
      <h1 className="queue-title">{t('title', { slot: slot.title })}</h1>
      <p>
        {slot.organisationName} · {tc(`scheme.${slot.type}`)}
      </p>
      <p className="hint">{t('lead', { top })}</p>

      <Form method="get" key={location.key} className="what-if-form" {...getFormProps(form)}>
        {lastResult ? (
          <p role="alert" className="alert">
            {t('errors.form')}
          </p>
        ) : null}
        <fieldset className="what-if-form__danish">
          <legend>{t('form.danish')}</legend>
          {(['danishSpoken', 'danishWritten'] as const).map((name) => (
            <div key={name} className="field">
              <label htmlFor={fields[name].id}>{t(`form.${name}`)}</label>
              <select
                id={fields[name].id}
                name={fields[name].name}
                defaultValue={str(fields[name].initialValue)}
                aria-invalid={fields[name].errors ? true : undefined}
                aria-describedby={fields[name].errors ? fields[name].errorId : undefined}
              >
                <option value="">{t('form.noRequirement')}</option>
                {cefrLevels.map((level) => (
                  <option key={level} value={level}>
                    {level}
                  </option>
                ))}
              </select>
              <p className="hint">{t('form.nowIs', { value: danishText(now[name]) })}</p>
              {fields[name].errors ? (
                <p id={fields[name].errorId} className="field__error">
                  {errorText(fields[name].errors)}
                </p>
              ) : null}
            </div>
          ))}
        </fieldset>
        {(['mustSkills', 'niceSkills'] as const).map((name) => (
          <div key={name} className="field what-if-form__skills">
            <SkillPicker
              name={name}
              label={t(`form.${name}`)}
              lang={lng}
              description={t('form.nowIs', { value: skillsText(now[name]) })}
              defaultValue={picked(fields[name].initialValue)}
              selectedLabel={tLookup('picker.chosen')}
              removeLabel={(skill) => tLookup('picker.remove', { skill })}
              noResultsLabel={tLookup('picker.noResults')}
              loadingLabel={tLookup('picker.loading')}
            />
            {fields[name].allErrors && Object.keys(fields[name].allErrors).length > 0 ? (
              <p id={fields[name].errorId} className="field__error">
                {listErrors(fields[name].allErrors)}
              </p>
            ) : null}
          </div>
        ))}
        <div className="field">
          <label htmlFor={fields.startDate.id}>{t('form.startDate')}</label>
          <input
            id={fields.startDate.id}
            name={fields.startDate.name}
            type="date"
            dir="ltr"
            defaultValue={str(fields.startDate.initialValue)}
            aria-invalid={fields.startDate.errors ? true : undefined}
            aria-describedby={fields.startDate.errors ? fields.startDate.errorId : undefined}
          />
          <p className="hint">{t('form.nowIs', { value: now.startDate })}</p>
          {fields.startDate.errors ? (
            <p id={fields.startDate.errorId} className="field__error">
              {errorText(fields.startDate.errors)}
            </p>
          ) : null}
        </div>
        <div className="what-if-form__actions">
          <button type="submit" className="button">
            {t('form.submit')}
          </button>
          <Link to={location.pathname}>{t('form.reset')}</Link>
        </div>
      </Form>

      {tried ? (
        <section aria-labelledby="changes-heading" className="what-if-changes">
          <h2 id="changes-heading">{t('changes.heading')}</h2>
          <ul>
            {changes.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
          <p className="hint">{t('changes.nothingSaved')}</p>
        </section>
      ) : !lastResult ? (
        <p className="hint">{t('changes.none')}</p>
      ) : null}

      <WhatIfRankings current={current} whatIf={whatIf} dropped={dropped} />
    </div>
  );
}
