/** A consultant creates a candidate; Jobbro mails the invitation link and shows the code for paper. */
import { getFormProps, useForm } from '@conform-to/react';
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireUser } from '~/auth/session.server';
import candidateStyles from '~/candidates/candidate.css';
import { CPR_ERRORS, cprCipherOf } from '~/candidates/cpr.server';
import { CprField } from '~/candidates/cpr-field';
import { inviteCandidate, type PersonFormInput } from '~/candidates/invite.server';
import { PersonFields } from '~/candidates/person-fields';
import { ErrorSummary } from '~/candidates/ui';
import { resolveLocale } from '~/i18n/i18next.server';
import { Conflict, InvalidInput } from '~/lib/errors';
import { parseSubmission } from '~/lib/form-submission';
import { readFormData } from '~/lib/http.server';
import { formatMomentDay } from '~/i18n/formats';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: candidateStyles }];

/**
 * The form's shape: text fields, each possibly empty. What they must hold is
 * inviteCandidate's to check, the person and the CPR number together, so
 * every field's error shows at once.
 */
const newCandidateFormSchema = z.object({
  fullName: z.string().optional(),
  email: z.string().optional(),
  birthDate: z.string().optional(),
  arrivalDate: z.string().optional(),
  residenceBasis: z.string().optional(),
  postalCode: z.string().optional(),
  locale: z.string().optional(),
  cpr: z.string().optional(),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, ['consultant']);
  return { lng: await resolveLocale(request, context) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  const submission = parseSubmission(await readFormData(request), newCandidateFormSchema);
  // The typed CPR is never sent back: the page keeps every other field.
  const refused = (fieldErrors?: Record<string, string[]>) =>
    fieldErrors ? submission.reply({ fieldErrors, hideFields: ['cpr'] }) : submission.reply({ hideFields: ['cpr'] });
  if (submission.status !== 'success') return data({ done: null, result: refused() }, { status: 400 });
  const { services } = context;
  try {
    const invitation = await inviteCandidate(
      {
        db: services.db,
        clock: services.clock,
        baseUrl: new URL(request.url).origin,
        cprCipher: cprCipherOf(services.env),
      },
      user,
      submission.value,
    );
    return data({
      done: {
        email: submission.value.email ?? '',
        code: invitation.code,
        link: invitation.link,
        expiresAt: invitation.expiresAt.toISOString(),
        maskedCpr: invitation.maskedCpr,
      },
      // The next candidate starts from an empty form.
      result: submission.reply({ resetForm: true }),
    });
  } catch (error) {
    if (error instanceof InvalidInput) return data({ done: null, result: refused(error.fields) }, { status: 400 });
    if (error instanceof Conflict) {
      const fieldErrors: Record<string, string[]> =
        error.message === CPR_ERRORS.duplicate ? { cpr: [CPR_ERRORS.duplicate] } : { email: ['errors.emailTaken'] };
      return data({ done: null, result: refused(fieldErrors) }, { status: 409 });
    }
    throw error;
  }
}

export default function NewCandidate() {
  const { t } = useTranslation('candidate');
  const { lng } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [form, fields] = useForm<PersonFormInput & { cpr: string }>({ id: 'new-candidate', lastResult: answer?.result });
  const done = answer?.done;
  return (
    <>
      <h1>{t('consultant.title')}</h1>
      <p>{t('consultant.intro')}</p>
      {done ? (
        <section role="status" className="notice">
          <p>{t('consultant.done', { email: done.email })}</p>
          <p>
            <strong dir="ltr">{t('consultant.code', { code: done.code })}</strong>
          </p>
          <p>{t('consultant.expires', { date: formatMomentDay(lng, done.expiresAt) })}</p>
          {done.maskedCpr ? <p dir="ltr">{t('review:cpr.registered', { masked: done.maskedCpr })}</p> : null}
        </section>
      ) : null}
      <ErrorSummary errors={form.allErrors} />
      <Form method="post" className="form" {...getFormProps(form)}>
        <PersonFields fields={fields} lng={lng} />
        <CprField meta={fields.cpr} />
        <div>
          <button type="submit" className="button">
            {t('consultant.submit')}
          </button>
        </div>
      </Form>
    </>
  );
}
