/** A company signs up: CVR, name, contact person and login, and its first workplace. Works without JavaScript. */
import { getFormProps, getInputProps, useForm, type FieldMetadata } from '@conform-to/react';
import { parseSubmission } from '~/lib/form-submission';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { getOptionalUser, homePathFor } from '~/auth/session.server';
import { Field, FormErrors } from '~/employers/form-ui';
import { signUpCompany } from '~/employers/organisations.server';
import { companySignupSchema } from '~/employers/schemas';
import { resolveLocale } from '~/i18n/i18next.server';
import { InvalidInput } from '~/lib/errors';
import { readFormData } from '~/lib/http.server';

export const meta: MetaFunction = () => [{ title: 'Jobbro – Opret virksomhed' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request, context);
  if (user) throw redirect(homePathFor(user.role));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseSubmission(await readFormData(request), companySignupSchema);
  if (submission.status !== 'success') {
    return data(submission.reply({ hideFields: ['password', 'passwordRepeat'] }), { status: 400 });
  }
  try {
    const locale = await resolveLocale(request, context);
    const { cookie } = await signUpCompany(context.services, submission.value, locale);
    return redirect('/employer', { headers: { 'Set-Cookie': cookie } });
  } catch (error) {
    if (error instanceof InvalidInput) {
      return data(submission.reply({ fieldErrors: error.fields, hideFields: ['password', 'passwordRepeat'] }), { status: 400 });
    }
    throw error;
  }
}

export default function EmployerSignup() {
  const { t } = useTranslation('employer');
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof companySignupSchema>>({ lastResult, shouldRevalidate: 'onBlur' });
  const text = (meta: Parameters<typeof getInputProps>[0], type: 'text' | 'email' | 'password' | 'tel' | 'number' = 'text') =>
    getInputProps(meta, { type, ariaAttributes: false });
  return (
    <section aria-labelledby="signup-title">
      <h1 id="signup-title">{t('signup.title')}</h1>
      <p>{t('signup.intro')}</p>
      {lastResult?.status === 'error' ? <FormErrors errors={[t('errors.formInvalid')]} /> : null}
      <Form method="post" className="form" {...getFormProps(form)}>
        <fieldset>
          <legend>{t('signup.company')}</legend>
          <Field meta={fields.cvr} label={t('fields.cvr')} hint={t('fields.cvrHint')}>
            {(p) => <input {...text(fields.cvr)} {...p} inputMode="numeric" dir="ltr" autoComplete="off" />}
          </Field>
          <Field meta={fields.companyName} label={t('fields.companyName')}>
            {(p) => <input {...text(fields.companyName)} {...p} autoComplete="organization" />}
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t('signup.contact')}</legend>
          <Field meta={fields.contactName} label={t('fields.contactName')}>
            {(p) => <input {...text(fields.contactName)} {...p} autoComplete="name" />}
          </Field>
          <Field meta={fields.email} label={t('fields.email')}>
            {(p) => <input {...text(fields.email, 'email')} {...p} dir="ltr" autoComplete="email" />}
          </Field>
          <Field meta={fields.phone} label={t('fields.phone')}>
            {(p) => <input {...text(fields.phone, 'tel')} {...p} dir="ltr" autoComplete="tel" />}
          </Field>
          <Field meta={fields.password} label={t('fields.password')} hint={t('fields.passwordHint')}>
            {(p) => <input {...text(fields.password, 'password')} {...p} dir="ltr" autoComplete="new-password" />}
          </Field>
          <Field meta={fields.passwordRepeat} label={t('fields.passwordRepeat')}>
            {(p) => <input {...text(fields.passwordRepeat, 'password')} {...p} dir="ltr" autoComplete="new-password" />}
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t('signup.workplace')}</legend>
          <p className="hint">{t('signup.workplaceHint')}</p>
          <WorkplaceFields fields={fields} />
        </fieldset>
        <div>
          <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
            {t('signup.submit')}
          </button>
        </div>
      </Form>
      <p>
        <Link to="/login">{t('signup.haveAccount')}</Link>
      </p>
    </section>
  );
}

type WorkplaceKey = 'pNumber' | 'workplaceName' | 'address' | 'postalCode' | 'employeesFte';

/** P-number, name, address, postal code and employees: shared with the "add a workplace" page. */
export function WorkplaceFields<F extends Record<string, unknown>>({
  fields,
}: {
  fields: Record<WorkplaceKey, FieldMetadata<unknown, F, string[]>>;
}) {
  const { t } = useTranslation('employer');
  return (
    <>
      <Field meta={fields.pNumber} label={t('fields.pNumber')} hint={t('fields.pNumberHint')}>
        {(p) => <input {...getInputProps(fields.pNumber, { type: 'text', ariaAttributes: false })} {...p} inputMode="numeric" dir="ltr" />}
      </Field>
      <Field meta={fields.workplaceName} label={t('fields.workplaceName')}>
        {(p) => <input {...getInputProps(fields.workplaceName, { type: 'text', ariaAttributes: false })} {...p} />}
      </Field>
      <Field meta={fields.address} label={t('fields.address')}>
        {(p) => <input {...getInputProps(fields.address, { type: 'text', ariaAttributes: false })} {...p} autoComplete="street-address" />}
      </Field>
      <Field meta={fields.postalCode} label={t('fields.postalCode')} hint={t('fields.postalCodeHint')}>
        {(p) => (
          <input
            {...getInputProps(fields.postalCode, { type: 'text', ariaAttributes: false })}
            {...p}
            inputMode="numeric"
            dir="ltr"
            autoComplete="postal-code"
          />
        )}
      </Field>
      <Field meta={fields.employeesFte} label={t('fields.employeesFte')} hint={t('fields.employeesFteHint')}>
        {(p) => <input {...getInputProps(fields.employeesFte, { type: 'text', ariaAttributes: false })} {...p} inputMode="decimal" dir="ltr" />}
      </Field>
    </>
  );
}
