/** The employer's start page: company status, slots with their pipeline, and workplaces with room under the ratio rule. */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import { employerActorOf, getCompany, listWorkplaces } from '~/employers/organisations.server';
import { listSlots } from '~/employers/slots.server';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = employerActorOf(await requireUser(request, context, ['employer']));
  const [company, slots, workplaces] = await Promise.all([
    getCompany(context.services, actor),
    listSlots(context.services, actor),
    listWorkplaces(context.services, actor),
  ]);
  return { company: { name: company.name, status: company.status }, slots, workplaces };
}

export default function EmployerHome() {
  const { t, i18n } = useTranslation(['common', 'employer']);
  const { company, slots, workplaces } = useLoaderData<typeof loader>();
  const date = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <>
      <h1>{t('home.employerTitle')}</h1>
      <p>{t('home.employerLead', { organisation: company.name })}</p>
      <p className={company.status === 'verified' ? 'hint' : 'alert'} role="status">
        {t(`employer:companyStatus.${company.status}`)}
      </p>
      <p>
        <Link to="/employer/slots/new" className="button">
          {t('employer:dashboard.newSlot')}
        </Link>{' '}
        <Link to="/employer/workplaces/new" className="button button--quiet">
          {t('employer:dashboard.addWorkplace')}
        </Link>{' '}
        <Link to="/employer/company" className="button button--quiet">
          {t('employer:dashboard.company')}
        </Link>
      </p>

      <h2>{t('employer:dashboard.slots')}</h2>
      {slots.length === 0 ? (
        <p>{t('employer:dashboard.noSlots')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('employer:dashboard.columns.title')}</th>
              <th scope="col">{t('employer:dashboard.columns.type')}</th>
              <th scope="col">{t('employer:dashboard.columns.workplace')}</th>
              <th scope="col">{t('employer:dashboard.columns.status')}</th>
              <th scope="col">{t('employer:dashboard.columns.start')}</th>
              <th scope="col">{t('employer:dashboard.columns.positions')}</th>
              <th scope="col">{t('employer:dashboard.columns.found')}</th>
              <th scope="col">{t('employer:dashboard.columns.approved')}</th>
              <th scope="col">{t('employer:dashboard.columns.invited')}</th>
            </tr>
          </thead>
          <tbody>
            {slots.map((slot) => (
              <tr key={slot.id}>
                <th scope="row">
                  <Link to={`/employer/slots/${slot.id}`}>{slot.title}</Link>
                </th>
                <td>{t(`employer:types.${slot.type}`)}</td>
                <td>{slot.workplaceName}</td>
                <td>{t(`employer:visibility.${slot.visibility}`)}</td>
                <td>{date.format(new Date(`${slot.startDate}T00:00:00Z`))}</td>
                <td>{slot.positions}</td>
                <td>{slot.pipeline.found}</td>
                <td>{slot.pipeline.approved}</td>
                <td>{slot.pipeline.invited}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t('employer:dashboard.workplaces')}</h2>
      <ul>
        {workplaces.map((workplace) => (
          <li key={workplace.id}>
            <strong>{workplace.name}</strong> – {workplace.address}, {workplace.postalCode} ({workplace.municipalityName}), P-nr. {workplace.pNumber}.{' '}
            {t('employer:dashboard.ratioLeft', { remaining: workplace.ratio.remaining, capacity: workplace.ratio.capacity })}
          </li>
        ))}
      </ul>
    </>
  );
}
