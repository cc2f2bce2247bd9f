/**
 * The consultant's caseload: the jobcentre's candidates, searchable,
 * filtered, sorted and paged with the total; self-registrations waiting for
 * an answer first, each with confirm and decline (the person gets a mail).
 */
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import { sectorOptions } from '~/candidates/labels.server';
import { confirmCandidate, declineCandidate } from '~/candidates/confirmation.server';
import { tellCandidate } from '~/candidates/confirmation-letter.server';
import { formProblem } from '~/consultants/form-errors.server';
import { resolveLocale } from '~/i18n/i18next.server';
import { parseHiddenForm } from '~/lib/http.server';
import { loadCaseload } from '~/workbench/caseload.server';
import { RuleProblem } from '~/workbench/rule-problem';
import { CASELOAD_SORTS, CASELOAD_STATUSES, CEFR_LEVELS, caseloadActionSchema, caseloadQuerySchema, type CaseloadQuery } from '~/workbench/schemas';
import workbenchStyles from '~/workbench/workbench.css';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: workbenchStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  const url = new URL(request.url);
  const parsed = caseloadQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  const query: CaseloadQuery = parsed.success ? parsed.data : {};
  const invalidFields = parsed.success ? [] : [...new Set(parsed.error.issues.map((issue) => issue.path.map(String).join('.')))];
  const [caseload, lng] = await Promise.all([loadCaseload(context.services, user, query), resolveLocale(request, context)]);
  const body = { caseload, query, invalidFields, sectors: sectorOptions(lng), lng };
  // A bad filter shows the unfiltered caseload with a message naming the field, as a 400.
  return data(body, { status: invalidFields.length > 0 ? 400 : 200 });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  // Confirm and decline are buttons beside a hidden id: nothing the consultant types.
  const form = await parseHiddenForm(request, caseloadActionSchema);
  const { services } = context;
  const deps = { db: services.db, clock: services.clock };
  try {
    if (form.intent === 'confirm') await confirmCandidate(deps, user, form.candidateId);
    else await declineCandidate(deps, user, form.candidateId);
    // The person is told either way, after the answer is committed.
    await tellCandidate(deps, form.candidateId, form.intent === 'confirm' ? 'confirmed' : 'declined');
  } catch (error) {
    return formProblem(error);
  }
  return { ok: true as const, intent: form.intent };
}

function hrefWith(query: CaseloadQuery, change: Partial<CaseloadQuery>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...query, ...change })) {
    if (value !== undefined && !(name === 'page' && value === 1)) params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `/consultant/candidates?${search}` : '/consultant/candidates';
}

export default function Caseload() {
  const { t } = useTranslation('workbench');
  const { caseload, query, invalidFields, sectors, lng } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const dateFormat = new Intl.DateTimeFormat(lng === 'en' ? 'en-GB' : 'da-DK', { dateStyle: 'medium', timeZone: 'Europe/Copenhagen' });
  const from = caseload.total === 0 ? 0 : (caseload.page - 1) * caseload.pageSize + 1;
  const to = (caseload.page - 1) * caseload.pageSize + caseload.rows.length;
  const lastPage = Math.max(1, Math.ceil(caseload.total / caseload.pageSize));
  const sort = query.sort ?? 'waited';
  const dir = query.dir ?? 'desc';
  const sectorName = new Map(sectors.map((sector) => [sector.id as string, sector.label]));
  const sortLink = (column: (typeof CASELOAD_SORTS)[number]) =>
    hrefWith(query, { sort: column, dir: sort === column && dir === 'desc' ? 'asc' : 'desc', page: 1 });
  const ariaSort = (column: (typeof CASELOAD_SORTS)[number]) => (sort === column ? (dir === 'desc' ? 'descending' : 'ascending') : undefined);
  return (
    <div className="workbench">
      <h1>{t('caseload.title')}</h1>
      <p>
        <Link to="/consultant/candidates/new">{t('caseload.newCandidate')}</Link>
      </p>
      {result && !result.ok ? <RuleProblem problem={result.problem} /> : null}
      {result?.ok ? <p role="status">{t(result.intent === 'confirm' ? 'caseload.confirmed' : 'caseload.declined')}</p> : null}
      {invalidFields.length > 0 ? (
        <p role="alert" className="alert">
          {t('caseload.invalidFilters', { fields: invalidFields.join(', ') })}
        </p>
      ) : null}

      {caseload.pending.length > 0 ? (
        <section className="pending-list" aria-labelledby="pending-heading">
          <h2 id="pending-heading">{t('caseload.pendingTitle', { count: caseload.pending.length })}</h2>
          <p className="hint">{t('caseload.pendingLead')}</p>
          <ul>
            {caseload.pending.map((person) => (
              <li key={person.id}>
                <Link to={`/consultant/candidates/${person.id}`}>{person.full_name}</Link>
                <span className="hint">
                  {t('caseload.registeredOn', { date: dateFormat.format(new Date(person.created_at)), postalCode: person.postal_code })}
                </span>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="candidateId" value={person.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="confirm"
                    className="button"
                    aria-label={t('caseload.confirmNamed', { name: person.full_name })}
                  >
                    {t('caseload.confirm')}
                  </button>
                  <button
                    type="submit"
                    name="intent"
                    value="decline"
                    className="button button--quiet"
                    aria-label={t('caseload.declineNamed', { name: person.full_name })}
                  >
                    {t('caseload.decline')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <Form method="get" className="caseload-filters" aria-label={t('caseload.filters')}>
        <label>
          {t('caseload.name')}
          <input type="search" name="q" maxLength={200} defaultValue={query.q ?? ''} />
        </label>
        <label>
          {t('caseload.status')}
          <select name="status" defaultValue={query.status ?? ''}>
            <option value="">{t('caseload.anyButArchived')}</option>
            {CASELOAD_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`caseload.statusLabel.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('caseload.minDays')}
          <input type="number" name="minDays" min={0} max={3650} defaultValue={query.minDays ?? ''} />
        </label>
        <label>
          {t('caseload.danish')}
          <select name="danish" defaultValue={query.danish ?? ''}>
            <option value="">{t('caseload.any')}</option>
            {CEFR_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t('caseload.atLeast', { level })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('caseload.sector')}
          <select name="sector" defaultValue={query.sector ?? ''}>
            <option value="">{t('caseload.any')}</option>
            {sectors.map((sector) => (
              <option key={sector.id} value={sector.id}>
                {sector.label}
              </option>
            ))}
          </select>
        </label>
        {query.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}
        {query.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
        <button type="submit" className="button button--quiet">
          {t('caseload.apply')}
        </button>
      </Form>

      <div className="table-scroll">
        <table className="data-table">
          <caption>{caseload.total === 0 ? t('caseload.none') : t('caseload.caption', { from, to, total: caseload.total })}</caption>
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort('name')}>
                <Link to={sortLink('name')}>{t('caseload.name')}</Link>
              </th>
              <th scope="col">{t('caseload.status')}</th>
              <th scope="col" aria-sort={ariaSort('waited')}>
                <Link to={sortLink('waited')}>{t('caseload.waited')}</Link>
              </th>
              <th scope="col" aria-sort={ariaSort('danish')}>
                <Link to={sortLink('danish')}>{t('caseload.danishColumn')}</Link>
              </th>
              <th scope="col">{t('caseload.sectors')}</th>
              <th scope="col">{t('caseload.postalCode')}</th>
              <th scope="col" aria-sort={ariaSort('registered')}>
                <Link to={sortLink('registered')}>{t('caseload.registered')}</Link>
              </th>
            </tr>
          </thead>
          <tbody>
            {caseload.rows.map((row) => {
              const status = row.status === 'active' && row.in_placement ? 'in_placement' : row.status;
              return (
                <tr key={row.id}>
                  <td>
                    <Link to={`/consultant/candidates/${row.id}`}>{row.full_name}</Link>
                  </td>
                  <td>
                    <span className="status-badge">{t(`caseload.statusLabel.${status}`)}</span>
                  </td>
                  <td className="nowrap">{t('caseload.days', { count: row.days_waited })}</td>
                  <td>
                    {row.danish_spoken ?? '–'}
                    {row.danish_written ? ` / ${row.danish_written}` : ''}
                  </td>
                  <td>{row.ambition_sectors.map((sector) => sectorName.get(sector) ?? sector).join(', ') || '–'}</td>
                  <td>{row.postal_code}</td>
                  <td className="nowrap">{dateFormat.format(new Date(row.created_at))}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {lastPage > 1 ? (
        <nav className="pager" aria-label={t('caseload.pages')}>
          {caseload.page > 1 ? (
            <Link to={hrefWith(query, { page: caseload.page - 1 })} rel="prev">
              {t('caseload.previous')}
            </Link>
          ) : null}
          <span>{t('caseload.pageOf', { page: caseload.page, pages: lastPage })}</span>
          {caseload.page < lastPage ? (
            <Link to={hrefWith(query, { page: caseload.page + 1 })} rel="next">
              {t('caseload.next')}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
