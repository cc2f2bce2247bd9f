/** Step 3: Danish as DU programme + module or test (mapped to CEFR), and other languages with spoken and written levels. */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import candidateStyles from '~/candidates/candidate.css';
import { languageOptions } from '~/candidates/labels.server';
import { loadOwnProfile, saveLanguages } from '~/candidates/profile.server';
import { readForm, runStep, type StepFailure } from '~/candidates/step-action.server';
import { ErrorSummary, FieldError, Hint, Saved, StepButtons, StepHeader, fieldProps, nextStepPath, stepPath } from '~/candidates/ui';
import { resolveLocale } from '~/i18n/i18next.server';
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
  const form = await readForm(request);
  return runStep(
    form,
    () =>
      saveLanguages(context.services, user, {
        danishProgramme: form.danishProgramme,
        danishModule: form.danishModule,
        danishTest: form.danishTest,
        danishEvidence: form.danishEvidence,
        languageCode: form.languageCode,
        languageSpoken: form.languageSpoken,
        languageWritten: form.languageWritten,
        motherTongue: form.motherTongue,
      }),
    { stay: stepPath.languages, next: nextStepPath('languages') },
  );
}

type Row = { code: string; spoken: string; written: string; mother: boolean };

const asList = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function rowsFrom(values: Record<string, string | string[]>): Row[] {
  const codes = asList(values.languageCode);
  const spoken = asList(values.languageSpoken);
  const written = asList(values.languageWritten);
  const mother = asList(values.motherTongue);
  return codes.map((code, i) => ({ code, spoken: spoken[i] ?? '', written: written[i] ?? '', mother: mother.includes(String(i)) }));
}

const text = (value: string | string[] | undefined, fallback: string): string => (typeof value === 'string' ? value : fallback);

export default function LanguagesStep() {
  const { t } = useTranslation('candidate');
  const data = useLoaderData<typeof loader>();
  const failure: StepFailure | undefined = useActionData<typeof action>();
  const errors = failure?.errors;
  const values = failure?.values;
  const rows: Row[] = values ? rowsFrom(values) : data.languages;
  // One empty row to add a language without JavaScript.
  const shown = rows.some((row) => row.code === '') ? rows : [...rows, { code: '', spoken: '', written: '', mother: false }];
  return (
    <>
      <StepHeader step="languages" />
      <Saved show={data.saved} />
      <ErrorSummary errors={errors} />
      <p>{t('languages.intro')}</p>
      <Form method="post" className="form">
        <fieldset className="lang-row">
          <legend>🇩🇰 {t('languages.danishTitle')}</legend>
          {data.danish.spoken ? <p>{t('languages.danishNow', { spoken: data.danish.spoken, written: data.danish.written ?? '–' })}</p> : null}
          <div className="field">
            <label htmlFor="field-danishProgramme">{t('languages.programme')}</label>
            <select {...fieldProps('danishProgramme', errors)} defaultValue={text(values?.danishProgramme, data.danish.programme)}>
              {['', ...danishProgrammes].map((p) => (
                <option key={p} value={p}>
                  {t(`languages.programmeOptions.${p}`)}
                </option>
              ))}
            </select>
            <FieldError name="danishProgramme" errors={errors} />
          </div>
          <div className="field">
            <label htmlFor="field-danishModule">{t('languages.module')}</label>
            <select {...fieldProps('danishModule', errors)} defaultValue={text(values?.danishModule, data.danish.module)}>
              <option value="">{t('languages.moduleNone')}</option>
              {[1, 2, 3, 4, 5, 6].map((m) => (
                <option key={m} value={String(m)}>
                  {m}
                </option>
              ))}
            </select>
            <FieldError name="danishModule" errors={errors} />
          </div>
          <div className="field">
            <label htmlFor="field-danishTest">{t('languages.test')}</label>
            <select {...fieldProps('danishTest', errors)} defaultValue={text(values?.danishTest, data.danish.test)}>
              {['', ...danishTests].map((test) => (
                <option key={test} value={test}>
                  {t(`languages.testOptions.${test}`)}
                </option>
              ))}
            </select>
            <FieldError name="danishTest" errors={errors} />
          </div>
          <div className="field">
            <label htmlFor="field-danishEvidence">{t('languages.evidence')}</label>
            <select {...fieldProps('danishEvidence', errors)} defaultValue={text(values?.danishEvidence, data.danish.evidence)}>
              {languageEvidence.map((evidence) => (
                <option key={evidence} value={evidence}>
                  {t(`languages.evidenceOptions.${evidence}`)}
                </option>
              ))}
            </select>
            <FieldError name="danishEvidence" errors={errors} />
          </div>
        </fieldset>
        <h2>{t('languages.othersTitle')}</h2>
        <Hint name="levels">{t('languages.levelHint')}</Hint>
        {shown.map((row, i) => (
          <fieldset key={i} className="lang-row">
            <legend>
              {t('languages.language')} {i + 1}
            </legend>
            <div className="field">
              <label htmlFor={`field-languageCode-${i}`}>{t('languages.language')}</label>
              <select {...fieldProps(`languageCode.${i}`, errors)} defaultValue={row.code}>
                <option value="">{t('languages.chooseLanguage')}</option>
                {data.options.map((o) => (
                  <option key={o.code} value={o.code}>
                    {o.label}
                  </option>
                ))}
              </select>
              <FieldError name={`languageCode.${i}`} errors={errors} />
            </div>
            <div className="field">
              <label htmlFor={`field-languageSpoken-${i}`} className="icon-text">
                <MessageCircle aria-hidden="true" size={18} />
                {t('languages.spoken')}
              </label>
              <select {...fieldProps(`languageSpoken.${i}`, errors)} defaultValue={row.spoken}>
                <option value="">{t('languages.noLevel')}</option>
                {cefrLevels.map((level) => (
                  <option key={level} value={level}>
                    {level}
                  </option>
                ))}
              </select>
              <FieldError name={`languageSpoken.${i}`} errors={errors} />
            </div>
            <div className="field">
              <label htmlFor={`field-languageWritten-${i}`} className="icon-text">
                <PenLine aria-hidden="true" size={18} />
                {t('languages.written')}
              </label>
              <select {...fieldProps(`languageWritten.${i}`, errors)} defaultValue={row.written}>
                <option value="">{t('languages.noLevel')}</option>
                {cefrLevels.map((level) => (
                  <option key={level} value={level}>
                    {level}
                  </option>
                ))}
              </select>
              <FieldError name={`languageWritten.${i}`} errors={errors} />
            </div>
            <div className="choice-grid">
              <label>
                <input type="checkbox" name="motherTongue" value={String(i)} defaultChecked={row.mother} />
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
