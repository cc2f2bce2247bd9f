/** The consultant's inactivity review: own-jobcentre candidates flagged after 12 months, to confirm or archive. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireUser } from '~/auth/session.server';
import { cprCipherOf } from '~/candidates/cpr.server';
import { listFlaggedCandidates, reviewCandidateAsConsultant } from '~/candidates/inactivity.server';
import { formProblem } from '~/consultants/form-errors.server';
import { parseHiddenForm } from '~/lib/http.server';

export const meta: MetaFunction = () => [{ title: 'Jobbro – Inaktive kandidater' }];

const answerSchema = z.object({ candidateId: z.uuid(), intent: z.enum(['confirm', 'archive']) });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  const { services } = context;
  return { candidates: await listFlaggedCandidates({ db: services.db, clock: services.clock, cprCipher: cprCipherOf(services.env) }, user) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  const form = await parseHiddenForm(request, answerSchema);
  try {
    await reviewCandidateAsConsultant(context.services, user, {
      candidateId: form.candidateId,
      answer: form.intent === 'confirm' ? 'stillLooking' : 'archive',
    });
  } catch (error) {
    return formProblem(error);
  }
  return { ok: true as const, intent: form.intent };
}

export default function InactiveCandidates() {
  const { t } = useTranslation('review');
  const { candidates } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  return (
    <>
      <h1>{t('consultant.title')}</h1>
      <p>{t('consultant.intro')}</p>
      {result && !result.ok ? (
        <p role="alert" className="alert">
          {t(`consultant.errors.${result.problem.code}`, { defaultValue: result.problem.message })}
        </p>
      ) : null}
      {result?.ok ? (
        <p role="status" className="notice">
          {t(result.intent === 'confirm' ? 'consultant.confirmed' : 'consultant.archived')}
        </p>
      ) : null}
      {candidates.length === 0 ? (
        <p>{t('consultant.empty')}</p>
      ) : (
        <table className="data-table">
          <caption>{t('consultant.caption', { count: candidates.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('consultant.name')}</th>
              <th scope="col">{t('consultant.cpr')}</th>
              <th scope="col">{t('consultant.lastActive')}</th>
              <th scope="col">{t('consultant.flagged')}</th>
              <th scope="col">{t('consultant.mail')}</th>
              <th scope="col">{t('consultant.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {candidates.map((candidate) => (
              <tr key={candidate.id}>
                <th scope="row">{candidate.name}</th>
                <td dir="ltr">{candidate.maskedCpr ?? '–'}</td>
                <td>{candidate.lastActiveOn}</td>
                <td>
                  {candidate.flaggedOn} ({t('consultant.daysFlagged', { count: candidate.daysFlagged })})
                </td>
                <td>{t(candidate.mailed ? 'consultant.mailSent' : 'consultant.mailPending')}</td>
                <td>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="candidateId" value={candidate.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="confirm"
                      className="button"
                      disabled={busy}
                      aria-label={t('consultant.confirmLabel', { name: candidate.name })}
                    >
                      {t('consultant.confirm')}
                    </button>{' '}
                    <button
                      type="submit"
                      name="intent"
                      value="archive"
                      className="button button--quiet"
                      disabled={busy}
                      aria-label={t('consultant.archiveLabel', { name: candidate.name })}
                    >
                      {t('consultant.archive')}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
