/** CSV export of one figures table for the consultant's jobcentre or network. */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '~/auth/session.server';
import { toCsv } from '~/figures/csv';
import { loadFigures } from '~/figures/figures.server';
import { municipalityPaths } from '~/figures/map.server';
import { csvQuerySchema } from '~/figures/schemas';
import { figureTable } from '~/figures/tables';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  const parsed = csvQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return new Response('Unknown table', { status: 400 });
  const scope = parsed.data.scope === 'network' ? 'network' : 'jobcentre';
  const figures = await loadFigures(context.services, user, scope, parsed.data.period);
  const table = figureTable(figures, parsed.data.table, municipalityPaths(), parsed.data.map);
  return new Response(toCsv(table.header, table.rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="jobbro-${scope}-${parsed.data.table}-${figures.today}.csv"`,
    },
  });
}
