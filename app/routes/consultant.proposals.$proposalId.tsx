/** One proposal: the pair, the score breakdown, every rule check with its source, and the decision. */
import { getFormProps, getInputProps, useForm } from '@conform-to/react';
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ResendInvitationButton } from '~/candidates/resend-invitation-button';
import { z } from 'zod';
import { requireUser } from '~/auth/session.server';
import { cprCipherOf, maskedCprForConsultant } from '~/candidates/cpr.server';
import { RejectReasonSelect } from '~/consultants/reject-reason-select';
import { approveMatch, previewApproval, rejectMatch } from '~/consultants/decisions.server';
import { formProblem } from '~/consultants/form-errors.server';
import { proposalDecisionFormSchema } from '~/consultants/schemas';
import { ScoreBreakdown } from '~/consultants/score-breakdown';
import { resolveLocale } from '~/i18n/i18next.server';
import { InvalidInput } from '~/lib/errors';
import { parseSubmission } from '~/lib/form-submission';
import { readFormData } from '~/lib/http.server';
import { isReasonCode, type Reason } from '~/matching/explain';
import { reasonSentence } from '~/workbench/reason-sentence.server';
import { loadDecisionHistory } from '~/workbench/decision-history.server';
import { DecisionHistory } from '~/workbench/decision-history';
import { FieldError, FixFieldsAlert } from '~/consultants/form-ui';
import { RuleProblem } from '~/workbench/rule-problem';
import { ruleTextKeys } from '~/workbench/rule-text';
import { ruleDetailText } from '~/workbench/rule-detail';
import workbenchStyles from '~/workbench/workbench.css';
import { EmployerDecisionNote } from '~/notifications/employer-decision-note';
import { employerDecisionsOf } from '~/notifications/employer-decisions.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: workbenchStyles }];

/** The matcher's stored reasons are JSON texts of { code, params }; one that cannot be read is left out. */
function reasonsOf(texts: readonly string[]): Reason[] {
  return texts.flatMap((text) => {
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value !== 'object' || value === null || !('code' in value) || !('params' in value)) return [];
      const { code, params: raw } = value;
      if (typeof code !== 'string' || !isReasonCode(code) || typeof raw !== 'object' || raw === null) return [];
      const params: Record<string, string | number> = {};
      for (const [key, param] of Object.entries(raw)) if (typeof param === 'string' || typeof param === 'number') params[key] = param;
      return [{ code, params }];
    } catch {
      // Older proposals stored plain English sentences: shown as they are below.
    }
    return [];
  });
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  const proposalId = z.uuid().safeParse(params.proposalId);
  if (!proposalId.success) throw new Response('Not found', { status: 404 });
  try {
    const preview = await previewApproval(context.services, user, proposalId.data);
    // Only the candidate's own jobcentre sees that a CPR is registered, and then only its birth-date half.
    const cpr = preview.own
      ? await maskedCprForConsultant({ db: context.services.db, cipher: cprCipherOf(context.services.env) }, user, {
          id: preview.context.candidate_id,
          jobcentreId: preview.context.candidate_jobcentre_id,
        })
      : null;
    const lng = await resolveLocale(request, context);
    // The same sentences `npm run match` and the what-if tool print, in the consultant's language.
    const reasons = reasonsOf(preview.context.reasons).map((reason) => reasonSentence(reason, lng));
    const history = await loadDecisionHistory(context.services, proposalId.data);
    const employerDecision = (await employerDecisionsOf(context.services, [preview.context.proposal_id]))[preview.context.proposal_id] ?? null;
    return { ...preview, cpr, reasons, history, lng, employerDecision };
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
  const submission = parseSubmission(await readFormData(request), proposalDecisionFormSchema);
  if (submission.status !== 'success') return data({ result: submission.reply(), problem: null }, { status: 400 });
  const form = submission.value;
  try {
    if (form.intent === 'approve') await approveMatch(context.services, user, { proposalId, note: form.note ?? null });
    else await rejectMatch(context.services, user, { proposalId, reason: form.reason, note: form.note ?? null });
  } catch (error) {
    if (error instanceof InvalidInput) return data({ result: submission.reply({ fieldErrors: error.fields }), problem: null }, { status: 400 });
    // A rule or a decision made meanwhile: said above the form, which keeps what was typed.
    const refused = formProblem(error);
    return data({ result: submission.reply(), problem: refused.data.problem }, { status: refused.init?.status ?? 400 });
  }
  throw redirect('/consultant');
}

export default function ProposalPage() {
  const { t } = useTranslation('consultant');
  const { t: tw } = useTranslation('workbench');
  const { t: tWhatIf } = useTranslation('whatif');
  const { context, verdicts, own, cpr, reasons, history, lng, employerDecision } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [form, fields] = useForm<{ intent: string; reason: string; note: string }>({ id: 'proposal-decision', lastResult: answer?.result });
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
      <p>
        <Link to={`/consultant/slots/${context.slot_id}/what-if`}>{tWhatIf('link')}</Link>
      </p>
      {cpr ? <p>{t('proposal.cpr', { cpr })}</p> : null}
      <div className="workbench">
        <section aria-labelledby="reasons-heading">
          <h2 id="reasons-heading">{tw('proposal.reasons')}</h2>
          <p>
            {t('queue.score')}: {context.score === null ? '–' : context.score.toFixed(1)}
          </p>
          {reasons.length > 0 ? (
            <ul>
              {reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          ) : (
            <p>{tw('proposal.noReasons')}</p>
          )}
          <details>
            <summary>{t('queue.breakdown')}</summary>
            <ScoreBreakdown components={context.components} />
          </details>
        </section>
        <section aria-labelledby="rules-heading">
          <h2 id="rules-heading">{t('proposal.rules')}</h2>
          <ul className="rule-checks">
            {verdicts.map((v) => {
              const rule = tw(ruleTextKeys('rule', v.rule), { defaultValue: v.rule });
              const detail = ruleDetailText(tw, v.detail, v.message);
              return (
                <li key={v.rule} className={v.ok ? undefined : 'rule-checks__failed'}>
                  <strong>{v.ok ? `✓ ${t('proposal.passed')}` : `✗ ${t('proposal.failed')}`}</strong> {rule}{' '}
                  {detail !== rule ? (
                    <span className="rule-checks__detail" lang={v.detail ? undefined : 'en'}>
                      {detail}
                    </span>
                  ) : null}{' '}
                  <em>
                    ({tw('rule.sourceLabel')}: {v.source})
                  </em>
                </li>
              );
            })}
          </ul>
        </section>
        {answer?.problem ? <RuleProblem problem={answer.problem} /> : null}
        {context.status === 'approved' ? <EmployerDecisionNote decision={employerDecision ?? undefined} lng={lng} /> : null}
        {own ? <ResendInvitationButton candidateId={context.candidate_id} /> : null}
        <DecisionHistory entries={history} lng={lng} />
      </div>
      {own && context.status === 'proposed' ? (
        <>
          <FixFieldsAlert show={answer?.result.status === 'error' && !answer.problem} />
          <Form method="post" className="decision-form" {...getFormProps(form)}>
            <div className="field">
              <label htmlFor={fields.note.id}>{t('queue.note')}</label>
              <input {...getInputProps(fields.note, { type: 'text' })} maxLength={1000} />
              <FieldError id={fields.note.errorId} errors={fields.note.errors} />
            </div>
            <button type="submit" name="intent" value="approve" className="button">
              {t('proposal.approve')}
            </button>
            <RejectReasonSelect defaultValue="skills" meta={fields.reason} />
            <button type="submit" name="intent" value="reject" className="button button--quiet">
              {t('proposal.reject')}
            </button>
          </Form>
        </>
      ) : (
        <p>{own ? t('proposal.alreadyDecided') : t('proposal.notYours')}</p>
      )}
    </>
  );
}
