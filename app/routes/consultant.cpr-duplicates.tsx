/**
 * CPR numbers registered at this jobcentre and another (issue 21.15): the
 * open cases, each with the own candidate and the other jobcentre's name,
 * to settle with that jobcentre and then mark settled here.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireUser } from '~/auth/session.server';
import { listCprDuplicates, settleCprDuplicate } from '~/candidates/cpr-duplicates.server';
import { NotFound } from '~/lib/errors';
import { jsonError, parseHiddenForm } from '~/lib/http.server';
import { formatMomentDay } from '~/i18n/formats';

export const meta: MetaFunction = () => [{ title: 'Jobbro' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  const cases = await listCprDuplicates(context.services, user);
  return {
    cases: cases.map((row) => ({
      id: row.id,
      foundAt: row.found_at.toISOString(),
      candidate: row.own_candidate_name,
      otherJobcentre: row.other_jobcentre_name,
    })),
  };
}

const settleSchema = z.object({ flagId: z.uuid() });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  const { flagId } = await parseHiddenForm(request, settleSchema);
  try {
    await settleCprDuplicate(context.services, user, flagId);
    return data({ settled: flagId });
  } catch (error) {
    // Settled meanwhile, or not a case of this jobcentre: the same answer, so it reveals nothing.
    if (error instanceof NotFound) return data({ settled: null }, { status: 409 });
    throw jsonError(error, context.services.logger);
  }
}

export default function CprDuplicates() {
  const { t, i18n } = useTranslation('account');
  const { cases } = useLoaderData<typeof loader>();
  const lng = i18n.resolvedLanguage ?? 'da';
  return (
    <section aria-labelledby="cpr-duplicates-title">
      <h1 id="cpr-duplicates-title">{t('cprDuplicates.title')}</h1>
      <p>{t('cprDuplicates.intro')}</p>
      {cases.length === 0 ? (
        <p className="hint">{t('cprDuplicates.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('cprDuplicates.ours')}</th>
              <th scope="col">{t('cprDuplicates.theirs')}</th>
              <th scope="col">{t('cprDuplicates.found')}</th>
              <th scope="col">{t('cprDuplicates.resolve')}</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((row) => (
              <tr key={row.id}>
                <td>{row.candidate}</td>
                <td>{row.otherJobcentre}</td>
                <td>{formatMomentDay(lng, row.foundAt)}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="flagId" value={row.id} />
                    <button type="submit" className="button button--quiet">
                      {t('cprDuplicates.resolve')}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
