/** Step 3: Danish as DU programme + module or test (mapped to CEFR), and other languages with spoken and written levels. */
import { getFormProps, useForm, type FieldMetadata } from '@conform-to/react';
import { getSingleSelectProps } from '~/components/single-select';
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import candidateStyles from '~/candidates/candidate.css';
import { languageOptions } from '~/candidates/labels.server';
import { loadOwnProfile, saveLanguages } from '~/candidates/profile.server';
import { languagesSchema } from '~/candidates/profile-schemas';
import { saveStep } from '~/candidates/step-action.server';
import { ErrorSummary, FieldErrors, Saved, StepButtons, StepHeader, nextStepPath, stepPath } from '~/candidates/ui';
import { resolveLocale } from '~/i18n/i18next.server';
import { parseSubmission } from '~/lib/form-submission';
import { readFormData } from '~/lib/http.server';
import { cefrLevels, danishProgrammes, danishTests, languageEvidence } from '~/taxonomy/language-levels';
import { MessageCircle, PenLine } from 'lucide-react';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: candidateStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['candidate']);
  const lng = await resolveLocale(request, context);
  const { candidate, languages } = await loadOwnProfile(context.services, user);
  return {
    saved: new URL(request.url).searchParams.get('saved') === '1',
    options: languageOptions(lng),
    danish: {
      programme: candidate.danish_programme ?? '',
      module: candidate.danish_module === null ? '' : String(candidate.danish_module),
      test: candidate.danish_test ?? '',
      evidence: candidate.danish_evidence ?? 'self_reported',
      spoken: candidate.danish_spoken,
      written: candidate.danish_written,
    },
    languages: languages
      .filter((language) => language.code !== 'da')
      .map((language) => ({ code: language.code, spoken: language.spoken, written: language.written ?? '', mother: language.is_mother_tongue })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['candidate']);
  const submission = parseSubmission(await readFormData(request), languagesSchema);
  return saveStep(submission, (languages) => saveLanguages(context.services, user, languages), {
    stay: stepPath.languages,
    next: nextStepPath('languages'),
  });
}

/** A submitted or default value as a list: a name sent once arrives as a string. */
const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item : '')) : typeof value === 'string' ? [value] : [];

export default function LanguagesStep() {
  const { t } = useTranslation('candidate');
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: 'languages',
    lastResult,
    defaultValue: {
      danishProgramme: data.danish.programme,
      danishModule: data.danish.module,
      danishTest: data.danish.test,
      danishEvidence: data.danish.evidence,
      languageCode: data.languages.map((row) => row.code),
      languageSpoken: data.languages.map((row) => row.spoken),
      languageWritten: data.languages.map((row) => row.written),
      motherTongue: data.languages.flatMap((row, i) => (row.mother ? [String(i)] : [])),
    },
  });
  const codes = asList(fields.languageCode.initialValue);
  const spoken = asList(fields.languageSpoken.initialValue);
  const written = asList(fields.languageWritten.initialValue);
  const mother = new Set(asList(fields.motherTongue.initialValue));
  // One empty row to add a language without JavaScript.
  const rows = codes.includes('') ? codes.length : codes.length + 1;
  return (
    <>
      <StepHeader step="languages" />
      <Saved show={data.saved} />
      <ErrorSummary errors={form.allErrors} />
      <p>{t('languages.intro')}</p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <fieldset className="lang-row">
          <legend>🇩🇰 {t('languages.danishTitle')}</legend>
          {data.danish.spoken ? <p>{t('languages.danishNow', { spoken: data.danish.spoken, written: data.danish.written ?? '–' })}</p> : null}
          <div className="field">
            <label htmlFor={fields.danishProgramme.id}>{t('languages.programme')}</label>
            <select {...getSingleSelectProps(fields.danishProgramme)}>
              {['', ...danishProgrammes].map((p) => (
                <option key={p} value={p}>
                  {t(`languages.programmeOptions.${p}`)}
                </option>
              ))}
            </select>
            <FieldErrors meta={fields.danishProgramme} />
          </div>
          <div className="field">
            <label htmlFor={fields.danishModule.id}>{t('languages.module')}</label>
            <select {...getSingleSelectProps(fields.danishModule)}>
              <option value="">{t('languages.moduleNone')}</option>
              {[1, 2, 3, 4, 5, 6].map((m) => (
                <option key={m} value={String(m)}>
                  {m}
                </option>
              ))}
            </select>
            <FieldErrors meta={fields.danishModule} />
          </div>
          <div className="field">
            <label htmlFor={fields.danishTest.id}>{t('languages.test')}</label>
            <select {...getSingleSelectProps(fields.danishTest)}>
              {['', ...danishTests].map((test) => (
                <option key={test} value={test}>
                  {t(`languages.testOptions.${test}`)}
                </option>
              ))}
            </select>
            <FieldErrors meta={fields.danishTest} />
          </div>
          <div className="field">
            <label htmlFor={fields.danishEvidence.id}>{t('languages.evidence')}</label>
            <select {...getSingleSelectProps(fields.danishEvidence)}>
              {languageEvidence.map((evidence) => (
                <option key={evidence} value={evidence}>
                  {t(`languages.evidenceOptions.${evidence}`)}
                </option>
              ))}
            </select>
            <FieldErrors meta={fields.danishEvidence} />
          </div>
        </fieldset>
        <h2>{t('languages.othersTitle')}</h2>
        <p className="hint">{t('languages.levelHint')}</p>
        {Array.from({ length: rows }, (_, i) => (
          <fieldset key={i} className="lang-row">
            <legend>
              {t('languages.language')} {i + 1}
            </legend>
            <RowSelect list={fields.languageCode} index={i} label={t('languages.language')} value={codes[i] ?? ''}>
              <option value="">{t('languages.chooseLanguage')}</option>
              {data.options.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.label}
                </option>
              ))}
            </RowSelect>
            <RowSelect
              list={fields.languageSpoken}
              index={i}
              label={
                <>
                  <MessageCircle aria-hidden="true" size={18} />
                  {t('languages.spoken')}
                </>
              }
              value={spoken[i] ?? ''}
            >
              <LevelOptions />
            </RowSelect>
            <RowSelect
              list={fields.languageWritten}
              index={i}
              label={
                <>
                  <PenLine aria-hidden="true" size={18} />
                  {t('languages.written')}
                </>
              }
              value={written[i] ?? ''}
            >
              <LevelOptions />
            </RowSelect>
            <div className="choice-grid">
              <label>
                <input type="checkbox" name={fields.motherTongue.name} value={String(i)} defaultChecked={mother.has(String(i))} />
                {t('languages.motherTongue')}
              </label>
            </div>
          </fieldset>
        ))}
        <StepButtons />
      </Form>
    </>
  );
}

function LevelOptions() {
  const { t } = useTranslation('candidate');
  return (
    <>
      <option value="">{t('languages.noLevel')}</option>
      {cefrLevels.map((level) => (
        <option key={level} value={level}>
          {level}
        </option>
      ))}
    </>
  );
}

/**
 * One row's select of a list sent under one name (`languageCode` once per
 * row, so a row without JavaScript needs no index in its name); its errors
 * are the list item's (`languageCode[2]`).
 */
function RowSelect({
  list,
  index,
  label,
  value,
  children,
}: {
  list: FieldMetadata<unknown>;
  index: number;
  label: ReactNode;
  value: string;
  children: ReactNode;
}) {
  const { t } = useTranslation('candidate');
  const id = `${list.id}-${index}`;
  const errors = list.allErrors[`${list.name}[${index}]`] ?? [];
  return (
    <div className="field">
      <label htmlFor={id} className="icon-text">
        {label}
      </label>
      <select
        id={id}
        name={list.name}
        defaultValue={value}
        aria-invalid={errors.length > 0 ? true : undefined}
        aria-describedby={errors.length > 0 ? `${id}-error` : undefined}
      >
        {children}
      </select>
      {errors.length > 0 ? (
        <p id={`${id}-error`} className="field__error">
          {errors.map((key) => t(key)).join(' ')}
        </p>
      ) : null}
    </div>
  );
}
