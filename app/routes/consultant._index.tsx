/**
 * The consultant's queue: undecided proposals (the matcher's and the
 * candidates' own interest) for their jobcentre and pooled network slots,
 * ranked, filtered by query string, decided several at once.
 */
import { getFormProps, getInputProps, useForm } from '@conform-to/react';
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '~/i18n/formats';
import { useListNavigation } from '~/components/list-navigation';
import { requireUser } from '~/auth/session.server';
import { RejectReasonSelect } from '~/consultants/reject-reason-select';
import { decideMany } from '~/consultants/decisions.server';
import { loadQueue } from '~/consultants/queue.server';
import { QUEUE_MAX_PAGE, decisionFormSchema, queueQuerySchema, type QueueQuery } from '~/consultants/schemas';
import { sectorChoices, skillLabel } from '~/candidates/labels.server';
import workbenchStyles from '~/workbench/workbench.css';
import { QueueRow } from '~/workbench/queue-row';
import { ruleTextKeys } from '~/workbench/rule-text';
import { ruleDetailText } from '~/workbench/rule-detail';
import type { RuleDetail } from '~/rules/verdict';
import { fillIn, slotFor } from '~/consultants/queue-text';
import { resolveLocale } from '~/i18n/i18next.server';
import { parseSubmission } from '~/lib/form-submission';
import { readFormData } from '~/lib/http.server';
import { FieldError, FixFieldsAlert } from '~/consultants/form-ui';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: workbenchStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  const url = new URL(request.url);
  const parsed = queueQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  const query: QueueQuery = parsed.success ? parsed.data : { page: 1 };
  const [queue, lng] = await Promise.all([
    loadQueue(context.services, user, {
      scheme: query.scheme,
      sector: query.sector,
      organisationId: query.employer,
      organisationName: query.employerName,
      minScore: query.minScore,
      candidate: query.candidate,
      minDaysWaiting: query.minDays,
      source: query.source,
      page: query.page,
      sort: query.sort,
    }),
    resolveLocale(request, context),
  ]);
  const sectors = sectorChoices(lng);
  // The last page one may ask for has no Next link, even when more proposals wait.
  const nextPage = queue.hasNextPage && queue.page < QUEUE_MAX_PAGE ? queue.page + 1 : null;
  // Skill names in the reader's language, resolved here so the taxonomy stays on the server.
  const items = queue.items.map((item) => ({
    ...item,
    requirements: item.requirements && {
      ...item.requirements,
      skills: item.requirements.skills.map((skill) => ({ ...skill, label: skillLabel(skill.uri, lng) })),
    },
  }));
  return {
    queue: { ...queue, items },
    // Past what its pages reach the queue is counted no further: "1.000+".
    totalText: `${formatNumber(lng, queue.total)}${queue.totalIsAtLeast ? '+' : ''}`,
    nextPage,
    moreBeyondLastPage: queue.hasNextPage && nextPage === null,
    sectors,
    query,
    invalidQuery: !parsed.success,
  };
}

/** The queue's URL with the same filters, at another page. */
function pageHref(query: QueueQuery, page: number): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (name !== 'page' && value !== undefined) params.set(name, String(value));
  }
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/consultant?${search}` : '/consultant';
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  const submission = parseSubmission(await readFormData(request), decisionFormSchema);
  if (submission.status !== 'success') return data({ result: submission.reply(), decided: null }, { status: 400 });
  const form = submission.value;
  const outcomes = await decideMany(
    context.services,
    user,
    form.intent === 'approve'
      ? { decision: 'approve', proposalIds: form.proposalId }
      : { decision: 'reject', proposalIds: form.proposalId, reason: form.reason, note: form.note ?? null },
  );
  // Each proposal's outcome is reported above the queue; the form starts again for the next decision.
  return { result: submission.reply({ resetForm: true }), decided: { intent: form.intent, outcomes } };
}

export default function ConsultantQueue() {
  const { t } = useTranslation('consultant');
  const { t: tw } = useTranslation('workbench');
  const follow = useListNavigation();
  const { queue, totalText, nextPage, moreBeyondLastPage, sectors, query, invalidQuery } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [form, fields] = useForm<{ intent: string; proposalId: string[]; reason: string; note: string }>({
    id: 'queue-decision',
    lastResult: answer?.result,
  });
  const result = answer?.decided;
  const done = result?.outcomes.filter((o) => o.ok).length ?? 0;
  const refused = result?.outcomes.flatMap((o) => (o.ok ? [] : [o])) ?? [];
  // After a refused form (no JavaScript) the ticked rows stay ticked.
  const ticked = new Set([fields.proposalId.initialValue ?? []].flat());
  const selection = {
    invalid: fields.proposalId.errors !== undefined,
    errorId: fields.proposalId.errorId,
  };
  // Texts repeated on every row are translated once.
  const schemeLabel = { igu: t('scheme.igu'), praktik: t('scheme.praktik'), loentilskud: t('scheme.loentilskud') };
  const selectPair = fillIn(t('queue.selectPair', { candidate: slotFor('candidate'), slot: slotFor('slot') }), ['candidate', 'slot']);
  const rowTexts = {
    interestTag: ` ${t('queue.interestTag')}`,
    pooledTag: ` ${t('queue.pooledTag')}`,
    schemeLabel,
    selectPair,
    homeDecides: (jobcentre: string) => t('queue.homeJobcentreDecides', { jobcentre }),
    days: (count: number) => t('queue.days', { count }),
    ruleText: (rule: string) => tw(ruleTextKeys('rule', rule), { defaultValue: rule }),
    ruleDetail: (flag: { message: string; detail: RuleDetail | null }) => ruleDetailText(tw, flag.detail, flag.message),
    ruleShort: (rule: string) => tw(ruleTextKeys('ruleShort', rule), { defaultValue: tw(ruleTextKeys('rule', rule), { defaultValue: rule }) }),
    sourceLabel: tw('rule.sourceLabel'),
    noMustHaves: tw('queue.noMustHaves'),
    danish: tw('queue.danishShort'),
    km: tw('queue.kmShort'),
    start: tw('queue.startShort'),
    unknownKm: tw('queue.unknownKm'),
    scoreLabel: (score: string) => tw('queue.scoreLabel', { score }),
  };
  const previous = queue.page > 1 ? pageHref(query, queue.page - 1) : null;
  const next = nextPage === null ? null : pageHref(query, nextPage);
  const sort = query.sort ?? 'score';
  const sortHeader = (column: 'score' | 'waited' | 'start', label: string) => (
    <th scope="col" aria-sort={sort === column ? (column === 'score' ? 'descending' : 'ascending') : undefined}>
      {sort === column ? label : <Link to={pageHref({ ...query, sort: column === 'score' ? undefined : column }, 1)}>{label}</Link>}
    </th>
  );
  const lastShown = queue.firstRow + queue.items.length - 1;
  return (
    <div className="workbench">
      <h1 className="queue-title">{t('queue.title')}</h1>
      {result ? (
        <div role="status" className="notice queue-result">
          <p>{t(result.intent === 'approve' ? 'queue.approvedCount' : 'queue.rejectedCount', { count: done })}</p>
          {refused.length > 0 ? (
            <ul>
              {refused.map((o) => (
                <li key={o.proposalId}>
                  {o.rule
                    ? tw('queue.refusedRule', {
                        rule: tw(ruleTextKeys('rule', o.rule), { defaultValue: o.rule }),
                        message: ruleDetailText(tw, o.detail, o.message),
                        source: o.source ?? '',
                      })
                    : t(`errors.${o.code}`, { defaultValue: o.message })}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {invalidQuery ? <p className="notice">{t('queue.invalidFilters')}</p> : null}
      <FixFieldsAlert show={answer?.result.status === 'error'} />

      <Form method="get" className="queue-filters queue-filters--compact" aria-label={t('queue.filters')}>
        {query.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}
        <label>
          {t('queue.scheme')}
          <select name="scheme" defaultValue={query.scheme ?? ''}>
            <option value="">{t('queue.any')}</option>
            {(['igu', 'praktik', 'loentilskud'] as const).map((scheme) => (
              <option key={scheme} value={scheme}>
                {schemeLabel[scheme]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('queue.sector')}
          <select name="sector" defaultValue={query.sector ?? ''}>
            <option value="">{t('queue.any')}</option>
            {sectors.map((sector) => (
              <option key={sector.id} value={sector.id}>
                {sector.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('queue.employer')}
          <input type="search" name="employerName" maxLength={200} defaultValue={query.employerName ?? ''} />
        </label>
        {query.employer ? (
          // A link chose one employer by id; keep it until the consultant clears it.
          <label>
            <input type="checkbox" name="employer" value={query.employer} defaultChecked />
            {t('queue.linkedEmployer')}
          </label>
        ) : null}
        <label>
          {t('queue.minScore')}
          <input type="number" name="minScore" min={0} max={100} step={1} defaultValue={query.minScore ?? ''} className="narrow" />
        </label>
        <label>
          {t('queue.candidate')}
          <input type="search" name="candidate" maxLength={100} defaultValue={query.candidate ?? ''} />
        </label>
        <label>
          {t('queue.minDays')}
          <input type="number" name="minDays" min={0} defaultValue={query.minDays ?? ''} className="narrow" />
        </label>
        <label>
          {t('queue.source')}
          <select name="source" defaultValue={query.source ?? ''}>
            <option value="">{t('queue.any')}</option>
            <option value="matcher">{t('queue.sourceMatcher')}</option>
            <option value="interest">{t('queue.sourceInterest')}</option>
          </select>
        </label>
        <button type="submit" className="button button--quiet">
          {t('queue.applyFilters')}
        </button>
      </Form>

      {queue.items.length === 0 ? (
        queue.page > 1 ? (
          <p>
            {t('queue.pastEnd')} <Link to={pageHref(query, 1)}>{t('queue.firstPage')}</Link>
          </p>
        ) : (
          <p>{t('queue.empty')}</p>
        )
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <div className="table-scroll">
            <table className="data-table queue-table">
              <caption>{tw(`queue.caption.${sort}`, { from: queue.firstRow, to: lastShown, total: totalText })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('queue.select')}</th>
                  <th scope="col">{t('queue.candidate')}</th>
                  <th scope="col">{t('queue.slot')}</th>
                  {sortHeader('score', t('queue.score'))}
                  <th scope="col">{tw('queue.mustHaves')}</th>
                  <th scope="col">{tw('queue.danish')}</th>
                  <th scope="col">{tw('queue.distance')}</th>
                  {sortHeader('start', tw('queue.start'))}
                  {sortHeader('waited', t('queue.waited'))}
                  <th scope="col">{tw('queue.rules')}</th>
                </tr>
              </thead>
              <tbody>
                {queue.items.map((item) => (
                  <QueueRow
                    key={item.proposal_id}
                    item={item}
                    texts={rowTexts}
                    onFollow={follow}
                    selection={{ ...selection, ticked: ticked.has(item.proposal_id) }}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <FieldError id={fields.proposalId.errorId} errors={fields.proposalId.errors} />
          <fieldset className="queue-decide">
            <legend>{t('queue.decideSelected')}</legend>
            <button type="submit" name="intent" value="approve" className="button">
              {t('queue.approveSelected')}
            </button>
            <RejectReasonSelect defaultValue="skills" meta={fields.reason} />
            <div className="field">
              <label htmlFor={fields.note.id}>{t('queue.note')}</label>
              <input {...getInputProps(fields.note, { type: 'text' })} maxLength={1000} />
              <FieldError id={fields.note.errorId} errors={fields.note.errors} />
            </div>
            <button type="submit" name="intent" value="reject" className="button button--quiet">
              {t('queue.rejectSelected')}
            </button>
          </fieldset>
        </Form>
      )}
      {moreBeyondLastPage ? <p>{t('queue.narrowFilters')}</p> : null}
      {previous || next ? (
        <nav aria-label={t('queue.pages')}>
          {previous ? (
            <Link to={previous} rel="prev">
              {t('queue.previous')}
            </Link>
          ) : null}
          {previous && next ? ' · ' : null}
          {next ? (
            <Link to={next} rel="next">
              {t('queue.next')}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
