/** One proposal: the pair, the score breakdown, every rule check with its source, and the decision. */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ResendInvitationButton } from '~/candidates/resend-invitation-button';
import { z } from 'zod';
import { requireUser } from '~/auth/session.server';
import { cprCipherOf, maskedCprForConsultant } from '~/candidates/cpr.server';
import { REJECT_REASONS } from '~/consultants/consultant';
import { RejectReasonSelect } from '~/consultants/reject-reason-select';
import { approveMatch, previewApproval, rejectMatch } from '~/consultants/decisions.server';
import { formProblem } from '~/consultants/form-errors.server';
import { ScoreBreakdown } from '~/consultants/score-breakdown';
import { resolveLocale } from '~/i18n/i18next.server';
import { parseForm } from '~/lib/http.server';
import { EmployerDecisionNote } from '~/notifications/employer-decision-note';
import { employerDecisionsOf } from '~/notifications/employer-decisions.server';

const single = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('approve'), note: z.string().max(1000).optional() }),
  z.object({ intent: z.literal('reject'), reason: z.enum(REJECT_REASONS), note: z.string().max(1000).optional() }),
]);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  const proposalId = z.uuid().safeParse(params.proposalId);
  if (!proposalId.success) throw new Response('Not found', { status: 404 });
  try {
    const preview = await previewApproval(context.services, user, proposalId.data);
    // Only the candidate's own jobcentre sees that a CPR is registered, and then only its birth-date half.
    const cpr = preview.own
      ? await maskedCprForConsultant(
          { db: context.services.db, cipher: cprCipherOf(context.services.env) },
          user,
          { id: preview.context.candidate_id, jobcentreId: preview.context.candidate_jobcentre_id },
        )
      : null;
    const employerDecision = (await employerDecisionsOf(context.services, [preview.context.proposal_id]))[preview.context.proposal_id] ?? null;
    return { ...preview, cpr, employerDecision, lng: await resolveLocale(request, context) };
  } catch (error) {
    const problem = formProblem(error);
    throw new Response(problem.data.problem.message, { status: problem.init?.status ?? 500 });
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  const parsedId = z.uuid().safeParse(params.proposalId);
  if (!parsedId.success) throw new Response('Not found', { status: 404 });
  const proposalId = parsedId.data;
  const form = await parseForm(request, single);
  try {
    if (form.intent === 'approve') await approveMatch(context.services, user, { proposalId, note: form.note ?? null });
    else await rejectMatch(context.services, user, { proposalId, reason: form.reason, note: form.note ?? null });
  } catch (error) {
    return formProblem(error);
  }
  throw redirect('/consultant');
}

export default function ProposalPage() {
  const { t } = useTranslation('consultant');
  const { context, verdicts, own, cpr, employerDecision, lng } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/consultant">{t('proposal.back')}</Link>
      </p>
      <h1>{t('proposal.title', { candidate: context.candidate_name, slot: context.slot_title })}</h1>
      <p>
        {context.organisation_name} · {t(`scheme.${context.slot_type}`)} · {t('proposal.starts', { date: context.slot_start_date })}
        {context.source === 'interest' ? <strong className="tag"> {t('queue.interestTag')}</strong> : null}
      </p>
      {cpr ? <p>{t('proposal.cpr', { cpr })}</p> : null}
      {context.status === 'approved' ? <EmployerDecisionNote decision={employerDecision ?? undefined} lng={lng} /> : null}
      {/* Until the candidate's own page (workbench) exists, the consultant resends a lost invitation from here. */}
      {own ? <ResendInvitationButton candidateId={context.candidate_id} /> : null}
      <h2>{t('queue.breakdown')}</h2>
      <p>{t('queue.score')}: {context.score === null ? '–' : context.score.toFixed(1)}</p>
      <ScoreBreakdown components={context.components} />
      <h2>{t('proposal.rules')}</h2>
      <ul className="rule-checks">
        {verdicts.map((v) => (
          <li key={v.rule}>
            <strong>{v.ok ? t('proposal.passed') : t('proposal.failed')}</strong> {v.rule}: {v.message} <em>({v.source})</em>
          </li>
        ))}
      </ul>
      {result && !result.ok ? (
        <p role="alert">
          {result.problem.rule
            ? t('queue.refusedRule', { rule: result.problem.rule, message: result.problem.message, source: result.problem.source ?? '' })
            : result.problem.message}
        </p>
      ) : null}
      {own && context.status === 'proposed' ? (
        <Form method="post">
          <label>
            {t('queue.note')}
            <input type="text" name="note" maxLength={1000} />
          </label>
          <button type="submit" name="intent" value="approve" className="button">
            {t('proposal.approve')}
          </button>
          <RejectReasonSelect defaultValue="skills" />
          <button type="submit" name="intent" value="reject" className="button button--quiet">
            {t('proposal.reject')}
          </button>
        </Form>
      ) : (
        <p>{own ? t('proposal.alreadyDecided') : t('proposal.notYours')}</p>
      )}
    </>
  );
}
