/**
 * The slot form, shared by "post a slot" and "edit": every field with its
 * message next to it, each scheme's rules explained, and each workplace's
 * room under the ratio rule. Skills come from the taxonomy through the skill
 * picker; without JavaScript a plain multiple select offers the same skills.
 */
import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { Form } from '@remix-run/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SkillPicker, type PickedSkill } from '~/components/skill-picker';
import type { Locale } from '~/taxonomy/taxonomy';
import { Field, FormErrors, useErrorText } from './form-ui';
import netJobsStyles from './net-jobs.css';
import type { SlotFormOptions } from './slot-form-options.server';
import { SlotSkillSuggestions, type SkillListName } from './slot-skill-suggestions';

/** The løntilskud questions' stylesheet, for the `links` of routes that render the slot form. */
export const slotFormStyles = netJobsStyles;

const CEFR = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
const TYPES = ['igu', 'praktik', 'loentilskud'] as const;

type Props = {
  options: SlotFormOptions;
  lang: Locale;
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: Record<string, string | string[] | undefined>;
  submits: Array<{ intent: string; label: string; primary?: boolean }>;
};

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' && value ? [value] : [];
}

export function SlotForm({ options, lang, lastResult, defaultValue, submits }: Props) {
  const { t } = useTranslation('employer');
  const { t: tLookup } = useTranslation('lookup');
  const { t: tNet } = useTranslation('netjobs');
  const errorText = useErrorText();
  const [form, fields] = useForm({ lastResult, defaultValue, shouldRevalidate: 'onBlur' });
  const skillLabel = new Map(options.skills.map((s) => [s.value, s.label]));
  const picked = (value: unknown) => asList(value).map((uri) => ({ uri, label: skillLabel.get(uri) ?? uri }));
  const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const languagesChosen = new Set(asList(fields.languages.initialValue));
  // The pickers' choices live here so that a suggested skill can join them.
  const [skills, setSkills] = useState<Record<SkillListName, PickedSkill[]>>(() => ({
    mustSkills: picked(fields.mustSkills.initialValue),
    niceSkills: picked(fields.niceSkills.initialValue),
  }));
  const addSkill = (list: SkillListName, skill: PickedSkill) =>
    setSkills((current) => (current[list].some((s) => s.uri === skill.uri) ? current : { ...current, [list]: [...current[list], skill] }));

  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      {lastResult?.status === 'error' ? <FormErrors errors={[t('errors.formInvalid')]} /> : null}

      <fieldset aria-describedby={fields.type.errors ? fields.type.errorId : undefined}>
        <legend>{t('fields.type')}</legend>
        {TYPES.map((type) => (
          <div key={type} className="field">
            <label>
              <input type="radio" name={fields.type.name} value={type} defaultChecked={str(fields.type.initialValue) === type} /> {t(`types.${type}`)}
            </label>
            <p className="hint">{t(`typeHelp.${type}`)}</p>
          </div>
        ))}
        {fields.type.errors ? (
          <p id={fields.type.errorId} className="field__error">
            {t('errors.choose')}
          </p>
        ) : null}
      </fieldset>

      <Field meta={fields.workplaceId} label={t('fields.workplace')}>
        {(p) => (
          <select {...p} defaultValue={str(fields.workplaceId.initialValue)}>
            {options.workplaces.map((w) => (
              <option key={w.value} value={w.value}>
                {w.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ul className="hint">
        {options.workplaces.map((w) => (
          <li key={w.value}>{t('slot.ratioFor', { workplace: w.label, remaining: w.ratio.remaining, capacity: w.ratio.capacity })}</li>
        ))}
      </ul>

      <Field meta={fields.title} label={t('fields.title')}>
        {(p) => <input {...p} type="text" defaultValue={str(fields.title.initialValue)} />}
      </Field>
      <Field meta={fields.occupationUri} label={t('fields.occupation')}>
        {(p) => (
          <select {...p} defaultValue={str(fields.occupationUri.initialValue) ?? ''}>
            <option value="">{t('fields.occupationNone')}</option>
            {options.occupations.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field meta={fields.description} label={t('fields.description')}>
        {(p) => <textarea {...p} rows={5} defaultValue={str(fields.description.initialValue)} />}
      </Field>

      {(['mustSkills', 'niceSkills'] as const).map((name) => (
        <div key={name} className="field">
          <SkillPicker
            name={name}
            label={t(`fields.${name}`)}
            lang={lang}
            description={t('fields.skillsHint')}
            value={skills[name]}
            onChange={(value) => setSkills((current) => ({ ...current, [name]: value }))}
            selectedLabel={tLookup('picker.chosen')}
            removeLabel={(skill) => tLookup('picker.remove', { skill })}
            noResultsLabel={tLookup('picker.noResults')}
            loadingLabel={tLookup('picker.loading')}
          />
          <noscript>
            <label htmlFor={`${name}-fallback`}>{t(`fields.${name}`)}</label>
            <select id={`${name}-fallback`} name={name} multiple size={8} defaultValue={asList(fields[name].initialValue)}>
              {options.skills.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
            <p className="hint">{t('fields.skillsNoScriptHint')}</p>
          </noscript>
          {fields[name].allErrors && Object.keys(fields[name].allErrors).length > 0 ? (
            <p className="field__error">{[...new Set(Object.values(fields[name].allErrors).flat())].map((key) => t(`errors.${key}`)).join(' ')}</p>
          ) : null}
        </div>
      ))}

      <SlotSkillSuggestions
        form={form}
        options={options}
        occupationUri={str(fields.occupationUri.value) ?? str(fields.occupationUri.initialValue)}
        chosen={{ mustSkills: skills.mustSkills.map((s) => s.uri), niceSkills: skills.niceSkills.map((s) => s.uri) }}
        onAdd={addSkill}
      />

      <fieldset>
        <legend>{t('fields.danish')}</legend>
        {(['danishSpoken', 'danishWritten'] as const).map((name) => (
          <Field key={name} meta={fields[name]} label={t(`fields.${name}`)}>
            {(p) => (
              <select {...p} defaultValue={str(fields[name].initialValue) ?? ''}>
                <option value="">{t('fields.danishNone')}</option>
                {CEFR.map((level) => (
                  <option key={level} value={level}>
                    {level}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
        <Field meta={fields.danishProgramme} label={t('fields.danishProgramme')}>
          {(p) => (
            <select {...p} defaultValue={str(fields.danishProgramme.initialValue) ?? ''}>
              <option value="">{t('fields.danishNone')}</option>
              {['DU1', 'DU2', 'DU3'].map((programme) => (
                <option key={programme} value={programme}>
                  {programme}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field meta={fields.danishModule} label={t('fields.danishModule')}>
          {(p) => <input {...p} type="number" min={1} max={6} dir="ltr" defaultValue={str(fields.danishModule.initialValue)} />}
        </Field>
        <Field meta={fields.danishWithinMonths} label={t('fields.danishWithinMonths')} hint={t('fields.danishWithinMonthsHint')}>
          {(p) => <input {...p} type="number" min={1} max={24} dir="ltr" defaultValue={str(fields.danishWithinMonths.initialValue)} />}
        </Field>
      </fieldset>

      <fieldset>
        <legend>{t('fields.languages')}</legend>
        <p className="hint">{t('fields.languagesHint')}</p>
        {options.languages.map((l) => (
          <label key={l.value} className="checkbox">
            <input type="checkbox" name={fields.languages.name} value={l.value} defaultChecked={languagesChosen.has(l.value)} /> {l.label}
          </label>
        ))}
        {fields.languages.allErrors && Object.keys(fields.languages.allErrors).length > 0 ? (
          <p className="field__error">{t('errors.languageUnknown')}</p>
        ) : null}
      </fieldset>

      <Field meta={fields.positions} label={t('fields.positions')}>
        {(p) => <input {...p} type="number" min={1} max={100} dir="ltr" defaultValue={str(fields.positions.initialValue) ?? '1'} />}
      </Field>
      <Field meta={fields.startDate} label={t('fields.startDate')}>
        {(p) => <input {...p} type="date" dir="ltr" defaultValue={str(fields.startDate.initialValue)} />}
      </Field>
      <Field meta={fields.weeks} label={t('fields.weeks')}>
        {(p) => <input {...p} type="number" min={1} max={104} dir="ltr" defaultValue={str(fields.weeks.initialValue)} />}
      </Field>
      <Field meta={fields.hoursPerWeek} label={t('fields.hoursPerWeek')}>
        {(p) => <input {...p} type="number" min={1} max={48} step={0.5} dir="ltr" defaultValue={str(fields.hoursPerWeek.initialValue)} />}
      </Field>
      <div className="field">
        <label>
          <input type="checkbox" name={fields.mentor.name} defaultChecked={str(fields.mentor.initialValue) === 'on'} /> {t('fields.mentor')}
        </label>
      </div>
      <Field meta={fields.payBasis} label={t('fields.payBasis')} hint={t('fields.payBasisHint')}>
        {(p) => <input {...p} type="text" defaultValue={str(fields.payBasis.initialValue)} />}
      </Field>

      <fieldset className="net-jobs" aria-describedby="net-jobs-intro">
        <legend>{tNet('form.legend')}</legend>
        <p id="net-jobs-intro" className="hint">
          {tNet('form.intro')}
        </p>
        <Field meta={fields.netJobsFteNow} label={tNet('form.fteNow')} hint={tNet('form.fteHint')}>
          {(p) => <input {...p} type="text" inputMode="decimal" dir="ltr" defaultValue={str(fields.netJobsFteNow.initialValue)} />}
        </Field>
        <Field meta={fields.netJobsFte12mAgo} label={tNet('form.fte12mAgo')}>
          {(p) => <input {...p} type="text" inputMode="decimal" dir="ltr" defaultValue={str(fields.netJobsFte12mAgo.initialValue)} />}
        </Field>
        <fieldset aria-describedby={fields.netJobsFillsVacancy.errors ? fields.netJobsFillsVacancy.errorId : 'net-jobs-vacancy-hint'}>
          <legend>{tNet('form.fillsVacancy')}</legend>
          <p id="net-jobs-vacancy-hint" className="hint">
            {tNet('form.fillsVacancyHint')}
          </p>
          <div className="choice">
            {(['yes', 'no'] as const).map((answer) => (
              <label key={answer}>
                <input
                  type="radio"
                  name={fields.netJobsFillsVacancy.name}
                  value={answer}
                  defaultChecked={str(fields.netJobsFillsVacancy.initialValue) === answer}
                />{' '}
                {tNet(`form.${answer}`)}
              </label>
            ))}
          </div>
          {fields.netJobsFillsVacancy.errors ? (
            <p id={fields.netJobsFillsVacancy.errorId} className="field__error">
              {fields.netJobsFillsVacancy.errors.map(errorText).join(' ')}
            </p>
          ) : null}
        </fieldset>
        <div className="net-jobs__vacated">
          <Field meta={fields.netJobsVacatedOn} label={tNet('form.vacatedOn')} hint={tNet('form.vacatedOnHint')}>
            {(p) => <input {...p} type="date" dir="ltr" defaultValue={str(fields.netJobsVacatedOn.initialValue)} />}
          </Field>
        </div>
      </fieldset>

      <div>
        {submits.map((submit) => (
          <button
            key={submit.intent}
            type="submit"
            name="intent"
            value={submit.intent}
            className={submit.primary ? 'button' : 'button button--quiet'}
            aria-describedby={fields.intent.errors ? fields.intent.errorId : undefined}
          >
            {submit.label}
          </button>
        ))}
        {/* Only a form sent by something other than these buttons gets here (an intent none of them has). */}
        {fields.intent.errors ? (
          <p id={fields.intent.errorId} className="field__error">
            {fields.intent.errors.map(errorText).join(' ')}
          </p>
        ) : null}
      </div>
    </Form>
  );
}
