/**
 * Erasure requests of the consultant's own jobcentre, the nearest deadline
 * first: erase (after confirmation), cancel, or register a request the
 * candidate made on paper or by phone.
 */
import { getFormProps, getInputProps, useForm, type SubmissionResult } from '@conform-to/react';
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireUser } from '~/auth/session.server';
import candidateStyles from '~/candidates/candidate.css';
import { formProblem } from '~/consultants/form-errors.server';
import { FieldError } from '~/consultants/form-ui';
import { resolveLocale } from '~/i18n/i18next.server';
import { parseSubmission } from '~/lib/form-submission';
import { readFormData, refuseTamperedForm } from '~/lib/http.server';
import {
  cancelErasureRequest,
  executeErasure,
  findCandidatesForRequest,
  listErasureRequests,
  registerErasureRequest,
} from '~/privacy/erasure.server';
import { Check, TriangleAlert } from 'lucide-react';
import { formatDay, formatMoment } from '~/i18n/formats';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: candidateStyles }];

// The search text goes to PostgreSQL, whose text cannot hold NUL: such a query is ignored like any other invalid one.
const querySchema = z.object({
  q: z
    .string()
    .max(200)
    .regex(/^[^\u0000]*$/)
    .optional(),
  confirm: z.string().uuid().optional(),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  const lng = await resolveLocale(request, context);
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const query = parsed.success ? parsed.data : {};
  const [list, matches] = await Promise.all([
    listErasureRequests(context.services, user),
    query.q ? findCandidatesForRequest(context.services, user, query.q) : Promise.resolve(null),
  ]);
  return { lng, list, matches, query };
}

const eraseSchema = z.object({ intent: z.literal('erase'), requestId: z.uuid(), confirm: z.literal('yes', { error: 'erasureConfirm' }) });
const actionSchema = z.discriminatedUnion('intent', [
  eraseSchema,
  z.object({ intent: z.literal('cancel'), requestId: z.uuid() }),
  z.object({ intent: z.literal('register'), candidateId: z.uuid() }),
]);

/** The one field a person sets: the confirmation box; every other field is an intent or an id. */
const VISIBLE_FIELDS = new Set(['confirm']);

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  const submission = parseSubmission(await readFormData(request), actionSchema);
  if (submission.status !== 'success') {
    refuseTamperedForm(submission.error, VISIBLE_FIELDS);
    return data({ ok: false as const, result: submission.reply() }, { status: 400 });
  }
  const form = submission.value;
  try {
    if (form.intent === 'erase') {
      const summary = await executeErasure(context.services, user, form.requestId);
      return redirect(`/consultant/erasure?erased=${summary.placementsKept}`);
    }
    if (form.intent === 'cancel') {
      await cancelErasureRequest(context.services, user, form.requestId);
      return redirect('/consultant/erasure?cancelled=1');
    }
    const registered = await registerErasureRequest(context.services, user, form.candidateId);
    return redirect(`/consultant/erasure?registered=${registered.deadline}`);
  } catch (error) {
    return formProblem(error);
  }
}

export default function ConsultantErasure() {
  const { t } = useTranslation('privacy');
  const { lng, list, matches, query } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const day = (value: string) => formatDay(lng, value);
  const dateTime = (value: string | Date | null) => (value ? formatMoment(lng, value) : '–');
  const confirming = list.open.find((item) => item.id === query.confirm) ?? null;
  const erased = params.get('erased');
  const registered = params.get('registered');
  const problem = result && 'problem' in result ? result.problem : null;
  const confirmResult = result && 'result' in result ? result.result : undefined;

  return (
    <>
      <h1>{t('consultant.title')}</h1>
      <p>{t('consultant.intro')}</p>
      {erased !== null ? (
        <p role="status" className="notice">
          <Check aria-hidden="true" size={18} className="notice__icon" /> {t('consultant.erased', { count: Number(erased) || 0 })}
        </p>
      ) : null}
      {params.get('cancelled') ? (
        <p role="status" className="notice">
          <Check aria-hidden="true" size={18} className="notice__icon" /> {t('consultant.cancelled')}
        </p>
      ) : null}
      {registered ? (
        <p role="status" className="notice">
          <Check aria-hidden="true" size={18} className="notice__icon" />{' '}
          {t('consultant.registered', { deadline: /^\d{4}-\d{2}-\d{2}$/.test(registered) ? day(registered) : '' })}
        </p>
      ) : null}
      {problem ? (
        <p role="alert" className="alert">
          {t(`consultant.errors.${problem.rule ? problem.rule.replace('erasure.', '') : problem.code}`, { defaultValue: problem.message })}
        </p>
      ) : null}

      {confirming ? (
        <section aria-labelledby="confirm-title" className="item">
          <h2 id="confirm-title">{t('consultant.confirmTitle', { name: confirming.fullName })}</h2>
          <p>{t('consultant.confirmText')}</p>
          {confirming.activePlacements > 0 ? <p className="alert">{t('consultant.activePlacement')}</p> : null}
          <EraseForm requestId={confirming.id} lastResult={confirmResult} />
        </section>
      ) : null}

      <section aria-labelledby="open-title">
        <h2 id="open-title">{t('consultant.openTitle')}</h2>
        {list.open.length === 0 ? (
          <p>{t('consultant.none')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('consultant.candidate')}</th>
                <th scope="col">{t('consultant.requestedAt')}</th>
                <th scope="col">{t('consultant.via')}</th>
                <th scope="col">{t('consultant.deadline')}</th>
                <th scope="col">{t('consultant.daysLeft')}</th>
                <th scope="col">{t('consultant.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.open.map((item) => (
                <tr key={item.id} className={item.overdue ? 'overdue' : undefined}>
                  <td>
                    {item.fullName}
                    {item.email ? <div className="hint">{item.email}</div> : null}
                    {item.activePlacements > 0 ? (
                      <div className="hint icon-text">
                        <TriangleAlert aria-hidden="true" size={16} />
                        {t('consultant.activePlacement')}
                      </div>
                    ) : null}
                  </td>
                  <td>{dateTime(item.requestedAt)}</td>
                  <td>{t(`values.${item.requestedVia}`)}</td>
                  <td>{day(item.deadline)}</td>
                  <td>
                    {item.overdue ? (
                      <strong className="icon-text">
                        <TriangleAlert aria-hidden="true" size={16} />
                        {t('consultant.overdue', { count: -item.daysLeft })}
                      </strong>
                    ) : item.daysLeft === 0 ? (
                      <strong>{t('consultant.dueToday')}</strong>
                    ) : (
                      t('consultant.daysLeftValue', { count: item.daysLeft })
                    )}
                  </td>
                  <td>
                    <Link
                      to={`/consultant/erasure?confirm=${item.id}`}
                      className="button"
                      aria-label={t('consultant.eraseCandidate', { name: item.fullName })}
                    >
                      {t('consultant.eraseNow')}
                    </Link>{' '}
                    <Form method="post" action="/consultant/erasure" className="inline-form">
                      <input type="hidden" name="requestId" value={item.id} />
                      <button
                        type="submit"
                        name="intent"
                        value="cancel"
                        className="button button--quiet"
                        aria-label={t('consultant.cancelFor', { name: item.fullName })}
                      >
                        {t('consultant.cancelRequest')}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="register-title">
        <h2 id="register-title">{t('consultant.registerTitle')}</h2>
        <p>{t('consultant.registerIntro')}</p>
        <Form method="get" className="inline-form">
          <label htmlFor="erasure-search">{t('consultant.search')}</label>
          <input id="erasure-search" name="q" type="search" defaultValue={query.q ?? ''} minLength={2} maxLength={200} />
          <button type="submit" className="button button--quiet">
            {t('consultant.searchButton')}
          </button>
        </Form>
        {matches && matches.length === 0 ? <p>{t('consultant.noMatches')}</p> : null}
        {matches && matches.length > 0 ? (
          <ul className="plain-list">
            {matches.map((candidate) => (
              <li key={candidate.id} className="item">
                {candidate.full_name} ({t('consultant.born', { date: day(candidate.birth_date) })}){candidate.email ? ` · ${candidate.email}` : ''}
                <Form method="post" action="/consultant/erasure" className="inline-form">
                  <input type="hidden" name="candidateId" value={candidate.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="register"
                    className="button button--quiet"
                    aria-label={t('consultant.registerFor', { name: candidate.full_name })}
                  >
                    {t('consultant.register')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="handled-title">
        <h2 id="handled-title">{t('consultant.handledTitle')}</h2>
        {list.handled.length === 0 ? (
          <p>{t('common.none')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('consultant.candidate')}</th>
                <th scope="col">{t('consultant.status')}</th>
                <th scope="col">{t('consultant.deadline')}</th>
                <th scope="col">{t('consultant.handledAt')}</th>
                <th scope="col">{t('consultant.onTime')}</th>
              </tr>
            </thead>
            <tbody>
              {list.handled.map((item) => (
                <tr key={item.id}>
                  <td>{item.fullName ?? t('consultant.erasedName')}</td>
                  <td>{t(`values.${item.status}`)}</td>
                  <td>{day(item.deadline)}</td>
                  <td>{dateTime(item.handledAt)}</td>
                  <td>{t(item.onTime ? 'common.yes' : 'common.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

/**
 * Erasing after confirmation: the box must be ticked; left unticked, the
 * page says so beside it. It posts to its own URL (with `confirm`), so a
 * refused answer shows this form again, with or without JavaScript.
 */
function EraseForm({ requestId, lastResult }: { requestId: string; lastResult: SubmissionResult | undefined }) {
  const { t } = useTranslation('privacy');
  const [form, fields] = useForm<z.input<typeof eraseSchema>>({ id: 'erase', lastResult });
  return (
    <Form method="post" action={`/consultant/erasure?confirm=${requestId}`} {...getFormProps(form)}>
      <input type="hidden" name="intent" value="erase" />
      <input type="hidden" name="requestId" value={requestId} />
      <p>
        <label>
          <input {...getInputProps(fields.confirm, { type: 'checkbox', value: 'yes' })} required /> {t('consultant.confirmCheck')}
        </label>
      </p>
      <FieldError id={fields.confirm.errorId} errors={fields.confirm.errors} />
      <div className="button-row">
        <button type="submit" className="button">
          {t('consultant.confirmButton')}
        </button>
        <Link to="/consultant/erasure" className="button button--quiet">
          {t('consultant.back')}
        </Link>
      </div>
    </Form>
  );
}
